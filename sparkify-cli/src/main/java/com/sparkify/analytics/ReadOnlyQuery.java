package com.sparkify.analytics;

import com.sparkify.ErrorCode;
import com.sparkify.Messages;
import com.sparkify.SparkifyException;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Runs an analyst's own SQL ({@code sparkify query --sql}) read-only: it must be one SELECT or WITH
 * statement, and it runs in a read-only transaction that is rolled back afterwards, so the engine itself
 * refuses any write. The answer streams ({@link Streaming}). Values are shown as stored: no text repair.
 */
public final class ReadOnlyQuery {
    private final Warehouse warehouse;

    public ReadOnlyQuery(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** At most {@code maxRows} rows of the query's answer, held in memory. */
    public QueryResult run(String sql, int maxRows) {
        CollectedRows collected = new CollectedRows();
        stream(sql, maxRows, collected);
        return collected.result();
    }

    /** Passes at most {@code maxRows} rows of the query's answer to {@code sink} as they arrive; returns how many. */
    public long stream(String sql, long maxRows, RowSink sink) {
        String statement = SingleSelect.require(sql);
        Connection connection = warehouse.connection();
        boolean driverTransaction = Streaming.driverBeginsTransactions(warehouse);
        try {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.rollback();
            }
            try {
                return Streaming.around(warehouse, connection, () -> {
                    begin(connection, driverTransaction);
                    try {
                        return run(connection, statement, maxRows, sink);
                    } finally {
                        rollback(connection, driverTransaction);
                    }
                });
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw refused(e);
        }
    }

    private static long run(Connection connection, String statement, long maxRows, RowSink sink) throws SQLException {
        // Prepared, because DuckDB's plain Statement reports a failure as "unsuccessful pending query".
        try (PreparedStatement query = connection.prepareStatement(statement)) {
            query.setMaxRows((int) Math.min(maxRows, Integer.MAX_VALUE));
            query.setFetchSize(Streaming.FETCH_SIZE);
            try (ResultSet rows = query.executeQuery()) {
                sink.start("sql", ResultRows.columns(rows.getMetaData()));
                long passed = ResultRows.stream(rows, UnaryOperator.identity(), maxRows, sink);
                sink.end(List.of());
                return passed;
            }
        }
    }

    private static void begin(Connection connection, boolean driverTransaction) throws SQLException {
        if (driverTransaction) {
            // With auto-commit off and read-only set, the driver opens the transaction with BEGIN READ ONLY.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
        } else {
            // DuckDB's driver would send a BEGIN of its own before the query with auto-commit off.
            connection.setAutoCommit(true);
            execute(connection, "BEGIN TRANSACTION READ ONLY");
        }
    }

    private static void rollback(Connection connection, boolean driverTransaction) throws SQLException {
        if (driverTransaction) {
            connection.rollback();
            connection.setReadOnly(false);
        } else {
            execute(connection, "ROLLBACK");
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static SparkifyException refused(SQLException e) {
        String message = String.valueOf(e.getMessage());
        String firstLine = Messages.firstLine(message);
        if (message.toLowerCase(Locale.ROOT).contains("read-only")) {
            return new SparkifyException(
                    ErrorCode.USAGE, "--sql is read-only, and the warehouse refused a write: " + firstLine, e);
        }
        return new SparkifyException(WarehouseErrors.code(e), "The warehouse rejected the query: " + firstLine, e);
    }
}
