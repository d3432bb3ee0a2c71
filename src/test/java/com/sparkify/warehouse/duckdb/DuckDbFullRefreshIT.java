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
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full refresh rewrites every row; in place, the file would keep the space of the rows it replaced and grow
 * with each refresh. It builds a compacted copy instead, swaps it in and publishes it.
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
        assertThat(state(snapshotOf(refreshed))).as("published").isEqualTo(before);
        assertThat(Files.size(refreshed)).isLessThanOrEqualTo(Files.size(fresh) * 12 / 10);
        assertThat(Files.size(snapshotOf(refreshed))).isLessThanOrEqualTo(Files.size(fresh) * 12 / 10);
        try (Connection reader = readOnly(refreshed)) {
            assertThat(Tables.rows(reader, "SELECT status FROM etl_runs ORDER BY run_id"))
                    .as("each refresh ran once")
                    .containsExactly("succeeded", "succeeded", "succeeded", "succeeded");
        }
        assertThat(dir.resolve("refreshed.duckdb.compact")).doesNotExist();
        assertThat(dir.resolve("refreshed.duckdb.compact.wal")).doesNotExist();
        assertThat(dir.resolve("refreshed.duckdb.publish-pending")).doesNotExist();
    }

    private static Path snapshotOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".snapshot");
    }

    private static List<String> state(Path file) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection reader = readOnly(file)) {
            for (String sql : STATE) {
                rows.add(sql);
                rows.addAll(Tables.rows(reader, sql));
            }
        }
        return rows;
    }

    private static Connection readOnly(Path file) throws Exception {
        DuckDbLibrary.load();
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file, properties);
    }
}
