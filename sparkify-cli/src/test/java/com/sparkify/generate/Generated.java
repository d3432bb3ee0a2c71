package com.sparkify.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A generated dataset read back from disk, for assertions. */
record Generated(GeneratedDataset dataset, List<JsonNode> songs, List<Line> events) {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** One event line, with the day its file is named after. */
    record Line(String file, LocalDate day, String raw, JsonNode json) {}

    static Generated of(GeneratorSpec spec) {
        GeneratedDataset dataset = new DatasetGenerator().generate(spec);
        List<JsonNode> songs = new ArrayList<>();
        for (Path file : files(dataset.songData()).keySet()) {
            songs.add(read(file));
        }
        List<Line> events = new ArrayList<>();
        for (Path file : files(dataset.logData()).keySet()) {
            String name = file.getFileName().toString();
            LocalDate day = LocalDate.parse(name.substring(0, 10));
            for (String raw : readLines(file)) {
                events.add(new Line(name, day, raw, parse(raw)));
            }
        }
        return new Generated(dataset, songs, events);
    }

    /** Every regular file under {@code root} with its bytes, by path in a stable order. */
    static Map<Path, byte[]> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            Map<Path, byte[]> files = new TreeMap<>();
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(file, Files.readAllBytes(file));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> plays() {
        return events.stream()
                .map(Line::json)
                .filter(e -> e.get("page").asText().equals("NextSong"))
                .toList();
    }
}
