package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.pipeline.EtlResult;
import com.sparkify.pipeline.RunStatus;
import com.sparkify.testing.SampleData;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.postgres.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * etl --wait on PostgreSQL, with the test holding the schema's run lock as a first run does: the CLI's run
 * waits and then runs after the first, or exits 12 when its time runs out. Without --wait it refuses at
 * once with exit 8.
 */
class PostgresConcurrentRunsIT {
    @TempDir
    Path dir;

    private final String schema = TestPostgres.newSchema("wait");
    private final String url = TestPostgres.get().url();

    private List<String> args() {
        return List.of(
                "--warehouse=" + url,
                "--schema=" + schema,
                "--songs=" + SampleData.songs(),
                "--logs=" + SampleData.logs());
    }

    @Test
    void aRunWithWaitRunsOnceTheFirstLetsGo() throws Exception {
        Path log = dir.resolve("second.log");
        Path refusedLog = dir.resolve("refused.log");
        Process second;
        String described;
        try (Warehouse first = TestWarehouses.open(url, Optional.of(schema))) {
            described = first.describe();
            first.acquireRunLock();
            Process refused = WaitingRuns.start(refusedLog, args());
            assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(refused.exitValue()).as(Files.readString(refusedLog)).isEqualTo(8);

            List<String> waiting = new ArrayList<>(args());
            waiting.add("--wait=1m");
            second = WaitingRuns.start(log, waiting);
            WaitingRuns.awaitWaiting(second, log);

            EtlResult result = TestWarehouses.etl(first, SampleData.songs(), SampleData.logs(), false, 0);
            assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        }

        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log))
                .startsWith("waiting up to 1m (--wait 1m): Another sparkify run is loading " + described)
                .contains("Run 2 succeeded", "0 loaded (0 changed), 101 already loaded")
                .contains("\n  warehouse: " + described + "\n")
                .doesNotContain("password");
        try (Warehouse after = TestWarehouses.open(url, Optional.of(schema))) {
            assertThat(Tables.rows(TestWarehouses.jdbc(after), "SELECT run_id, status FROM etl_runs ORDER BY run_id"))
                    .containsExactly("1|succeeded", "2|succeeded");
        }
    }

    @Test
    void aRunWhoseWaitRunsOutExits12() throws Exception {
        try (Warehouse first = TestWarehouses.open(url, Optional.of(schema))) {
            first.acquireRunLock();

            WaitingRuns.runsOutOfTime(dir, args());

            EtlResult result = TestWarehouses.etl(first, SampleData.songs(), SampleData.logs(), false, 0);
            assertThat(result.runId())
                    .as("the run that timed out took no run id")
                    .isEqualTo(1);
        }
    }
}
