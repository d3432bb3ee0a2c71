package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.warehouse.postgres.TestPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit 5 is a warehouse that cannot be reached, worth retrying; exit 11 a warehouse that refused the work or
 * an engine that cannot start, never worth retrying. Each side is a real failure. A connection lost mid-run
 * is exit 5 too: {@code PostgresServerLossIT} and {@code PostgresWarehouseIT} stop the server or the session.
 */
class ExitCodeSplitIT {
    @TempDir
    Path dir;

    @Test
    void aServerNobodyListensOnIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        CommandRun run = CommandRun.of("check", "--warehouse=jdbc:postgresql://localhost:" + port + "/sparkify");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
        assertThat(run.err()).startsWith("error: Cannot connect to PostgreSQL localhost:" + port);
    }

    @Test
    void aStatementPostgresRejectsFailsForGood() {
        String schema = "--schema=" + TestPostgres.newSchema("exit_split");
        String warehouse = "--warehouse=" + TestPostgres.get().url();
        assertThat(CommandRun.of("create-tables", warehouse, schema).exitCode()).isZero();

        CommandRun run = CommandRun.of("query", warehouse, schema, "--sql=SELECT no_such_column FROM songs");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(11);
        assertThat(run.err())
                .startsWith("error: The warehouse rejected the query")
                .contains("no_such_column");
    }

    @Test
    void aFileThatIsNoDuckDbDatabaseFailsForGood() throws Exception {
        Path file = Files.writeString(dir.resolve("w.duckdb"), "not a database, " + "x".repeat(8192));

        CommandRun run = CommandRun.of("check", "--warehouse=jdbc:duckdb:" + file);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(11);
        assertThat(run.err()).startsWith("error: Cannot open DuckDB file " + file);
    }
}
