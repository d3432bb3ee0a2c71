package com.sparkify.analytics;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Runs an analyst's own SQL ({@code sparkify query --sql}) read-only: it must be one SELECT or WITH
 * statement, and it runs in a {@code BEGIN TRANSACTION READ ONLY} transaction (DuckDB, PostgreSQL and
 * Redshift all accept it) that is rolled back afterwards, so the engine itself refuses any write.
 * Values are shown as stored: no text repair.
 */
public final class ReadOnlyQuery {
    private final Warehouse warehouse;

    public ReadOnlyQuery(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** At most {@code maxRows} rows of the query's answer. */
    public QueryResult run(String sql, int maxRows) {
        String statement = SingleSelect.require(sql);
        Connection connection = warehouse.connection();
        try {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
            try {
                execute(connection, "BEGIN TRANSACTION READ ONLY");
                // Prepared, because DuckDB's plain Statement reports a failure as "unsuccessful pending query".
                try (PreparedStatement query = connection.prepareStatement(statement)) {
                    query.setMaxRows(maxRows);
                    try (ResultSet rows = query.executeQuery()) {
                        return ResultRows.read("sql", rows, UnaryOperator.identity(), maxRows);
                    }
                } finally {
                    execute(connection, "ROLLBACK");
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw refused(e);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static SparkifyException refused(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        String firstLine = newline < 0 ? message : message.substring(0, newline);
        if (message.toLowerCase(Locale.ROOT).contains("read-only")) {
            return new SparkifyException(
                    ErrorCode.USAGE, "--sql is read-only, and the warehouse refused a write: " + firstLine, e);
        }
        return new SparkifyException(ErrorCode.WAREHOUSE, "The warehouse rejected the query: " + firstLine, e);
    }
}
