package com.sparkify.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.testing.SampleData;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB stages clean event files with its own reader and files with bad records with the Java parser.
 * Both paths must stage the same values with the same record numbers.
 */
class StagingPathsIT {
    private static final String STAGED_COLUMNS =
            "artist, auth, first_name, gender, item_in_session, last_name, length, "
                    + "level, location, method, page, registration, session_id, song, status, ts, user_agent, user_id, "
                    + "source_record";

    @TempDir
    Path dir;

    private Warehouse open(String name) {
        return TestWarehouses.open("jdbc:duckdb:" + dir.resolve(name));
    }

    private static EtlResult etl(Warehouse warehouse, Path songs, Path logs, long maxErrors) {
        return TestWarehouses.etl(warehouse, songs, logs, false, maxErrors);
    }

    @Test
    void fastAndFallbackPathsStageIdenticalRows() throws Exception {
        Path sampleDay = SampleData.logs().resolve("2018/11/2018-11-12-events.json");
        Path clean = Files.createDirectories(dir.resolve("clean"));
        Path dirty = Files.createDirectories(dir.resolve("dirty"));
        String content = Files.readString(sampleDay);
        Files.writeString(clean.resolve("day.json"), content);
        Files.writeString(dirty.resolve("day.json"), content + (content.endsWith("\n") ? "" : "\n") + "{broken\n");

        List<String> fast;
        List<String> fallback;
        try (Warehouse warehouse = open("clean.duckdb")) {
            etl(warehouse, SampleData.songs(), clean, 0);
            fast = Tables.rows(
                    TestWarehouses.jdbc(warehouse),
                    "SELECT " + STAGED_COLUMNS + " FROM staging_events ORDER BY source_record");
        }
        try (Warehouse warehouse = open("dirty.duckdb")) {
            EtlResult result = etl(warehouse, SampleData.songs(), dirty, 1);
            assertThat(result.events().rejected()).isEqualTo(1);
            fallback = Tables.rows(
                    TestWarehouses.jdbc(warehouse),
                    "SELECT " + STAGED_COLUMNS + " FROM staging_events ORDER BY source_record");
        }

        assertThat(fast).hasSize(content.strip().split("\n").length).isEqualTo(fallback);
    }

    @Test
    void recordNumbersFollowTheLinesOfLargeFiles() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("big"));
        int lines = 150_000;
        for (int file = 0; file < 3; file++) {
            try (BufferedWriter out = Files.newBufferedWriter(logs.resolve("part-" + file + ".json"))) {
                for (int line = 1; line <= lines; line++) {
                    out.write("{\"ts\":" + (1541990217796L + line) + ",\"page\":\"Home\",\"sessionId\":" + file
                            + ",\"itemInSession\":" + line + ",\"userId\":\"" + (line % 50 + 1)
                            + "\",\"level\":\"free\"}\n");
                }
            }
        }
        try (Warehouse warehouse = open("big.duckdb")) {
            EtlResult result = etl(warehouse, Files.createDirectories(dir.resolve("no-songs")), logs, 0);

            assertThat(result.events().staged()).isEqualTo(3L * lines);
            assertThat(Tables.count(
                            TestWarehouses.jdbc(warehouse),
                            "SELECT COUNT(*) FROM staging_events WHERE source_record <> item_in_session"))
                    .isZero();
        }
    }

    @Test
    void aFileReadAsMoreRowsThanLinesDoesNotShiftTheRecordNumbersOfTheFilesAfterIt() throws Exception {
        // b.json's second line holds two objects: the Java parser rejects it, DuckDB's reader may see two
        // rows. The files read in the same statement after it must still be numbered by their own lines.
        Path logs = Files.createDirectories(dir.resolve("shift"));
        for (String name : List.of("a", "b", "c", "d")) {
            try (BufferedWriter out = Files.newBufferedWriter(logs.resolve(name + ".json"))) {
                for (int line = 1; line <= 5; line++) {
                    String event = "{\"ts\":" + (1541990217796L + line) + ",\"page\":\"Home\",\"sessionId\":"
                            + (int) name.charAt(0) + ",\"itemInSession\":" + line
                            + ",\"userId\":\"7\",\"level\":\"free\"}";
                    out.write(name.equals("b") && line == 2 ? event + event : event);
                    out.write("\n");
                }
            }
        }
        try (Warehouse warehouse = open("shift.duckdb")) {
            EtlResult result = etl(warehouse, Files.createDirectories(dir.resolve("no-songs")), logs, 1);

            assertThat(result.events()).isEqualTo(new com.sparkify.ingest.FileCounts(20, 19, 1));
            assertThat(Tables.count(
                            TestWarehouses.jdbc(warehouse),
                            "SELECT COUNT(*) FROM staging_events WHERE source_record <> item_in_session"))
                    .isZero();
            assertThat(Tables.count(TestWarehouses.jdbc(warehouse), "SELECT COUNT(*) FROM staging_events"))
                    .isEqualTo(19);
        }
    }

    @Test
    void unreadableByDuckDbButValidForJavaStillLoads() throws IOException, Exception {
        Path logs = Files.createDirectories(dir.resolve("bom"));
        String line =
                "{\"ts\":1541990217796,\"page\":\"NextSong\",\"sessionId\":5,\"itemInSession\":0,\"userId\":\"9\","
                        + "\"level\":\"paid\",\"song\":\"S\",\"artist\":\"A\",\"length\":1.5}";
        Files.writeString(logs.resolve("bom.json"), "\uFEFF" + line + "\r\n");
        try (Warehouse warehouse = open("bom.duckdb")) {
            EtlResult result = etl(warehouse, Files.createDirectories(dir.resolve("no-songs")), logs, 0);

            assertThat(result.events()).isEqualTo(new com.sparkify.ingest.FileCounts(1, 1, 0));
            assertThat(result.tables().songplays()).isEqualTo(1);
        }
    }
}
