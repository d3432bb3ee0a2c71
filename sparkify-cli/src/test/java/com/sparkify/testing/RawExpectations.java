package com.sparkify.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the star schema must hold, computed straight from raw files with a plain JSON tree parser and no
 * sparkify code, so that tests compare against an independent answer.
 */
public final class RawExpectations {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public final List<JsonNode> events = new ArrayList<>();
    public final List<JsonNode> songs = new ArrayList<>();

    public static RawExpectations read(Path songFolder, Path logFolder) {
        RawExpectations raw = new RawExpectations();
        for (Path file : jsonFiles(songFolder)) {
            raw.songs.add(parse(text(file)));
        }
        for (Path file : jsonFiles(logFolder)) {
            for (String line : text(file).split("\r?\n")) {
                if (!line.isBlank()) {
                    raw.events.add(parse(line));
                }
            }
        }
        return raw;
    }

    public List<JsonNode> plays() {
        return events.stream()
                .filter(e -> "NextSong".equals(e.path("page").asText()))
                .toList();
    }

    public long songplays() {
        return plays().stream()
                .map(e -> e.get("sessionId").asLong() + ":"
                        + e.get("itemInSession").asLong())
                .distinct()
                .count();
    }

    /** user id -> level of the user's latest event. */
    public Map<Long, String> latestLevels() {
        Map<Long, JsonNode> latest = new HashMap<>();
        for (JsonNode event : events) {
            String userId = event.path("userId").asText("");
            if (!userId.isEmpty()) {
                latest.merge(
                        Long.parseLong(userId),
                        event,
                        (a, b) -> b.get("ts").asLong() > a.get("ts").asLong() ? b : a);
            }
        }
        Map<Long, String> levels = new HashMap<>();
        latest.forEach((user, event) -> levels.put(user, event.get("level").asText()));
        return levels;
    }

    public long distinctSongIds() {
        return songs.stream().map(s -> s.get("song_id").asText()).distinct().count();
    }

    public long distinctArtistIds() {
        return songs.stream().map(s -> s.get("artist_id").asText()).distinct().count();
    }

    public long distinctPlayTimestamps() {
        return plays().stream().map(e -> e.get("ts").asLong()).distinct().count();
    }

    /** Plays whose title, artist and length equal a song file's title, artist_name and duration. */
    public long matchedPlays() {
        Set<String> catalog = new HashSet<>();
        for (JsonNode song : songs) {
            catalog.add(
                    song.get("title").asText() + "|" + song.get("artist_name").asText() + "|"
                            + song.get("duration").asDouble());
        }
        return plays().stream()
                .filter(e -> catalog.contains(e.path("song").asText() + "|"
                        + e.path("artist").asText() + "|" + e.path("length").asDouble()))
                .count();
    }

    private static List<Path> jsonFiles(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
