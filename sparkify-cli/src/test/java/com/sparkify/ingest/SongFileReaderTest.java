package com.sparkify.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.testing.DamagedGzip;
import com.sparkify.testing.FailingStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SongFileReaderTest {
    private final List<Object[]> rows = new ArrayList<>();
    private final List<Reject> rejects = new ArrayList<>();

    static String song(String songId) {
        return "{\"num_songs\": 1, \"artist_id\": \"AR62SOJ1187FB47BB5\", \"artist_latitude\": null, "
                + "\"artist_longitude\": null, \"artist_location\": \"\", \"artist_name\": \"Chase & Status\", "
                + "\"song_id\": \"" + songId + "\", \"title\": \"Ten Tonne\", \"duration\": 337.68444, \"year\": 2005}";
    }

    private FileCounts read(String content) throws IOException {
        return new SongFileReader()
                .read(
                        new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                        "s.json",
                        (values, record) -> rows.add(values),
                        rejects::add);
    }

    private Object value(int row, String column) {
        return rows.get(row)[RecordLayout.SONGS.indexOfColumn(column)];
    }

    @Test
    void readsOneObject() throws IOException {
        assertThat(read(song("SO1"))).isEqualTo(new FileCounts(1, 1, 0));
        assertThat(value(0, "song_id")).isEqualTo("SO1");
        assertThat(value(0, "duration")).isEqualTo(337.68444);
        assertThat(value(0, "year")).isEqualTo(2005);
        assertThat(value(0, "artist_latitude")).isNull();
    }

    @Test
    void readsPrettyPrintedConcatenatedAndArrayFiles() throws IOException {
        String pretty = song("SO1").replace(", ", ",\n    ");

        assertThat(read("\uFEFF" + pretty + "\r\n")).isEqualTo(new FileCounts(1, 1, 0));
        assertThat(read(song("SO2") + "\n" + song("SO3"))).isEqualTo(new FileCounts(2, 2, 0));
        assertThat(read("[" + song("SO4") + ", " + song("SO5") + "]")).isEqualTo(new FileCounts(2, 2, 0));
        assertThat(rows)
                .extracting(row -> row[RecordLayout.SONGS.indexOfColumn("song_id")])
                .containsExactly("SO1", "SO2", "SO3", "SO4", "SO5");
    }

    @Test
    void rejectsRecordsWithoutRequiredKeysAndKeepsTheOthers() throws IOException {
        String content = song("SO1") + "\n{\"song_id\": \"SO2\", \"title\": \"t\"}\n42\n" + song("SO3");

        FileCounts counts = read(content);

        assertThat(counts).isEqualTo(new FileCounts(4, 2, 2));
        assertThat(rejects).extracting(Reject::lineNumber).containsExactly(2L, 3L);
        assertThat(rejects.get(0).reason()).isEqualTo("Missing required key \"artist_id\"");
        assertThat(rejects.get(0).rawText()).isEqualTo("{\"song_id\": \"SO2\", \"title\": \"t\"}");
        assertThat(rejects.get(1).reason()).isEqualTo("Expected a JSON object, found a number");
    }

    @Test
    void malformedJsonRejectsTheRestOfTheFile() throws IOException {
        String content = song("SO1") + "\n{\"song_id\": \"SO2\", \"title\" \"broken\"}\n" + song("SO3");

        FileCounts counts = read(content);

        assertThat(counts).isEqualTo(new FileCounts(2, 1, 1));
        assertThat(rejects.get(0).lineNumber()).isEqualTo(2);
        assertThat(rejects.get(0).reason()).startsWith("Malformed JSON");
        assertThat(rejects.get(0).rawText()).startsWith("{\"song_id\": \"SO2\"").contains("SO3");
    }

    @Test
    void emptyFileHasNoRecords() throws IOException {
        assertThat(read("  \n")).isEqualTo(FileCounts.ZERO);
        assertThat(rejects).isEmpty();
    }

    /**
     * Values that no numeric field accepts, nested where they can be. Booleans are not among them: they are
     * read as 1 and 0, as DuckDB's reader reads them.
     */
    private static final List<String> NOT_NUMBERS = List.of(
            "{\"a\": {\"b\": [1, {\"c\": 2}]}}", "[1, [2, {\"x\": 3}], {}]", "\"one\"", "\"long\"", "\"false\"");

    /** A song's keys and values in layout order, with {@code value} for {@code key} moved to {@code position}. */
    private static List<String[]> songWith(String songId, String key, String value, int position) {
        List<String[]> entries = new ArrayList<>();
        String good = song(songId);
        for (String pair : good.substring(1, good.length() - 1).split(", (?=\")")) {
            String name = pair.substring(1, pair.indexOf('"', 1));
            if (!name.equals(key)) {
                entries.add(new String[] {name, pair.substring(pair.indexOf(": ") + 2)});
            }
        }
        entries.add(Math.min(position, entries.size()), new String[] {key, value});
        return entries;
    }

    private static String render(List<String[]> entries, boolean pretty) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < entries.size(); i++) {
            text.append(i == 0 ? "" : ",").append(pretty ? "\n    " : i == 0 ? "" : " ");
            text.append('"').append(entries.get(i)[0]).append("\": ").append(entries.get(i)[1]);
        }
        return text.append(pretty ? "\n}" : "}").toString();
    }

    @Test
    void aWrongTypedValueIsOneRejectOfTheWholeRecordAndTheNextRecordsLoad() throws IOException {
        int files = 0;
        for (Field field : RecordLayout.SONGS.fields()) {
            boolean numeric = field.type() != FieldType.TEXT;
            for (String value : NOT_NUMBERS) {
                for (int position : new int[] {0, 4, 99}) {
                    for (String shape : List.of("single", "lines", "pretty", "array")) {
                        rows.clear();
                        rejects.clear();
                        boolean pretty = shape.equals("pretty");
                        String bad = render(songWith("SO2", field.jsonName(), value, position), pretty);
                        String first = render(songWith("SO1", "year", "2005", 99), pretty);
                        String last = render(songWith("SO3", "year", "2005", 0), pretty);
                        String content =
                                switch (shape) {
                                    case "single" -> bad;
                                    case "array" -> "[" + first + ",\n" + bad + ", " + last + "]";
                                    default -> first + "\n" + bad + "\n" + last;
                                };
                        long records = shape.equals("single") ? 1 : 3;
                        long badLine = shape.equals("single") ? 1 : first.split("\n").length + 1;
                        String what = shape + " file, \"" + field.jsonName() + "\": " + value + " at " + position;

                        FileCounts counts = read(content);
                        files++;

                        if (!numeric) {
                            assertThat(counts).as(what).isEqualTo(new FileCounts(records, records, 0));
                            continue;
                        }
                        assertThat(counts).as(what).isEqualTo(new FileCounts(records, records - 1, 1));
                        assertThat(rejects).as(what).hasSize(1);
                        Reject reject = rejects.get(0);
                        assertThat(reject.rawText()).as(what).isEqualTo(bad);
                        assertThat(reject.lineNumber()).as(what).isEqualTo(badLine);
                        assertThat(reject.reason())
                                .as(what)
                                .startsWith("Expected ")
                                .contains("\"" + field.jsonName() + "\"");
                        assertThat(rows)
                                .as(what)
                                .extracting(row -> row[RecordLayout.SONGS.indexOfColumn("song_id")])
                                .containsExactlyElementsOf(shape.equals("single") ? List.of() : List.of("SO1", "SO3"));
                    }
                }
            }
        }
        assertThat(files).isEqualTo(RecordLayout.SONGS.fields().size() * NOT_NUMBERS.size() * 3 * 4);
    }

    @Test
    void rejectReasonsNeverNameAParserToken() throws IOException {
        String content = String.join(
                "\n",
                "{\"num_songs\": \"one\", \"artist_id\": \"A\", \"song_id\": \"S\", \"title\": \"T\"}",
                "{\"duration\": {\"long\": true}, \"artist_id\": \"A\", \"song_id\": \"S\", \"title\": \"T\"}",
                "{\"year\": [2005], \"artist_id\": \"A\", \"song_id\": \"S\", \"title\": \"T\"}",
                "{\"artist_id\": \"A\", \"song_id\": \"S\", \"title\": \"T\", \"year\": \"false\"}",
                "\"text\"",
                "[]",
                "null",
                "{\"artist_id\": \"A\", \"song_id\": \"S\"}",
                "{\"artist_id\": \"A\", \"song_id\": \"S\", \"title\": \"T\", \"duration\": }");

        FileCounts counts = read(content);

        assertThat(counts).isEqualTo(new FileCounts(9, 0, 9));
        assertThat(rejects).extracting(Reject::lineNumber).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        for (Reject reject : rejects) {
            for (com.fasterxml.jackson.core.JsonToken token : com.fasterxml.jackson.core.JsonToken.values()) {
                assertThat(reject.reason()).doesNotContain(token.name());
            }
        }
    }

    private FileCounts readGzip(byte[] zipped) throws IOException {
        rows.clear();
        rejects.clear();
        return new SongFileReader()
                .read(
                        new java.util.zip.GZIPInputStream(new ByteArrayInputStream(zipped)),
                        "s.json.gz",
                        (values, record) -> rows.add(values),
                        rejects::add);
    }

    @Test
    void aTruncatedOrCorruptGzipIsOneRejectAfterTheWholeSongsBeforeIt() throws IOException {
        List<String> concatenated = List.of(song("SO1") + "\n", song("SO2") + "\n", song("SO3") + "\n");
        List<String> array = List.of("[" + song("SO1") + ",\n", song("SO2") + ",\n", song("SO3") + "]\n");
        for (List<String> records : List.of(concatenated, array)) {
            DamagedGzip gzip = DamagedGzip.of(records);
            for (int whole = 0; whole < records.size(); whole++) {
                long line = whole + 1;
                String what = records.get(0).substring(0, 1) + " cut inside record " + line;
                assertThat(readGzip(gzip.cutInsideRecord(whole)))
                        .as(what)
                        .isEqualTo(new FileCounts(whole + 1, whole, 1));
                assertThat(rejects).as(what).singleElement().satisfies(reject -> {
                    assertThat(reject.lineNumber()).isEqualTo(line);
                    assertThat(reject.reason())
                            .isEqualTo(
                                    "Truncated gzip stream: the file ends inside its compressed data; the " + (line - 1)
                                            + (line == 2
                                                    ? " complete record before line 2 was read"
                                                    : " complete records before line " + line + " were read"));
                    assertThat(song("SO" + line)).startsWith(reject.rawText());
                });
                assertThat(readGzip(gzip.cutAfter(whole))).as(what).isEqualTo(new FileCounts(whole + 1, whole, 1));
                assertThat(rejects).singleElement().satisfies(reject -> {
                    assertThat(reject.lineNumber()).isEqualTo(line);
                    assertThat(reject.rawText()).isEmpty();
                });
            }
            assertThat(readGzip(gzip.withWrongCrc())).isEqualTo(new FileCounts(4, 3, 1));
            assertThat(rejects.get(0).reason())
                    .isEqualTo(
                            "Corrupt gzip data (Corrupt GZIP trailer); the 3 complete records before line 4 were read");
            assertThat(readGzip(gzip.whole())).isEqualTo(new FileCounts(3, 3, 0));
        }
    }

    @Test
    void aReadErrorHalfwayIsOneRejectOfTheSongItInterrupts() throws IOException {
        String content = song("SO1") + "\n" + song("SO2") + "\n";
        int failAt = song("SO1").length() + 1 + 20;

        FileCounts counts = new SongFileReader()
                .read(
                        new FailingStream(content.getBytes(StandardCharsets.UTF_8), failAt),
                        "s.json",
                        (values, record) -> rows.add(values),
                        rejects::add);

        assertThat(counts).isEqualTo(new FileCounts(2, 1, 1));
        assertThat(rejects).singleElement().satisfies(reject -> {
            assertThat(reject.lineNumber()).isEqualTo(2);
            assertThat(reject.reason())
                    .isEqualTo("Read error (Input/output error); the 1 complete record before line 2 was read;"
                            + " run etl again");
            assertThat(reject.rawText()).isEqualTo(song("SO2").substring(0, 20));
        });
    }

    @Test
    void aValueThatIsNotAnObjectIsRejectedWithItsWholeText() throws IOException {
        FileCounts counts = read("[" + song("SO1") + ", \"a song\", 5, [1, 2], " + song("SO2") + "]");

        assertThat(counts).isEqualTo(new FileCounts(5, 2, 3));
        assertThat(rejects).extracting(Reject::rawText).containsExactly("\"a song\"", "5", "[1, 2]");
    }
}
