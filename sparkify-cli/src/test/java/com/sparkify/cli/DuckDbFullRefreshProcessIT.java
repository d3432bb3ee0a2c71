package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.testing.CliProcess;
import com.sparkify.testing.SampleData;
import com.sparkify.testing.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DuckDB full refresh builds a new file beside the warehouse and swaps it in only once it committed: one that
 * fails, or is killed, leaves the warehouse and its readers on the old state, with the failed run in the
 * history readers see.
 */
class DuckDbFullRefreshProcessIT {
    private static final List<String> STATE = List.of(
            "SELECT * FROM songplays ORDER BY songplay_id",
            "SELECT * FROM users ORDER BY user_id",
            "SELECT * FROM songs ORDER BY song_id",
            "SELECT * FROM artists ORDER BY artist_id",
            "SELECT * FROM \"time\" ORDER BY start_time",
            "SELECT * FROM user_levels ORDER BY ALL",
            "SELECT path, change_marker, rows_read, rows_staged, rows_rejected FROM etl_files ORDER BY path",
            "SELECT COUNT(*) FROM staging_events");

    @TempDir
    Path dir;

    private Path file;
    private Path logs;
    private String warehouse;

    @BeforeEach
    void loadTheSample() throws Exception {
        file = dir.resolve("w.duckdb");
        warehouse = "--warehouse=jdbc:duckdb:" + file;
        logs = Files.createDirectories(dir.resolve("logs"));
        try (Stream<Path> all = Files.walk(SampleData.logs())) {
            for (Path log :
                    all.filter(path -> path.toString().endsWith(".json")).toList()) {
                Files.copy(log, logs.resolve(log.getFileName()));
            }
        }
        assertThat(CommandRun.of(etl(false)).exitCode()).isZero();
    }

    @Test
    void aFullRefreshThatFailsLeavesTheOldStateWithItsRunInTheHistoryReadersSee() throws Exception {
        List<String> before = state(file);
        Files.writeString(logs.resolve("bad.json"), "{oops\n");

        CommandRun refresh = CommandRun.of(etl(true));

        assertThat(refresh.exitCode()).as(refresh.err()).isEqualTo(6);
        CommandRun runs = CommandRun.of(
                "query", warehouse, "--format=csv", "--sql", "SELECT run_id, status FROM etl_runs ORDER BY run_id");
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        assertThat(runs.out().lines().toList()).containsExactly("run_id,status", "1,succeeded", "2,too_many_rejects");
        CommandRun rejects = CommandRun.of(
                "query", warehouse, "--format=csv", "--sql", "SELECT load_id, source_file FROM load_errors");
        assertThat(rejects.out()).contains("2,").contains("bad.json");
        assertThat(state(file)).isEqualTo(before);
        assertThat(state(dir.resolve("w.duckdb.snapshot"))).isEqualTo(before);
        assertThat(dir.resolve("w.duckdb.compact")).doesNotExist();
    }

    @Test
    void aFullRefreshKilledWhileStagingThenRunAgainGivesTheTablesOfACleanRun() throws Exception {
        List<String> clean = state(file);
        List<String> args = new ArrayList<>(List.of(etl(true)));
        args.add(1, "-v");
        Path log = dir.resolve("killed.log");
        Process killed = CliProcess.start(log, args.toArray(String[]::new));
        boolean staging = false;
        while (killed.isAlive() && !staging) {
            staging = Files.exists(log) && Files.readString(log).contains("files to load");
            Thread.sleep(1);
        }
        CliProcess.killHard(killed);
        CliProcess.removeTempFolder(log);
        assertThat(staging).as(Files.readString(log)).isTrue();
        assertThat(dir.resolve("w.duckdb.compact"))
                .as("the new file, left by the kill")
                .exists();
        assertThat(state(file)).as("the warehouse, untouched").isEqualTo(clean);

        CommandRun rerun = CommandRun.of(etl(true));

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(state(file)).isEqualTo(clean);
        assertThat(state(dir.resolve("w.duckdb.snapshot"))).isEqualTo(clean);
        try (Connection reader = Tables.readOnlyDuckDb(file)) {
            assertThat(Tables.rows(reader, "SELECT status FROM etl_runs ORDER BY run_id"))
                    .containsExactly("succeeded", "interrupted", "succeeded");
        }
        assertThat(dir.resolve("w.duckdb.compact")).doesNotExist();
        assertThat(dir.resolve("w.duckdb.compact.wal")).doesNotExist();
    }

    private String[] etl(boolean fullRefresh) {
        List<String> args =
                new ArrayList<>(List.of("etl", warehouse, "--songs=" + SampleData.songs(), "--logs=" + logs));
        if (fullRefresh) {
            args.add("--full-refresh");
        }
        return args.toArray(String[]::new);
    }

    private static List<String> state(Path file) throws Exception {
        return Tables.duckDbState(file, STATE);
    }
}
