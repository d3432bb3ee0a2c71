package com.sparkify.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetGeneratorTest {
    private static final LocalDate FIRST_DAY = LocalDate.of(2018, 11, 29);

    @TempDir
    Path dir;

    private static GeneratorSpec spec(Path out, long seed) {
        return new GeneratorSpec(out, 25, 4, seed, FIRST_DAY);
    }

    @Test
    void sameSpecGivesIdenticalBytes() {
        new DatasetGenerator().generate(spec(dir.resolve("a"), 7));
        new DatasetGenerator().generate(spec(dir.resolve("b"), 7));

        Map<String, byte[]> a = relative(dir.resolve("a"));
        Map<String, byte[]> b = relative(dir.resolve("b"));
        assertThat(a).isNotEmpty();
        assertThat(b.keySet()).isEqualTo(a.keySet());
        a.forEach((path, bytes) -> assertThat(b.get(path)).as(path).isEqualTo(bytes));
    }

    @Test
    void differentSeedGivesDifferentData() {
        new DatasetGenerator().generate(spec(dir.resolve("a"), 7));
        new DatasetGenerator().generate(spec(dir.resolve("b"), 8));

        Map<String, byte[]> a = relative(dir.resolve("a"));
        Map<String, byte[]> b = relative(dir.resolve("b"));
        assertThat(b.keySet()).isNotEqualTo(a.keySet()); // song files are named by random track ids
        String day = "log_data/2018/11/2018-11-29-events.json";
        assertThat(new String(b.get(day), StandardCharsets.UTF_8))
                .isNotEqualTo(new String(a.get(day), StandardCharsets.UTF_8));
    }

    @Test
    void filesFollowTheLayoutOfThePublicSample() {
        GeneratedDataset dataset = new DatasetGenerator().generate(spec(dir, 7));

        List<String> songFiles = relative(dataset.songData()).keySet().stream().toList();
        assertThat(songFiles).isNotEmpty().allSatisfy(path -> assertThat(path)
                .matches("([A-Z])/([A-Z])/([A-Z])/TR\\1\\2\\3[A-Z0-9]{13}\\.json"));
        // The days cross a month and a year boundary: each file sits under its own year and month.
        assertThat(relative(dataset.logData()).keySet())
                .containsExactly(
                        "2018/11/2018-11-29-events.json",
                        "2018/11/2018-11-30-events.json",
                        "2018/12/2018-12-01-events.json",
                        "2018/12/2018-12-02-events.json");
    }

    @Test
    void songFilesHaveTheMillionSongDatasetKeysAndValues() throws IOException {
        Generated generated = Generated.of(spec(dir, 7));

        assertThat(generated.songs()).hasSize(50).allSatisfy(song -> {
            assertThat(names(song))
                    .containsExactly(
                            "num_songs",
                            "artist_id",
                            "artist_latitude",
                            "artist_longitude",
                            "artist_location",
                            "artist_name",
                            "song_id",
                            "title",
                            "duration",
                            "year");
            assertThat(song.get("num_songs").intValue()).isEqualTo(1);
            assertThat(song.get("artist_id").asText()).matches("AR[A-Z0-9]{16}");
            assertThat(song.get("song_id").asText()).matches("SO[A-Z0-9]{16}");
            assertThat(song.get("duration").isFloatingPointNumber()).isTrue();
            assertThat(song.get("year").isInt()).isTrue();
            assertThat(song.get("artist_latitude").isNull()
                            || song.get("artist_latitude").isNumber())
                    .isTrue();
        });
        Map<String, Long> songsPerArtist = generated.songs().stream()
                .collect(Collectors.groupingBy(s -> s.get("artist_id").asText(), Collectors.counting()));
        assertThat(songsPerArtist.values())
                .anySatisfy(count -> assertThat(count).isGreaterThan(1));
        assertThat(generated.songs())
                .anySatisfy(s -> {
                    assertThat(s.get("artist_location").asText()).isEmpty();
                    assertThat(s.get("artist_latitude").isNull()).isTrue();
                })
                .anySatisfy(s -> assertThat(s.get("year").intValue()).isZero())
                .anySatisfy(s -> assertThat(s.get("year").intValue()).isBetween(1950, 2020));
        String all = String.join("\n", allText(generated.dataset().songData()));
        assertThat(all).contains("\"artist_name\": \"Björk\"").doesNotContain("\\u00");
        assertThat(all).containsPattern("\"duration\": [0-9]+\\.[0-9]{5}, ");
    }

    @Test
    void returnedCountsEqualTheFiles() {
        Generated generated = Generated.of(spec(dir, 7));
        GeneratedDataset dataset = generated.dataset();

        assertThat(dataset.songData()).isEqualTo(dir.resolve("song_data"));
        assertThat(dataset.logData()).isEqualTo(dir.resolve("log_data"));
        assertThat(dataset.songFiles()).isEqualTo(generated.songs().size());
        assertThat(dataset.eventFiles()).isEqualTo(4);
        assertThat(dataset.events()).isEqualTo(generated.events().size()).isGreaterThan(0);
        assertThat(dataset.nextSongEvents()).isEqualTo(generated.plays().size()).isGreaterThan(0);
    }

    @Test
    void rerunOverwritesItsOwnFilesAndKeepsOthers() throws IOException {
        GeneratedDataset dataset = new DatasetGenerator().generate(spec(dir, 7));
        Path day = dataset.logData().resolve("2018/11/2018-11-29-events.json");
        byte[] original = Files.readAllBytes(day);
        Files.writeString(day, "garbage");
        Path stray = dataset.logData().resolve("2018/11/notes.txt");
        Files.writeString(stray, "keep me");

        new DatasetGenerator().generate(spec(dir, 7));

        assertThat(Files.readAllBytes(day)).isEqualTo(original);
        assertThat(stray).hasContent("keep me");
    }

    @Test
    void refusesAnOutputFolderThatCannotBeWritten() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

        assertThatThrownBy(() -> new DatasetGenerator().generate(spec(file, 7)))
                .isInstanceOfSatisfying(SparkifyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
                    assertThat(e.getMessage()).contains(file.toString()).doesNotContain("\n");
                });
    }

    private static Map<String, byte[]> relative(Path root) {
        return Generated.files(root).entrySet().stream()
                .collect(Collectors.toMap(
                        e -> root.relativize(e.getKey()).toString().replace('\\', '/'),
                        Map.Entry::getValue,
                        (x, y) -> x,
                        java.util.TreeMap::new));
    }

    private static List<String> allText(Path root) {
        return Generated.files(root).values().stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .toList();
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
