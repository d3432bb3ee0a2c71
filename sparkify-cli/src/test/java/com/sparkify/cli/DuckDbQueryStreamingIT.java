package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.testing.ManyPlays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class DuckDbQueryStreamingIT extends QueryStreamingContract {
    @TempDir
    static Path dir;

    private static String warehouse;

    @BeforeAll
    static void aWarehouseOfManyPlays() throws Exception {
        warehouse = "--warehouse=jdbc:duckdb:" + dir.resolve("w.duckdb");
        CommandRun create = CommandRun.of("create-tables", warehouse);
        assertThat(create.exitCode()).as(create.err()).isZero();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("w.duckdb"))) {
            ManyPlays.insert(connection, ManyPlays.DUCKDB, PLAYS);
        }
        // Written behind sparkify's back: without its snapshot, the first read publishes the file again.
        Files.delete(dir.resolve("w.duckdb.snapshot"));
    }

    @Override
    List<String> warehouse() {
        return List.of(warehouse);
    }

    @Override
    Path dir() {
        return dir;
    }
}
