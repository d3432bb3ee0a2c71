package com.sparkify.ingest;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void aValueThatIsNotAnObjectIsRejectedWithItsWholeText() throws IOException {
        FileCounts counts = read("[" + song("SO1") + ", \"a song\", 5, [1, 2], " + song("SO2") + "]");

        assertThat(counts).isEqualTo(new FileCounts(5, 2, 3));
        assertThat(rejects).extracting(Reject::rawText).containsExactly("\"a song\"", "5", "[1, 2]");
    }
}
