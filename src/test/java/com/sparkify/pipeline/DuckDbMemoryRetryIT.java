package com.sparkify.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Huge values staged through the Java parser stay in DuckDB's memory until the commit: the merges and checks
 * must still have the memory they need, so that the run succeeds the first time, never repeating itself.
 */
class DuckDbMemoryRetryIT {
    @TempDir
    Path dir;

    @Test
    void aRunOfHugeValuesSucceedsAtOnce() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("log_data"));
        Files.createDirectories(dir.resolve("song_data"));
        // Above read_json's 2 MB objects, so the Java parser stages them, inside the run's transaction: 100 MB
        // held in memory until the commit.
        String huge = "x".repeat(25 * 1024 * 1024);
        StringBuilder events = new StringBuilder();
        for (int item = 0; item < 4; item++) {
            events.append(IncrementalRunsIT.play(1, item, 1_000 + item, "7", "free", "Song " + item)
                    .replace("\"location\":\"X\"", "\"location\":\"" + huge + "\""));
        }
        Files.writeString(logs.resolve("2018-11-01-events.json"), events);
        String url = "jdbc:duckdb:" + dir.resolve("w.duckdb");

        EtlResult result = TestWarehouses.etl(url, dir.resolve("song_data"), logs, false, 0);

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        try (Warehouse warehouse = TestWarehouses.open(url)) {
            assertThat(Tables.rows(warehouse.connection(), "SELECT COUNT(*), min(length(location)) FROM songplays"))
                    .containsExactly("4|" + huge.length());
            assertThat(Tables.rows(warehouse.connection(), "SELECT status FROM etl_runs ORDER BY run_id"))
                    .as("one run, not repeated")
                    .containsExactly("succeeded");
        }
    }
}
