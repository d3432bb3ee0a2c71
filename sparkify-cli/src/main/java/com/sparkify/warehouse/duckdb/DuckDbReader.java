package com.sparkify.warehouse.duckdb;

import com.sparkify.SparkifyException;
import com.sparkify.warehouse.JdbcReader;
import com.sparkify.warehouse.WarehouseErrors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;

/**
 * DuckDB's reader. Its driver streams only while the session setting {@code jdbc_stream_results} is on;
 * otherwise it materializes the whole answer in native memory first. It writes Parquet itself.
 */
final class DuckDbReader extends JdbcReader {
    private final Connection connection;

    DuckDbReader(Connection connection) {
        super(connection);
        this.connection = connection;
    }

    /** Leaves the session's setting as it was. */
    @Override
    protected <T> T streaming(Connection connection, SqlWork<T> work) throws SQLException {
        execute(connection, "SET jdbc_stream_results = true");
        try {
            return work.run();
        } finally {
            execute(connection, "SET jdbc_stream_results = false");
        }
    }

    /** DuckDB's driver would send a BEGIN of its own before the query with auto-commit off. */
    @Override
    protected void beginReadOnly(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        execute(connection, "BEGIN TRANSACTION READ ONLY");
    }

    @Override
    protected void endReadOnly(Connection connection) throws SQLException {
        execute(connection, "ROLLBACK");
    }

    @Override
    public OptionalLong writeParquet(String sql, Path folder, List<String> partitionedBy) {
        try {
            return OptionalLong.of(ParquetCopy.write(connection, "(" + sql + ")", folder, partitionedBy));
        } catch (SQLException e) {
            throw new SparkifyException(WarehouseErrors.code(e), "Cannot write Parquet to " + folder, e);
        }
    }
}
