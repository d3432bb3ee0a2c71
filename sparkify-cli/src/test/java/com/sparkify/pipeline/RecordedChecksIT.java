package com.sparkify.pipeline;

import static com.sparkify.pipeline.IncrementalRunsIT.play;
import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.quality.CheckScope;
import com.sparkify.quality.RecordedChecks;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.postgres.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code etl_checks}: every run that checks records each check's outcome and where it looked, passed or
 * failed, on DuckDB and PostgreSQL; and {@link RecordedChecks} reads back those of the latest such run.
 */
class RecordedChecksIT {
    /** Every check, in the order of checks.sql. */
    private static final List<String> CHECKS = List.of(
            "songplays_key",
            "users_key",
            "songs_key",
            "artists_key",
            "time_key",
            "songplays_users",
            "songplays_time",
            "songplays_songs",
            "songplays_artists",
            "songplays_complete",
            "level_values",
            "user_levels_current",
            "user_levels_ranges");
    /** The checks checks_changed.sql narrows to the rows an incremental run changed. */
    private static final List<String> NARROWED = List.of(
            "songplays_key",
            "time_key",
            "songplays_users",
            "songplays_time",
            "songplays_songs",
            "songplays_artists",
            "songplays_complete",
            "level_values");

    private static final String RECORDED = "SELECT check_name, CASE WHEN passed THEN 'passed' ELSE 'failed' END,"
            + " offending_rows, scope FROM etl_checks WHERE run_id = %d ORDER BY check_name";

    @TempDir
    Path dir;

    record Engine(String name, String url, Optional<String> schema) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Engine> engines() {
        return Stream.of(
                new Engine("duckdb", "jdbc:duckdb:", Optional.empty()),
                new Engine("postgres", TestPostgres.get().url(), Optional.of(TestPostgres.newSchema("checks"))));
    }

    private Warehouse open(Engine engine) {
        String url = engine.name().equals("duckdb") ? "jdbc:duckdb:" + dir.resolve("w.duckdb") : engine.url();
        return TestWarehouses.open(url, engine.schema());
    }

    private EtlResult etl(Engine engine) {
        try (Warehouse warehouse = open(engine)) {
            return TestWarehouses.etl(warehouse, dir.resolve("song_data"), dir.resolve("log_data"), false, 0);
        }
    }

    private void write(String name, String content) throws Exception {
        Path file = Files.createDirectories(dir.resolve("log_data")).resolve(name);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + content.length()));
    }

    private List<String> recorded(Engine engine, long runId) throws Exception {
        try (Warehouse warehouse = open(engine)) {
            return Tables.rows(TestWarehouses.jdbc(warehouse), String.format(RECORDED, runId));
        }
    }

    /** The rows of etl_checks the oracle expects: every check passed, narrowed ones on {@code narrowed}. */
    private static List<String> passed(List<String> narrowed) {
        return CHECKS.stream()
                .sorted()
                .map(name -> name + "|passed|0|" + (narrowed.contains(name) ? "changed" : "all"))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aPassingRunRecordsEveryCheckAsPassedWithItsScope(Engine engine) throws Exception {
        Files.createDirectories(dir.resolve("song_data"));
        write("day1.json", play(1, 0, 1000, "7", "free", "A") + play(1, 1, 2000, "7", "free", "B"));
        EtlResult first = etl(engine);
        // One new play of three: the run checks the largest tables on the rows it changed only.
        write("day2.json", play(2, 0, 3000, "8", "paid", "C"));
        EtlResult second = etl(engine);

        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(recorded(engine, first.runId()))
                .as("a first load checks every row")
                .isEqualTo(passed(List.of()));
        assertThat(recorded(engine, second.runId())).isEqualTo(passed(NARROWED));
        try (Warehouse warehouse = open(engine)) {
            RecordedChecks latest = RecordedChecks.latest(warehouse).orElseThrow();
            assertThat(latest.runId()).isEqualTo(second.runId());
            assertThat(latest.runStatus()).isEqualTo("succeeded");
            assertThat(latest.checks())
                    .extracting(check -> check.result().name())
                    .containsExactlyElementsOf(CHECKS);
            assertThat(latest.report().passed()).isTrue();
            assertThat(latest.count(CheckScope.CHANGED)).isEqualTo(NARROWED.size());
            assertThat(latest.count(CheckScope.ALL)).isEqualTo(CHECKS.size() - NARROWED.size());
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aRunWhoseCheckFailsRecordsTheFailureWithItsOffendingRows(Engine engine) throws Exception {
        Files.createDirectories(dir.resolve("song_data"));
        write(
                "day1.json",
                play(1, 0, 1000, "7", "free", "A")
                        + play(1, 1, 2000, "7", "free", "B")
                        + play(1, 2, 3000, "7", "free", "C"));
        etl(engine);
        // Two old plays lose their time rows behind sparkify's back: two songplays break songplays_time.
        try (Warehouse warehouse = open(engine);
                Statement sql = TestWarehouses.jdbc(warehouse).createStatement()) {
            sql.execute("DELETE FROM \"time\" WHERE start_time IN (SELECT start_time FROM songplays"
                    + " WHERE session_id = 1 AND item_in_session IN (0, 1))");
            TestWarehouses.jdbc(warehouse).commit();
        }
        // Five new plays of eight: the run checks every row, and finds the two.
        StringBuilder day2 = new StringBuilder();
        for (int item = 0; item < 5; item++) {
            day2.append(play(2, item, 5000 + item, "7", "free", "E"));
        }
        write("day2.json", day2.toString());

        EtlResult failed = etl(engine);

        assertThat(failed.status()).isEqualTo(RunStatus.CHECKS_FAILED);
        List<String> expected = passed(List.of()).stream()
                .map(row -> row.startsWith("songplays_time|") ? "songplays_time|failed|2|all" : row)
                .toList();
        assertThat(recorded(engine, failed.runId())).isEqualTo(expected);
        try (Warehouse warehouse = open(engine)) {
            RecordedChecks latest = RecordedChecks.latest(warehouse).orElseThrow();
            assertThat(latest.runId()).isEqualTo(failed.runId());
            assertThat(latest.runStatus()).isEqualTo("checks_failed");
            assertThat(latest.report().failures()).singleElement().satisfies(check -> {
                assertThat(check.name()).isEqualTo("songplays_time");
                assertThat(check.offendingRows()).isEqualTo(2);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aWarehouseNoRunCheckedHasNoRecordedChecks(Engine engine) {
        try (Warehouse warehouse = open(engine)) {
            assertThat(RecordedChecks.latest(warehouse)).as("no tables yet").isEmpty();
            Schema.ensure(warehouse);
            assertThat(RecordedChecks.latest(warehouse)).as("no run yet").isEmpty();
        }
    }
}
