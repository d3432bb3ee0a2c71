package com.sparkify.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.testing.CliProcess;
import com.sparkify.testing.SampleData;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stops in the middle of a run: the run ends with one line naming host, port and database and
 * exit 5, no partial star schema is left, and after a restart the next run completes.
 */
class PostgresServerLossIT {
    @TempDir
    Path dir;

    private EmbeddedPostgres start(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    @Test
    void aServerThatStopsMidRunLeavesNothingPartialAndTheNextRunCompletes() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = dir.resolve("pgdata");
        String url = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
        EmbeddedPostgres server = start(data, port);
        List<String> reference;
        try (Warehouse warehouse = TestWarehouses.open(url, Optional.of("reference"))) {
            TestWarehouses.etl(warehouse, SampleData.songs(), SampleData.logs(), false, 0);
            reference = CrashSafetyContract.state(warehouse);
        }

        Path log = dir.resolve("lost.log");
        Process run = CliProcess.start(
                log,
                "etl",
                "--warehouse=" + url,
                "--schema=lost",
                "--songs=" + SampleData.songs(),
                "--logs=" + SampleData.logs());
        awaitRunStarted(url, run);
        server.close();

        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).isEqualTo(5);
        assertThat(Files.readString(log))
                .startsWith("error: ")
                .contains("localhost:" + port + "/postgres")
                .doesNotContain("\tat ")
                .hasLineCount(1);

        server = start(data, port);
        try (Warehouse warehouse = TestWarehouses.open(url, Optional.of("lost"))) {
            assertThat(Tables.rows(TestWarehouses.jdbc(warehouse), "SELECT COUNT(*) FROM songplays"))
                    .containsExactly("0");
            assertThat(Tables.rows(TestWarehouses.jdbc(warehouse), "SELECT COUNT(*) FROM etl_files"))
                    .containsExactly("0");
            TestWarehouses.jdbc(warehouse).rollback();

            EtlResult rerun = TestWarehouses.etl(warehouse, SampleData.songs(), SampleData.logs(), false, 0);

            assertThat(rerun.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(CrashSafetyContract.state(warehouse)).isEqualTo(reference);
        } finally {
            server.close();
        }
    }

    /** Waits until the run has recorded itself in etl_runs, that is, it is about to stage. */
    private static void awaitRunStarted(String url, Process run) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (run.isAlive() && System.currentTimeMillis() < deadline) {
            try (Connection connection = DriverManager.getConnection(url)) {
                if (!Tables.rows(
                                        connection,
                                        "SELECT 1 FROM pg_tables WHERE schemaname = 'lost' AND tablename = 'etl_runs'")
                                .isEmpty()
                        && Tables.count(connection, "SELECT COUNT(*) FROM lost.etl_runs") > 0) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the run did not record itself in etl_runs within a minute");
    }
}
