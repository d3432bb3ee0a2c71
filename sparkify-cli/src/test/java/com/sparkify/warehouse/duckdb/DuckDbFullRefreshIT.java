package com.sparkify.warehouse.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.generate.DatasetGenerator;
import com.sparkify.generate.GeneratorSpec;
import com.sparkify.pipeline.EtlResult;
import com.sparkify.pipeline.RunStatus;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full refresh rewrites every row; in place, the file would keep the space of the rows it replaced and grow
 * with each refresh. It loads into a new file instead, as a first load does, with the run history copied over,
 * then publishes it and swaps it in; a refresh that fails drops the new file and leaves the warehouse as it
 * was, its own run record and rejects included.
 */
class DuckDbFullRefreshIT {
    private static final List<String> STATE = List.of(
            "SELECT * FROM songplays ORDER BY songplay_id",
            "SELECT * FROM users ORDER BY user_id",
            "SELECT * FROM songs ORDER BY song_id",
            "SELECT * FROM artists ORDER BY artist_id",
            "SELECT * FROM \"time\" ORDER BY start_time",
            "SELECT * FROM user_levels ORDER BY ALL",
            "SELECT path, change_marker, rows_read, rows_staged, rows_rejected FROM etl_files ORDER BY path",
            "SELECT COUNT(*) FROM staging_events",
            "SELECT table_name, constraint_type, constraint_text FROM duckdb_constraints() ORDER BY ALL",
            "SELECT view_name, sql FROM duckdb_views() WHERE NOT internal ORDER BY ALL");

    @TempDir
    Path dir;

    @Test
    void fullRefreshesInARowKeepTheRowsAndTheFileAsSmallAsAFreshLoads() throws Exception {
        Path data = dir.resolve("data");
        new DatasetGenerator().generate(new GeneratorSpec(data, 30, 40, 7, GeneratorSpec.DEFAULT_FIRST_DAY));
        Path songs = data.resolve("song_data");
        Path logs = data.resolve("log_data");
        Path fresh = dir.resolve("fresh.duckdb");
        Path refreshed = dir.resolve("refreshed.duckdb");
        assertThat(TestWarehouses.etl("jdbc:duckdb:" + fresh, songs, logs, false, 0)
                        .status())
                .isEqualTo(RunStatus.SUCCEEDED);
        assertThat(TestWarehouses.etl("jdbc:duckdb:" + refreshed, songs, logs, false, 0)
                        .status())
                .isEqualTo(RunStatus.SUCCEEDED);
        List<String> before = state(refreshed);

        for (int refresh = 0; refresh < 3; refresh++) {
            EtlResult result = TestWarehouses.etl("jdbc:duckdb:" + refreshed, songs, logs, true, 0);
            assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        }

        assertThat(state(refreshed)).as("the same rows, keys and views").isEqualTo(before);
        assertThat(state(refreshed)).as("a fresh load's of the same inputs").isEqualTo(state(fresh));
        assertThat(state(snapshotOf(refreshed))).as("published").isEqualTo(before);
        assertThat(Files.size(refreshed)).isLessThanOrEqualTo(Files.size(fresh) * 12 / 10);
        assertThat(Files.size(snapshotOf(refreshed))).isLessThanOrEqualTo(Files.size(fresh) * 12 / 10);
        try (Connection reader = Tables.readOnlyDuckDb(refreshed)) {
            assertThat(Tables.rows(reader, "SELECT status FROM etl_runs ORDER BY run_id"))
                    .as("each refresh ran once")
                    .containsExactly("succeeded", "succeeded", "succeeded", "succeeded");
        }
        assertThat(dir.resolve("refreshed.duckdb.compact")).doesNotExist();
        assertThat(dir.resolve("refreshed.duckdb.compact.wal")).doesNotExist();
        assertThat(dir.resolve("refreshed.duckdb.publish-pending")).doesNotExist();
    }

    @Test
    void aFullRefreshKeepsTheRunHistoryAndAddsItsOwnRun() throws Exception {
        Path songs = Files.createDirectories(dir.resolve("song_data"));
        Path logs = Files.createDirectories(dir.resolve("log_data"));
        Files.writeString(logs.resolve("day1.json"), play(1, "{oops") + play(2, null));
        String url = "jdbc:duckdb:" + dir.resolve("w.duckdb");
        assertThat(TestWarehouses.etl(url, songs, logs, false, 10).status()).isEqualTo(RunStatus.SUCCEEDED);
        List<String> runs = rows(url, "SELECT run_id, status, started_at, ended_at FROM etl_runs ORDER BY ALL");
        List<String> rejects = rows(url, "SELECT * FROM load_errors ORDER BY ALL");
        List<String> unknownKeys = rows(url, "SELECT * FROM etl_unknown_keys ORDER BY ALL");
        assertThat(rejects).as("one reject").hasSize(1);
        assertThat(unknownKeys).as("one unknown key").hasSize(1);

        EtlResult refresh = TestWarehouses.etl(url, songs, logs, true, 10);

        assertThat(refresh.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(rows(url, "SELECT run_id, status, started_at, ended_at FROM etl_runs ORDER BY ALL"))
                .as("the earlier run as it was, and the refresh")
                .hasSize(2)
                .startsWith(runs.toArray(String[]::new));
        assertThat(rows(url, "SELECT status FROM etl_runs WHERE run_id = " + refresh.runId()))
                .containsExactly("succeeded");
        assertThat(rows(url, "SELECT * FROM load_errors WHERE load_id <> " + refresh.runId() + " ORDER BY ALL"))
                .isEqualTo(rejects);
        assertThat(rows(url, "SELECT COUNT(*) FROM load_errors WHERE load_id = " + refresh.runId()))
                .as("the refresh's own reject")
                .containsExactly("1");
        assertThat(rows(url, "SELECT * FROM etl_unknown_keys WHERE load_id <> " + refresh.runId() + " ORDER BY ALL"))
                .isEqualTo(unknownKeys);
        assertThat(rows(url, "SELECT COUNT(*) FROM etl_unknown_keys WHERE load_id = " + refresh.runId()))
                .containsExactly("1");
    }

    @Test
    void aFullRefreshThatFailsLeavesTheTablesAsTheyWereAndKeepsItsRunAndRejects() throws Exception {
        Path songs = Files.createDirectories(dir.resolve("song_data"));
        Path logs = Files.createDirectories(dir.resolve("log_data"));
        Files.writeString(logs.resolve("day1.json"), play(1, null) + play(2, null));
        Path file = dir.resolve("w.duckdb");
        String url = "jdbc:duckdb:" + file;
        assertThat(TestWarehouses.etl(url, songs, logs, false, 0).status()).isEqualTo(RunStatus.SUCCEEDED);
        List<String> before = state(file);
        Files.writeString(logs.resolve("day2.json"), play(3, "{oops"));

        EtlResult refresh = TestWarehouses.etl(url, songs, logs, true, 0);

        assertThat(refresh.status()).isEqualTo(RunStatus.TOO_MANY_REJECTS);
        assertThat(state(file)).as("the tables as they were").isEqualTo(before);
        assertThat(state(snapshotOf(file))).as("published as they were").isEqualTo(before);
        try (Connection reader = Tables.readOnlyDuckDb(snapshotOf(file))) {
            assertThat(Tables.rows(reader, "SELECT status FROM etl_runs ORDER BY run_id"))
                    .containsExactly("succeeded", "too_many_rejects");
            assertThat(Tables.rows(reader, "SELECT load_id, line_number FROM load_errors"))
                    .containsExactly(refresh.runId() + "|1");
        }
        assertThat(dir.resolve("w.duckdb.compact")).doesNotExist();
        assertThat(dir.resolve("w.duckdb.compact.wal")).doesNotExist();
    }

    /** An event line of user 7; {@code bad} goes before it on a line of its own when given. */
    private static String play(long item, String bad) {
        String line = "{\"artist\":\"Band\",\"auth\":\"Logged In\",\"firstName\":\"Ann\",\"gender\":\"F\","
                + "\"itemInSession\":" + item + ",\"lastName\":\"Lee\",\"length\":200.5,\"level\":\"free\","
                + "\"location\":\"X\",\"method\":\"PUT\",\"page\":\"NextSong\",\"registration\":1.0,"
                + "\"sessionId\":1,\"song\":\"Song\",\"status\":200,\"ts\":" + (1_000 + item)
                + ",\"userAgent\":\"UA\",\"userId\":\"7\"" + (item == 2 ? ",\"newKey\":1" : "") + "}\n";
        return bad == null ? line : bad + "\n" + line;
    }

    private static List<String> rows(String url, String sql) throws Exception {
        try (Connection reader = Tables.readOnlyDuckDb(Path.of(url.substring("jdbc:duckdb:".length())))) {
            return Tables.rows(reader, sql);
        }
    }

    private static Path snapshotOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".snapshot");
    }

    private static List<String> state(Path file) throws Exception {
        return Tables.duckDbState(file, STATE);
    }
}
