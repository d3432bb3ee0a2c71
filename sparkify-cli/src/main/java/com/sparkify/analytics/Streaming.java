package com.sparkify.analytics;

import com.sparkify.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Has the driver hand over an answer as the engine produces it rather than all at once. DuckDB's driver
 * streams only while its session setting {@code jdbc_stream_results} is on; otherwise it materializes the
 * whole answer in native memory first. PostgreSQL's and Redshift's drivers fetch {@value #FETCH_SIZE} rows at
 * a time through a cursor when the statement has a fetch size and auto-commit is off.
 */
final class Streaming {
    static final int FETCH_SIZE = 1000;

    private Streaming() {}

    /** Work on a connection that may throw. */
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Whether the driver begins its transactions itself once auto-commit is off (all but DuckDB's). */
    static boolean driverBeginsTransactions(Warehouse warehouse) {
        return !warehouse.engine().equals("duckdb");
    }

    /** Runs {@code work} with a streaming driver, and leaves the session's setting as it was. */
    static <T> T around(Warehouse warehouse, Connection connection, SqlWork<T> work) throws SQLException {
        if (driverBeginsTransactions(warehouse)) {
            return work.run();
        }
        set(connection, "true");
        try {
            return work.run();
        } finally {
            set(connection, "false");
        }
    }

    private static void set(Connection connection, String value) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET jdbc_stream_results = " + value);
        }
    }
}
