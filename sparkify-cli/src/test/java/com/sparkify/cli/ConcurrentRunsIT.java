package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.config.SettingsResolver;
import com.sparkify.pipeline.EtlResult;
import com.sparkify.pipeline.RunStatus;
import com.sparkify.testing.CliProcess;
import com.sparkify.testing.SampleData;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second etl on a DuckDB warehouse that another process holds refuses at once with one clear line and
 * exit 8 (DuckDB allows one writing process per file); the first run is unaffected. With --wait it runs once
 * the first lets go, or exits 12 when its time runs out.
 */
class ConcurrentRunsIT {
    @TempDir
    Path dir;

    @Test
    void aSecondRunRefusesWhileTheFirstHoldsTheWarehouse() throws Exception {
        String url = "jdbc:duckdb:" + dir.resolve("w.duckdb");
        try (Warehouse first = Warehouses.open(new SettingsResolver(Map.of(), dir)
                .resolve(new SettingsResolver.Flags(
                        Optional.of(url), Optional.empty(), Optional.empty(), Optional.empty())))) {
            Path log = dir.resolve("second.log");
            Process second = CliProcess.start(
                    log, "etl", "--warehouse=" + url, "--songs=" + SampleData.songs(), "--logs=" + SampleData.logs());

            assertThat(second.waitFor()).isEqualTo(8);
            assertThat(Files.readString(log))
                    .startsWith("error: DuckDB file " + dir.resolve("w.duckdb"))
                    .contains("in use by another process")
                    .doesNotContain("Exception")
                    .hasLineCount(1);

            EtlResult result = TestWarehouses.etl(first, SampleData.songs(), SampleData.logs(), false, 0);

            assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(Tables.rows(TestWarehouses.jdbc(first), "SELECT COUNT(*), COUNT(DISTINCT path) FROM etl_files"))
                    .containsExactly("101|101");
            assertThat(Tables.rows(TestWarehouses.jdbc(first), "SELECT status FROM etl_runs"))
                    .containsExactly("succeeded");
        }
    }

    @Test
    void aSecondRunWithWaitRunsOnceTheFirstLetsGo() throws Exception {
        String url = "jdbc:duckdb:" + dir.resolve("w.duckdb");
        Path log = dir.resolve("second.log");
        Process second;
        try (Warehouse first = TestWarehouses.open(url)) {
            second = WaitingRuns.start(
                    log,
                    List.of(
                            "--warehouse=" + url,
                            "--songs=" + SampleData.songs(),
                            "--logs=" + SampleData.logs(),
                            "--wait=1m"));
            WaitingRuns.awaitWaiting(second, log);

            EtlResult result = TestWarehouses.etl(first, SampleData.songs(), SampleData.logs(), false, 0);
            assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        }

        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log))
                .startsWith("waiting up to 1m (--wait 1m): DuckDB file " + dir.resolve("w.duckdb"))
                .contains("Run 2 succeeded", "0 loaded (0 changed), 101 already loaded");
        try (Warehouse after = TestWarehouses.open(url)) {
            assertThat(Tables.rows(TestWarehouses.jdbc(after), "SELECT run_id, status FROM etl_runs ORDER BY run_id"))
                    .containsExactly("1|succeeded", "2|succeeded");
        }
    }

    @Test
    void aSecondRunWhoseWaitRunsOutExits12() throws Exception {
        String url = "jdbc:duckdb:" + dir.resolve("w.duckdb");
        try (Warehouse first = TestWarehouses.open(url)) {
            WaitingRuns.runsOutOfTime(
                    dir, List.of("--warehouse=" + url, "--songs=" + SampleData.songs(), "--logs=" + SampleData.logs()));

            EtlResult result = TestWarehouses.etl(first, SampleData.songs(), SampleData.logs(), false, 0);
            assertThat(result.runId())
                    .as("the run that timed out took no run id")
                    .isEqualTo(1);
        }
    }
}
