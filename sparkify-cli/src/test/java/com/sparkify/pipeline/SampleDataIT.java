package com.sparkify.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sparkify.testing.RawExpectations;
import com.sparkify.testing.SampleData;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the real public Sparkify sample into DuckDB and checks every table against the raw files. */
class SampleDataIT {
    private static RawExpectations raw;

    @TempDir
    Path dir;

    @BeforeAll
    static void readRawFiles() {
        raw = RawExpectations.read(SampleData.songs(), SampleData.logs());
    }

    private Warehouse open() {
        return TestWarehouses.open("jdbc:duckdb:" + dir.resolve("w.duckdb"));
    }

    private static EtlResult etl(Warehouse warehouse) {
        return TestWarehouses.etl(warehouse, SampleData.songs(), SampleData.logs(), false, 0);
    }

    @Test
    void loadsEveryRecordAndBuildsTheStarSchemaTheRawFilesImply() throws Exception {
        try (Warehouse warehouse = open()) {
            EtlResult result = etl(warehouse);
            Connection connection = TestWarehouses.jdbc(warehouse);

            assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(result.events().read()).isEqualTo(raw.events.size()).isEqualTo(8056);
            assertThat(result.events().staged()).isEqualTo(raw.events.size());
            assertThat(result.songs().staged()).isEqualTo(raw.songs.size()).isEqualTo(71);
            assertThat(result.total().rejected()).isZero();
            assertThat(result.checks().passed()).isTrue();

            TableCounts tables = result.tables();
            assertThat(tables.songplays()).isEqualTo(raw.songplays());
            assertThat(tables.users()).isEqualTo(raw.latestLevels().size());
            assertThat(tables.songs()).isEqualTo(raw.distinctSongIds());
            assertThat(tables.artists()).isEqualTo(raw.distinctArtistIds());
            assertThat(tables.time()).isEqualTo(raw.distinctPlayTimestamps());
            assertThat(tables.matchedSongplays()).isEqualTo(raw.matchedPlays()).isPositive();

            Map<Long, String> levels = new HashMap<>();
            for (String row : Tables.rows(connection, "SELECT user_id, level FROM users")) {
                String[] parts = row.split("\\|");
                levels.put(Long.parseLong(parts[0]), parts[1]);
            }
            assertThat(levels).isEqualTo(raw.latestLevels());
            assertThat(Tables.count(connection, "SELECT COUNT(*) FROM load_errors"))
                    .isZero();
            assertThat(Tables.count(connection, "SELECT SUM(rows_staged) FROM etl_files"))
                    .isEqualTo(raw.events.size() + raw.songs.size());
        }
    }

    @Test
    void keepsTheMillisecondsOfTs() throws Exception {
        try (Warehouse warehouse = open()) {
            etl(warehouse);
            for (JsonNode play : raw.plays().subList(0, 50)) {
                String sql = "SELECT strftime(start_time, '%Y-%m-%dT%H:%M:%S.%g') FROM songplays WHERE session_id = "
                        + play.get("sessionId").asLong() + " AND item_in_session = "
                        + play.get("itemInSession").asLong();
                String expected = Instant.ofEpochMilli(play.get("ts").asLong())
                        .atOffset(ZoneOffset.UTC)
                        .toLocalDateTime()
                        .toString();
                assertThat(Tables.rows(TestWarehouses.jdbc(warehouse), sql))
                        .singleElement()
                        .satisfies(actual -> assertThat(java.time.LocalDateTime.parse(actual))
                                .isEqualTo(java.time.LocalDateTime.parse(expected)));
            }
        }
    }

    @Test
    void rerunIsANoOp() throws Exception {
        try (Warehouse warehouse = open()) {
            etl(warehouse);
            List<String> before = snapshot(TestWarehouses.jdbc(warehouse));

            EtlResult second = etl(warehouse);

            assertThat(second.filesLoaded()).isZero();
            assertThat(second.total().read()).isZero();
            assertThat(snapshot(TestWarehouses.jdbc(warehouse))).isEqualTo(before);
        }
    }

    static List<String> snapshot(Connection connection) throws Exception {
        List<String> rows = new java.util.ArrayList<>();
        for (String table :
                List.of("songplays", "users", "songs", "artists", "\"time\"", "etl_files", "staging_events")) {
            rows.add(table + ": " + Tables.count(connection, "SELECT COUNT(*) FROM " + table));
        }
        rows.addAll(Tables.rows(connection, "SELECT * FROM songplays ORDER BY songplay_id"));
        rows.addAll(Tables.rows(connection, "SELECT * FROM users ORDER BY user_id"));
        rows.addAll(
                Tables.rows(connection, "SELECT path, change_marker, rows_read, load_id FROM etl_files ORDER BY path"));
        return rows;
    }
}
