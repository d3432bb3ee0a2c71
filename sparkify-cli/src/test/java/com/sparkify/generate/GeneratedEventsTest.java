package com.sparkify.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedEventsTest {
    private static final List<String> KEYS = List.of(
            "artist",
            "auth",
            "firstName",
            "gender",
            "itemInSession",
            "lastName",
            "length",
            "level",
            "location",
            "method",
            "page",
            "registration",
            "sessionId",
            "song",
            "status",
            "ts",
            "userAgent",
            "userId");
    private static final Set<String> PAGES = Set.of(
            "NextSong",
            "Home",
            "Logout",
            "Login",
            "Settings",
            "Help",
            "About",
            "Upgrade",
            "Downgrade",
            "Submit Upgrade",
            "Submit Downgrade",
            "Save Settings",
            "Error",
            "Roll Advert",
            "Thumbs Up",
            "Thumbs Down",
            "Add to Playlist",
            "Add Friend");
    private static final List<String> PROFILE = List.of("firstName", "lastName", "gender", "location", "userAgent");

    @TempDir
    static Path dir;

    private static Generated generated;

    @BeforeAll
    static void generate() {
        generated = Generated.of(new GeneratorSpec(dir, 40, 5, 11, GeneratorSpec.DEFAULT_FIRST_DAY));
    }

    @Test
    void everyLineHasTheEventsimKeysInOrderWithTheirTypes() {
        assertThat(generated.events()).hasSizeGreaterThan(1_000).allSatisfy(line -> {
            // Compact, one object per line, nothing around it: the byte shape of eventsim's logs.
            assertThat(line.raw()).startsWith("{\"artist\":").endsWith("}");
            JsonNode e = line.json();
            assertThat(DatasetGeneratorTest.names(e)).containsExactlyElementsOf(KEYS);
            assertThat(e.get("ts").isIntegralNumber()).isTrue();
            long dayStart = line.day().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            assertThat(e.get("ts").longValue()).isBetween(dayStart, dayStart + 86_399_999);
            assertThat(e.get("userId").isTextual()).isTrue();
            assertThat(e.get("sessionId").isInt()).isTrue();
            assertThat(e.get("itemInSession").isInt()).isTrue();
            assertThat(e.get("status").isInt()).isTrue();
            assertThat(e.get("level").asText()).isIn("free", "paid");
            assertThat(e.get("page").asText()).isIn(PAGES);
            assertThat(e.get("registration").isNull() || e.get("registration").isFloatingPointNumber())
                    .isTrue();
            boolean play = e.get("page").asText().equals("NextSong");
            for (String key : List.of("artist", "song", "length")) {
                assertThat(e.get(key).isNull()).as(key).isEqualTo(!play);
            }
        });
    }

    /** Method and status of each page of the public sample, as {@code METHOD status}. */
    private static final Map<String, String> SAMPLE_PAGES = Map.ofEntries(
            Map.entry("NextSong", "PUT 200"),
            Map.entry("Home", "GET 200"),
            Map.entry("About", "GET 200"),
            Map.entry("Help", "GET 200"),
            Map.entry("Settings", "GET 200"),
            Map.entry("Upgrade", "GET 200"),
            Map.entry("Downgrade", "GET 200"),
            Map.entry("Error", "GET 404"),
            Map.entry("Login", "PUT 307"),
            Map.entry("Logout", "PUT 307"),
            Map.entry("Save Settings", "PUT 307"),
            Map.entry("Submit Upgrade", "PUT 307"),
            Map.entry("Submit Downgrade", "PUT 307"));

    @Test
    void methodAndStatusFollowThePageAsInTheSample() {
        assertThat(generated.events()).allSatisfy(line -> {
            JsonNode e = line.json();
            String expected = SAMPLE_PAGES.get(e.get("page").asText());
            if (expected != null) {
                assertThat(e.get("method").asText() + " " + e.get("status").intValue())
                        .as(e.get("page").asText())
                        .isEqualTo(expected);
            }
            assertThat(e.get("method").asText()).isIn("GET", "PUT");
        });
        assertThat(generated.events().stream().map(l -> l.json().get("page").asText()))
                .contains("Home", "Logout", "Login", "Submit Upgrade", "Settings", "Roll Advert");
    }

    @Test
    void loggedOutEventsHideTheUserButKeepTheLevel() {
        List<JsonNode> loggedOut = generated.events().stream()
                .map(Generated.Line::json)
                .filter(e -> e.get("auth").asText().equals("Logged Out"))
                .toList();
        assertThat(loggedOut).isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("userId").asText()).isEmpty();
            assertThat(e.get("page").asText()).isIn("Home", "Login");
            assertThat(e.get("level").asText()).isIn("free", "paid");
            for (String key : List.of("firstName", "lastName", "gender", "location", "userAgent", "registration")) {
                assertThat(e.get(key).isNull()).as(key).isTrue();
            }
        });
        assertThat(generated.events())
                .filteredOn(l -> l.json().get("auth").asText().equals("Logged In"))
                .allSatisfy(l -> assertThat(l.json().get("userId").asText()).matches("[1-9][0-9]*"));
    }

    @Test
    void usersKeepTheirProfileAndSomeChangeLevelWithinADay() {
        Map<String, List<String>> profiles = new HashMap<>();
        Map<String, Set<String>> levelsPerUserDay = new HashMap<>();
        for (Generated.Line line : generated.events()) {
            JsonNode e = line.json();
            String user = e.get("userId").asText();
            if (user.isEmpty()) {
                continue;
            }
            List<String> profile = new ArrayList<>();
            PROFILE.forEach(key -> profile.add(e.get(key).asText()));
            profile.add(e.get("registration").asText());
            assertThat(profiles.computeIfAbsent(user, u -> profile)).as(user).isEqualTo(profile);
            levelsPerUserDay
                    .computeIfAbsent(user + "@" + line.day(), k -> new TreeSet<>())
                    .add(e.get("level").asText());
        }
        assertThat(profiles).hasSizeGreaterThan(20);
        assertThat(profiles.values())
                .anySatisfy(p -> assertThat(p.get(4)).startsWith("\"").endsWith("\""));
        assertThat(levelsPerUserDay.values())
                .anySatisfy(levels -> assertThat(levels).hasSize(2));
    }

    @Test
    void sessionsAreUniqueAcrossDaysAndCountItemsInTimeOrder() {
        Map<Long, String> fileOfSession = new HashMap<>();
        Map<Long, long[]> lastOfSession = new HashMap<>(); // {item, ts}
        Map<String, Long> lastTsOfFile = new HashMap<>();
        for (Generated.Line line : generated.events()) {
            JsonNode e = line.json();
            long session = e.get("sessionId").longValue();
            long item = e.get("itemInSession").longValue();
            long ts = e.get("ts").longValue();
            assertThat(fileOfSession.computeIfAbsent(session, s -> line.file())).isEqualTo(line.file());
            long[] last = lastOfSession.get(session);
            assertThat(item).isEqualTo(last == null ? 0 : last[0] + 1);
            if (last != null) {
                assertThat(ts).isGreaterThan(last[1]);
            }
            lastOfSession.put(session, new long[] {item, ts});
            assertThat(ts).isGreaterThanOrEqualTo(lastTsOfFile.getOrDefault(line.file(), Long.MIN_VALUE));
            lastTsOfFile.put(line.file(), ts);
        }
        assertThat(new HashSet<>(fileOfSession.values())).hasSize(5);
    }

    @Test
    void aShareOfPlaysMatchesTheCatalogExactlyAndTheRestNotAtAll() {
        Set<String> catalog = new HashSet<>();
        Set<String> catalogArtists = new HashSet<>();
        for (JsonNode song : generated.songs()) {
            catalog.add(key(song.get("title"), song.get("artist_name"), song.get("duration")));
            catalogArtists.add(song.get("artist_name").asText());
        }
        List<JsonNode> plays = generated.plays();
        long matched = plays.stream()
                .filter(p -> catalog.contains(key(p.get("song"), p.get("artist"), p.get("length"))))
                .count();
        long sameArtistOnly = plays.stream()
                .filter(p -> !catalog.contains(key(p.get("song"), p.get("artist"), p.get("length"))))
                .filter(p -> catalogArtists.contains(p.get("artist").asText()))
                .count();

        assertThat((double) matched / plays.size()).isBetween(0.10, 0.60);
        assertThat(sameArtistOnly).isZero();
    }

    /** The warehouse join: title, artist name and length compared as double precision. */
    private static String key(JsonNode title, JsonNode artist, JsonNode length) {
        return title.asText() + "\u0000" + artist.asText() + "\u0000" + length.doubleValue();
    }
}
