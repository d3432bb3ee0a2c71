package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.testing.ManyPlays;
import com.sparkify.warehouse.postgres.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** On PostgreSQL the driver holds a whole answer unless it fetches through a cursor. */
class PostgresQueryStreamingIT extends QueryStreamingContract {
    @TempDir
    static Path dir;

    private static List<String> warehouse;

    @BeforeAll
    static void aWarehouseOfManyPlays() throws Exception {
        String schema = TestPostgres.newSchema("streaming");
        warehouse = List.of("--warehouse=" + TestPostgres.get().url(), "--schema=" + schema);
        CommandRun create = CommandRun.of("create-tables", warehouse.get(0), warehouse.get(1));
        assertThat(create.exitCode()).as(create.err()).isZero();
        try (Connection connection = TestPostgres.get().admin()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET search_path TO " + schema);
            }
            ManyPlays.insert(connection, ManyPlays.POSTGRES, PLAYS);
        }
    }

    @Override
    List<String> warehouse() {
        return warehouse;
    }

    @Override
    Path dir() {
        return dir;
    }
}
