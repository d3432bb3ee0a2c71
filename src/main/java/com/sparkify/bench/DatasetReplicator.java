package com.sparkify.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes a larger dataset from a real one: each copy of every event log shifts sessionId (so plays stay
 * distinct) and ts by the copy number. Song files are copied once.
 */
public final class DatasetReplicator {
    private static final long SESSION_SHIFT = 1_000_000L;
    private final ObjectMapper json = new ObjectMapper();

    /** Writes {@code copies} shifted copies of every log under {@code out/log_data}; returns events written. */
    public long replicate(Path songs, Path logs, Path out, int copies) throws IOException {
        copyTree(songs, out.resolve("song_data"));
        List<Path> logFiles = jsonFiles(logs);
        long events = 0;
        for (int copy = 0; copy < copies; copy++) {
            Path folder = Files.createDirectories(out.resolve("log_data").resolve(String.format("copy-%04d", copy)));
            for (Path file : logFiles) {
                events += shift(file, folder.resolve(file.getFileName()), copy);
            }
        }
        return events;
    }

    private long shift(Path from, Path to, int copy) throws IOException {
        long lines = 0;
        try (BufferedReader in = Files.newBufferedReader(from, StandardCharsets.UTF_8);
                BufferedWriter writer = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode event = (ObjectNode) json.readTree(line);
                event.put("sessionId", event.get("sessionId").asLong() + copy * SESSION_SHIFT);
                event.put("ts", event.get("ts").asLong() + copy);
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
