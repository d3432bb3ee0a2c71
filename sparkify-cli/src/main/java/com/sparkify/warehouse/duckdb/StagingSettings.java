package com.sparkify.warehouse.duckdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB's settings while {@code read_json} statements stage: one thread a statement. A statement numbers
 * records by their position in its input, so it keeps insertion order (DuckDB's default), and a single
 * thread reads in order without the ordered parallel insert's cost. The warehouse otherwise runs with all of
 * DuckDB's threads, set back on {@link #close()}.
 */
final class StagingSettings implements AutoCloseable {
    private final DuckDBConnection connection;
    /** DuckDB's threads before. */
    private final long threads;

    private StagingSettings(DuckDBConnection connection, long threads) {
        this.connection = connection;
        this.threads = threads;
    }

    /** Sets them on {@code connection}; connections duplicated from it share them. */
    static StagingSettings apply(DuckDBConnection connection) throws SQLException {
        long threads;
        try (Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT current_setting('threads')")) {
                row.next();
                threads = row.getLong(1);
            }
            statement.execute("SET threads = 1");
        }
        return new StagingSettings(connection, threads);
    }

    @Override
    public void close() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
        }
    }
}
