package com.sparkify.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The answers the named analyses must give, computed from raw files ({@link RawExpectations}) with plain
 * Java collections and no sparkify code. Rows hold Long, String and BigDecimal values like a QueryResult.
 * Text is shown repaired from double-encoded UTF-8 by a repair written here, independently.
 */
public final class RawAnswers {
    /** One songplay as the raw files imply it. */
    public record Play(
            long ts,
            LocalDateTime start,
            long userId,
            String level,
            String song,
            String artist,
            Double length,
            long sessionId,
            String location,
            String userAgent,
            String catalogSongId) {
        boolean matched() {
            return catalogSongId != null;
        }
    }

    /** One row of a user's level history. */
    public record LevelRow(long userId, String level, LocalDateTime validFrom, LocalDateTime validTo) {}

    private static final Comparator<String> CODE_POINTS = Comparator.nullsLast((a, b) -> {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        return java.util.Arrays.compare(x, y);
    });

    private final RawExpectations raw;
    private final List<Play> allPlays;

    public RawAnswers(RawExpectations raw) {
        this.raw = raw;
        this.allPlays = plays(raw);
    }

    public List<Play> plays(LocalDate from, LocalDate to) {
        return allPlays.stream().filter(inPeriod(from, to)).toList();
    }

    private static Predicate<Play> inPeriod(LocalDate from, LocalDate to) {
        return play -> (from == null || !play.start().toLocalDate().isBefore(from))
                && (to == null || !play.start().toLocalDate().isAfter(to));
    }

    private static List<Play> plays(RawExpectations raw) {
        Map<String, String> catalog = new HashMap<>();
        for (JsonNode song : raw.songs) {
            String key =
                    song.get("title").asText() + "|" + song.get("artist_name").asText() + "|"
                            + song.get("duration").asDouble();
            String id = song.get("song_id").asText();
            catalog.merge(key, id, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        for (JsonNode event : raw.plays()) {
            String key = event.get("sessionId").asLong() + ":"
                    + event.get("itemInSession").asLong();
            JsonNode previous = latest.get(key);
            if (previous == null
                    || event.get("ts").asLong() >= previous.get("ts").asLong()) {
                latest.put(key, event);
            }
        }
        List<Play> plays = new ArrayList<>();
        for (JsonNode e : latest.values()) {
            long ts = e.get("ts").asLong();
            String match = catalog.get(e.path("song").asText() + "|"
                    + e.path("artist").asText() + "|" + e.path("length").asDouble());
            plays.add(new Play(
                    ts,
                    utc(ts),
                    Long.parseLong(e.get("userId").asText()),
                    text(e, "level"),
                    text(e, "song"),
                    text(e, "artist"),
                    e.hasNonNull("length") ? e.get("length").asDouble() : null,
                    e.get("sessionId").asLong(),
                    text(e, "location"),
                    text(e, "userAgent"),
                    match));
        }
        return plays;
    }

    static LocalDateTime utc(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    private static String text(JsonNode event, String field) {
        return event.hasNonNull(field) ? event.get(field).asText() : null;
    }

    /** Decodes text that was UTF-8 read as Latin-1, as often as that yields valid, shorter text. */
    public static String repaired(String text) {
        if (text == null) {
            return null;
        }
        String current = text;
        while (current.chars().allMatch(c -> c <= 0xFF) && current.chars().anyMatch(c -> c >= 0x80)) {
            String decoded = new String(current.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            if (decoded.contains("\uFFFD") || decoded.length() >= current.length()) {
                break;
            }
            current = decoded;
        }
        return current;
    }

    private static long distinct(List<Play> plays, Function<Play, Object> key) {
        return plays.stream().map(key).distinct().count();
    }

    private static BigDecimal percent(long part, long whole, int scale) {
        return BigDecimal.valueOf(100.0 * part / whole).setScale(scale, RoundingMode.HALF_UP);
    }

    private static <K> Map<K, List<Play>> groupBy(List<Play> plays, Function<Play, K> key) {
        Map<K, List<Play>> groups = new LinkedHashMap<>();
        for (Play play : plays) {
            groups.computeIfAbsent(key.apply(play), k -> new ArrayList<>()).add(play);
        }
        return groups;
    }

    public List<List<Object>> topSongs(LocalDate from, LocalDate to) {
        List<List<Object>> rows = new ArrayList<>();
        groupBy(plays(from, to), play -> List.of(play.song(), play.artist()))
                .forEach((key, group) -> rows.add(List.of(
                        key.get(0), key.get(1), (long) group.size(), distinct(group, Play::userId), matched(group))));
        rows.sort(Comparator.<List<Object>, Long>comparing(row -> (Long) row.get(2))
                .reversed()
                .thenComparing(row -> (String) row.get(0), CODE_POINTS)
                .thenComparing(row -> (String) row.get(1), CODE_POINTS));
        return repairText(rows);
    }

    public List<List<Object>> topArtists(LocalDate from, LocalDate to) {
        List<List<Object>> rows = new ArrayList<>();
        groupBy(plays(from, to), Play::artist)
                .forEach((artist, group) -> rows.add(List.of(
                        artist,
                        (long) group.size(),
                        distinct(group, Play::song),
                        distinct(group, Play::userId),
                        matched(group))));
        rows.sort(Comparator.<List<Object>, Long>comparing(row -> (Long) row.get(1))
                .reversed()
                .thenComparing(row -> (String) row.get(0), CODE_POINTS));
        return repairText(rows);
    }

    private static long matched(List<Play> plays) {
        return plays.stream().filter(Play::matched).count();
    }

    public List<List<Object>> playsByDay(LocalDate from, LocalDate to) {
        List<List<Object>> rows = new ArrayList<>();
        new TreeMap<>(groupBy(plays(from, to), play -> play.start().toLocalDate())).forEach((day, group) -> {
            List<Play> free =
                    group.stream().filter(p -> "free".equals(p.level())).toList();
            List<Play> paid =
                    group.stream().filter(p -> "paid".equals(p.level())).toList();
            rows.add(List.of(
                    day.toString(),
                    (long) group.size(),
                    distinct(group, Play::userId),
                    (long) free.size(),
                    (long) paid.size(),
                    distinct(free, Play::userId),
                    distinct(paid, Play::userId)));
        });
        return rows;
    }

    public List<List<Object>> playsByHour(LocalDate from, LocalDate to) {
        Map<Integer, List<Play>> byHour =
                groupBy(plays(from, to), play -> play.start().getHour());
        List<List<Object>> rows = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            List<Play> group = byHour.getOrDefault(hour, List.of());
            rows.add(List.of((long) hour, (long) group.size(), distinct(group, Play::userId)));
        }
        return rows;
    }

    public List<List<Object>> playsByWeekday(LocalDate from, LocalDate to) {
        Map<DayOfWeek, List<Play>> byDay =
                groupBy(plays(from, to), play -> play.start().getDayOfWeek());
        List<List<Object>> rows = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Play> group = byDay.getOrDefault(day, List.of());
            rows.add(List.of(
                    (long) day.getValue(),
                    day.getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                    (long) group.size(),
                    distinct(group, Play::userId),
                    distinct(group, play -> play.start().toLocalDate())));
        }
        return rows;
    }

    public List<List<Object>> freeVsPaid(LocalDate from, LocalDate to) {
        List<Play> plays = plays(from, to);
        List<List<Object>> rows = new ArrayList<>();
        new TreeMap<>(groupBy(plays, Play::level))
                .forEach((level, group) -> rows.add(List.of(
                        level,
                        (long) group.size(),
                        distinct(group, Play::userId),
                        percent(group.size(), plays.size(), 2))));
        return rows;
    }

    public List<List<Object>> mostActiveUsers(LocalDate from, LocalDate to) {
        Map<Long, JsonNode> profiles = latestEvents();
        List<List<Object>> rows = new ArrayList<>();
        groupBy(plays(from, to), Play::userId).forEach((user, group) -> {
            JsonNode profile = profiles.get(user);
            List<Object> row = new ArrayList<>();
            row.add(user);
            row.add(text(profile, "firstName"));
            row.add(text(profile, "lastName"));
            row.add(text(profile, "level"));
            row.add((long) group.size());
            row.add(distinct(group, Play::sessionId));
            rows.add(row);
        });
        rows.sort(Comparator.<List<Object>, Long>comparing(row -> (Long) row.get(4))
                .reversed()
                .thenComparing(row -> (Long) row.get(0)));
        return repairText(rows);
    }

    /** Each logged-in user's latest event (by ts; of equal ts, the later in the files). */
    private Map<Long, JsonNode> latestEvents() {
        Map<Long, JsonNode> latest = new HashMap<>();
        for (JsonNode event : raw.events) {
            String userId = event.path("userId").asText("");
            if (!userId.isEmpty()) {
                latest.merge(
                        Long.parseLong(userId),
                        event,
                        (a, b) -> b.get("ts").asLong() >= a.get("ts").asLong() ? b : a);
            }
        }
        return latest;
    }

    public List<List<Object>> busiestLocations(LocalDate from, LocalDate to) {
        List<List<Object>> rows = new ArrayList<>();
        groupBy(plays(from, to), play -> play.location() == null ? "(unknown)" : play.location())
                .forEach((location, group) ->
                        rows.add(List.of(location, (long) group.size(), distinct(group, Play::userId))));
        rows.sort(Comparator.<List<Object>, Long>comparing(row -> (Long) row.get(1))
                .reversed()
                .thenComparing(row -> (String) row.get(0), CODE_POINTS));
        return repairText(rows);
    }

    public List<List<Object>> userAgents(LocalDate from, LocalDate to) {
        List<Play> plays = plays(from, to);
        List<List<Object>> rows = new ArrayList<>();
        groupBy(plays, play -> List.of(UserAgents.browser(play.userAgent()), UserAgents.os(play.userAgent())))
                .forEach((key, group) -> rows.add(List.of(
                        key.get(0),
                        key.get(1),
                        (long) group.size(),
                        distinct(group, Play::userId),
                        percent(group.size(), plays.size(), 2))));
        rows.sort(Comparator.<List<Object>, Long>comparing(row -> (Long) row.get(2))
                .reversed()
                .thenComparing(row -> (String) row.get(0))
                .thenComparing(row -> (String) row.get(1)));
        return rows;
    }

    public List<List<Object>> sessionLengths(LocalDate from, LocalDate to) {
        long[][] buckets = {{1, 1}, {2, 4}, {5, 9}, {10, 19}, {20, 49}, {50, 99}, {100, Long.MAX_VALUE}};
        String[] labels = {"1", "2-4", "5-9", "10-19", "20-49", "50-99", "100+"};
        Map<List<Long>, List<Play>> sessions =
                groupBy(plays(from, to), play -> List.of(play.userId(), play.sessionId()));
        List<List<Object>> rows = new ArrayList<>();
        for (int b = 0; b < buckets.length; b++) {
            long low = buckets[b][0];
            long high = buckets[b][1];
            List<List<Play>> inBucket = sessions.values().stream()
                    .filter(group -> group.size() >= low && group.size() <= high)
                    .toList();
            double seconds = 0;
            for (List<Play> group : inBucket) {
                double first =
                        group.stream().mapToDouble(p -> p.ts() / 1000.0).min().orElseThrow();
                double end = group.stream()
                        .mapToDouble(p -> p.ts() / 1000.0 + (p.length() == null ? 0 : p.length()))
                        .max()
                        .orElseThrow();
                seconds += end - first;
            }
            List<Object> row = new ArrayList<>();
            row.add(labels[b]);
            row.add((long) inBucket.size());
            row.add(inBucket.stream().mapToLong(List::size).sum());
            row.add(
                    inBucket.isEmpty()
                            ? null
                            : BigDecimal.valueOf(seconds / inBucket.size() / 60).setScale(1, RoundingMode.HALF_UP));
            rows.add(row);
        }
        return rows;
    }

    /**
     * Every logged-in user's level history: their events of any page in time order (of equal ts, the later
     * in the files counts), one row per run of the same level.
     */
    public Map<Long, List<LevelRow>> levelHistory() {
        Map<Long, List<JsonNode>> byUser = new HashMap<>();
        for (JsonNode event : raw.events) {
            String userId = event.path("userId").asText("");
            if (!userId.isEmpty()) {
                byUser.computeIfAbsent(Long.parseLong(userId), k -> new ArrayList<>())
                        .add(event);
            }
        }
        Map<Long, List<LevelRow>> history = new TreeMap<>();
        byUser.forEach((user, events) -> {
            List<JsonNode> sorted = new ArrayList<>(events);
            sorted.sort(Comparator.comparingLong(e -> e.get("ts").asLong()));
            Map<Long, String> levelAt = new LinkedHashMap<>();
            for (JsonNode event : sorted) {
                levelAt.put(event.get("ts").asLong(), text(event, "level"));
            }
            List<LevelRow> rows = new ArrayList<>();
            levelAt.forEach((ts, level) -> {
                if (rows.isEmpty()
                        || !java.util.Objects.equals(rows.get(rows.size() - 1).level(), level)) {
                    if (!rows.isEmpty()) {
                        LevelRow last = rows.remove(rows.size() - 1);
                        rows.add(new LevelRow(user, last.level(), last.validFrom(), utc(ts)));
                    }
                    rows.add(new LevelRow(user, level, utc(ts), null));
                }
            });
            history.put(user, rows);
        });
        return history;
    }

    public List<List<Object>> levelChanges(LocalDate from, LocalDate to) {
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        Map<LocalDate, Set<Long>> users = new HashMap<>();
        levelHistory().forEach((user, rows) -> {
            for (int i = 1; i < rows.size(); i++) {
                LevelRow row = rows.get(i);
                LocalDate day = row.validFrom().toLocalDate();
                if ((from != null && day.isBefore(from)) || (to != null && day.isAfter(to))) {
                    continue;
                }
                long[] counts = byDay.computeIfAbsent(day, d -> new long[2]);
                String previous = rows.get(i - 1).level();
                if ("free".equals(previous) && "paid".equals(row.level())) {
                    counts[0]++;
                } else if ("paid".equals(previous) && "free".equals(row.level())) {
                    counts[1]++;
                }
                users.computeIfAbsent(day, d -> new HashSet<>()).add(user);
            }
        });
        List<List<Object>> rows = new ArrayList<>();
        byDay.forEach((day, counts) -> rows.add(List.of(
                day.toString(), counts[0], counts[1], (long) users.get(day).size())));
        return rows;
    }

    public List<List<Object>> matchRate(LocalDate from, LocalDate to) {
        List<Play> plays = plays(from, to);
        long matched = matched(plays);
        return List.of(List.of(
                (long) plays.size(),
                matched,
                percent(matched, plays.size(), 2),
                distinct(plays, play -> List.of(String.valueOf(play.song()), String.valueOf(play.artist()))),
                plays.stream()
                        .filter(Play::matched)
                        .map(Play::catalogSongId)
                        .distinct()
                        .count(),
                raw.distinctSongIds()));
    }

    private static List<List<Object>> repairText(List<List<Object>> rows) {
        return rows.stream()
                .map(row -> row.stream()
                        .map(value -> value instanceof String text ? repaired(text) : value)
                        .collect(Collectors.toList()))
                .collect(Collectors.toList());
    }
}
