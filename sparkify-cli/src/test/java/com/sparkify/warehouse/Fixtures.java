package com.sparkify.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes small song files and event logs shaped like the Million Song Dataset and eventsim's. */
public final class Fixtures {
    /** 2018-11-01 20:57:10.796 UTC, a Thursday of ISO week 44. */
    public static final long T0 = 1_541_105_830_796L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    /** A song record, as one JSON object. */
    public static String song(
            String songId, String title, String artistId, String artistName, double duration, int year) {
        Map<String, Object> song = new LinkedHashMap<>();
        song.put("num_songs", 1);
        song.put("artist_id", artistId);
        song.put("artist_latitude", null);
        song.put("artist_longitude", null);
        song.put("artist_location", "");
        song.put("artist_name", artistName);
        song.put("song_id", songId);
        song.put("title", title);
        song.put("duration", duration);
        song.put("year", year);
        return json(song);
    }

    /** A NextSong event of a logged-in user. */
    public static String play(
            long ts,
            long session,
            long item,
            long userId,
            String firstName,
            String level,
            String song,
            String artist,
            double length) {
        Map<String, Object> event = event(ts, session, item, String.valueOf(userId), firstName, level, "NextSong");
        event.put("artist", artist);
        event.put("song", song);
        event.put("length", length);
        return json(event);
    }

    /** An event that is not a play: Home, Logout, ...; userId "" for a logged-out visitor. */
    public static String page(long ts, long session, long item, String userId, String level, String page) {
        return json(event(ts, session, item, userId, userId.isEmpty() ? null : "Ann", level, page));
    }

    private static Map<String, Object> event(
            long ts, long session, long item, String userId, String firstName, String level, String page) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("artist", null);
        event.put("auth", userId.isEmpty() ? "Logged Out" : "Logged In");
        event.put("firstName", firstName);
        event.put("gender", firstName == null ? null : "F");
        event.put("itemInSession", item);
        event.put("lastName", firstName == null ? null : "Lee");
        event.put("length", null);
        event.put("level", level);
        event.put("location", "Austin-Round Rock, TX");
        event.put("method", "PUT");
        event.put("page", page);
        event.put("registration", 1.540919166796E12);
        event.put("sessionId", session);
        event.put("song", null);
        event.put("status", 200);
        event.put("ts", ts);
        event.put("userAgent", "Mozilla/5.0 (Windows NT 6.1; WOW64)");
        event.put("userId", userId);
        return event;
    }

    private static String json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes lines to {@code file}, creating folders, and moves its modification time on so it looks changed. */
    public static Path write(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            boolean existed = Files.exists(file);
            FileTime before = existed ? Files.getLastModifiedTime(file) : null;
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            if (existed) {
                Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 2_000));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path file, String... lines) {
        return write(file, List.of(lines));
    }
}
