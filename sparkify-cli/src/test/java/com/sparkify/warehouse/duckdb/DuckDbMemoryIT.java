package com.sparkify.warehouse.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import com.sparkify.generate.DatasetGenerator;
import com.sparkify.generate.GeneratorSpec;
import com.sparkify.pipeline.EtlResult;
import com.sparkify.pipeline.RunStatus;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run gets DuckDB's whole memory limit for its merges and checks, so that it never needs to run again
 * with more: a statement that runs out of memory inside the run's transaction ends the run.
 */
class DuckDbMemoryIT {
    @TempDir
    Path dir;

    /** A command that only reads is not a run: DuckDB gets a share of the limit, as DuckDB reads it. */
    @Test
    void aCommandThatOnlyReadsOpensWithAShareOfTheLimit() throws Exception {
        String url = "jdbc:duckdb:" + dir.resolve("w.duckdb");
        Settings settings = new SettingsResolver(Map.of(), Path.of("").toAbsolutePath())
                .resolve(new SettingsResolver.Flags(
                        Optional.of(url), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        String writer;
        try (Warehouse warehouse = Warehouses.open(settings)) {
            writer = Tables.rows(TestWarehouses.jdbc(warehouse), "SELECT current_setting('memory_limit')")
                    .get(0);
        }
        String reader;
        try (Warehouse warehouse = Warehouses.openExisting(settings)) {
            reader = Tables.rows(TestWarehouses.jdbc(warehouse), "SELECT current_setting('memory_limit')")
                    .get(0);
        }
        long shareMiB = DuckDbMemory.share(DuckDbMemory.bytes(DuckDbSettings.DEFAULT_MEMORY_LIMIT)) >> 20;
        String expected;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement sql = connection.createStatement()) {
            sql.execute("SET memory_limit = '" + shareMiB + "MiB'");
            expected = Tables.rows(connection, "SELECT current_setting('memory_limit')")
                    .get(0);
        }

        assertThat(reader).isEqualTo(expected).isNotEqualTo(writer);
    }

    @Test
    void aRunThatHoldsHugeValuesUntilItCommitsSucceedsAtOnce() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("log_data"));
        Files.createDirectories(dir.resolve("song_data"));
        // Above read_json's 2 MB objects, so the Java parser stages them; the merge into songplays then holds
        // 100 MB of them at once, more than a third of the default 384MB limit.
        String huge = "x".repeat(25 * 1024 * 1024);
        StringBuilder events = new StringBuilder();
        for (int item = 0; item < 4; item++) {
            events.append(play(item, "Song " + item).replace("\"location\":\"X\"", "\"location\":\"" + huge + "\""));
        }
        Files.writeString(logs.resolve("2018-11-01-events.json"), events);
        String url = "jdbc:duckdb:" + dir.resolve("w.duckdb");

        EtlResult result = TestWarehouses.etl(url, dir.resolve("song_data"), logs, false, 0);

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        try (Warehouse warehouse = TestWarehouses.open(url)) {
            assertThat(Tables.rows(
                            TestWarehouses.jdbc(warehouse), "SELECT COUNT(*), min(length(location)) FROM songplays"))
                    .containsExactly("4|" + huge.length());
            assertThat(Tables.rows(TestWarehouses.jdbc(warehouse), "SELECT status FROM etl_runs ORDER BY run_id"))
                    .as("one attempt")
                    .containsExactly("succeeded");
        }
    }

    /**
     * 112 days of events, ~130 MB in 350 files, under a 100MB limit: a third of it, or a sixth for the checks,
     * is too little for the merges and checks of a fresh load or a full refresh of this data, and a ledger row
     * written by a statement of its own holds memory of its own until the commit, leaving the checks too
     * little of the whole limit.
     */
    @Test
    void aFreshLoadAndAFullRefreshUnderALowLimitEachSucceedAtOnce() throws Exception {
        Path data = dir.resolve("data");
        new DatasetGenerator().generate(new GeneratorSpec(data, 119, 112, 42, GeneratorSpec.DEFAULT_FIRST_DAY));
        Path file = dir.resolve("w.duckdb");

        List<String> first;
        try (DuckDbWarehouse warehouse = open(file, "100MB")) {
            EtlResult fresh =
                    TestWarehouses.etl(warehouse, data.resolve("song_data"), data.resolve("log_data"), false, 0);
            assertThat(fresh.status()).isEqualTo(RunStatus.SUCCEEDED);
            first = tables(TestWarehouses.jdbc(warehouse));

            EtlResult refresh =
                    TestWarehouses.etl(warehouse, data.resolve("song_data"), data.resolve("log_data"), true, 0);

            assertThat(refresh.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(refresh.checks().passed()).isTrue();
            assertThat(tables(TestWarehouses.jdbc(warehouse)))
                    .as("the same star schema")
                    .isEqualTo(first);
            assertThat(Tables.rows(TestWarehouses.jdbc(warehouse), "SELECT status FROM etl_runs ORDER BY run_id"))
                    .as("one attempt each")
                    .containsExactly("succeeded", "succeeded");
        }
    }

    private static DuckDbWarehouse open(Path file, String limit) throws SQLException {
        DuckDbLibrary.load();
        Connection connection =
                DriverManager.getConnection("jdbc:duckdb:" + file, DuckDbSettings.connectionProperties(limit));
        connection.setAutoCommit(false);
        return new DuckDbWarehouse(
                connection,
                "DuckDB file " + file,
                new DuckDbMemory(connection, limit, false),
                Optional.empty(),
                Optional.empty(),
                () -> {
                    throw new SQLException("not reopened");
                });
    }

    private static List<String> tables(Connection connection) throws SQLException {
        return Tables.rows(
                connection,
                "SELECT (SELECT COUNT(*) FROM songplays), (SELECT COUNT(*) FROM users),"
                        + " (SELECT COUNT(*) FROM user_levels), (SELECT COUNT(*) FROM \"time\"),"
                        + " (SELECT COUNT(DISTINCT songplay_id) FROM songplays)");
    }

    private static String play(long item, String song) {
        return "{\"artist\":\"Band\",\"auth\":\"Logged In\",\"firstName\":\"Ann\",\"gender\":\"F\",\"itemInSession\":"
                + item + ",\"lastName\":\"Lee\",\"length\":200.5,\"level\":\"free\",\"location\":\"X\","
                + "\"method\":\"PUT\",\"page\":\"NextSong\",\"registration\":1.0,\"sessionId\":1"
                + ",\"song\":\"" + song + "\",\"status\":200,\"ts\":" + (1_000 + item)
                + ",\"userAgent\":\"UA\",\"userId\":\"7\"}\n";
    }
}
