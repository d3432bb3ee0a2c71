package com.sparkify.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes a larger dataset from a real one: each copy of every event log shifts sessionId (so plays stay
 * distinct) and ts by the copy number. Song files are copied once. {@link #nextDay} writes the day after a
 * log, for the incremental benchmark.
 */
public final class DatasetReplicator {
    private static final long SESSION_SHIFT = 1_000_000L;
    /** Sessions of a next day: above those of any copy (copies stay below 10,000). */
    private static final long NEXT_DAY_SESSIONS = 10_000 * SESSION_SHIFT;

    private static final long DAY_MILLIS = 86_400_000L;
    private static final Pattern DAILY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-events\\.json");
    private final ObjectMapper json = new ObjectMapper();

    /** Writes {@code copies} shifted copies of every log under {@code out/log_data}; returns events written. */
    public long replicate(Path songs, Path logs, Path out, int copies) throws IOException {
        if (copies < 1 || copies >= NEXT_DAY_SESSIONS / SESSION_SHIFT) {
            throw new IllegalArgumentException("Expected 1 to 9,999 copies, found " + copies);
        }
        copyTree(songs, out.resolve("song_data"));
        List<Path> logFiles = jsonFiles(logs);
        long events = 0;
        for (int copy = 0; copy < copies; copy++) {
            Path folder = Files.createDirectories(out.resolve("log_data").resolve(String.format("copy-%04d", copy)));
            for (Path file : logFiles) {
                events += shift(file, folder.resolve(file.getFileName()), copy * SESSION_SHIFT, copy);
            }
        }
        return events;
    }

    /**
     * Writes the day after an event log into {@code folder}: every event a day later, in sessions of its own,
     * named after the new date when the log is named like {@code 2018-11-30-events.json}. Returns the file.
     */
    public Path nextDay(Path log, Path folder) throws IOException {
        String name = log.getFileName().toString();
        Matcher daily = DAILY.matcher(name);
        String next = daily.matches()
                ? LocalDate.parse(daily.group(1)).plusDays(1) + "-events.json"
                : name.replaceFirst("\\.json$", "") + "-next-day.json";
        Path to = Files.createDirectories(folder).resolve(next);
        shift(log, to, NEXT_DAY_SESSIONS, DAY_MILLIS);
        return to;
    }

    private long shift(Path from, Path to, long sessionShift, long tsShift) throws IOException {
        long lines = 0;
        try (BufferedReader in = Files.newBufferedReader(from, StandardCharsets.UTF_8);
                BufferedWriter writer = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode event = (ObjectNode) json.readTree(line);
                event.put("sessionId", event.get("sessionId").asLong() + sessionShift);
                event.put("ts", event.get("ts").asLong() + tsShift);
                writer.write(json.writeValueAsString(event));
                writer.write('\n');
                lines++;
            }
        }
        return lines;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        for (Path file : jsonFiles(from)) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static List<Path> jsonFiles(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }
}
