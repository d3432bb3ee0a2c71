package com.sparkify.warehouse;

import com.sparkify.ErrorCode;
import com.sparkify.Messages;
import com.sparkify.SparkifyException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link WarehouseReader} over the JDBC connection of the run's session (auto-commit off), shared by the
 * JDBC engines. PostgreSQL's and Redshift's drivers fetch {@value #FETCH_SIZE} rows at a time through a
 * cursor when the statement has a fetch size and auto-commit is off, and begin a transaction themselves once
 * auto-commit is off; an engine whose driver differs overrides {@link #streaming}, {@link #beginReadOnly}
 * and {@link #endReadOnly}.
 */
public class JdbcReader implements WarehouseReader {
    protected static final int FETCH_SIZE = 1000;

    private final Connection connection;

    public JdbcReader(Connection connection) {
        this.connection = connection;
    }

    /** Work on the connection that may throw. */
    protected interface SqlWork<T> {
        T run() throws SQLException;
    }

    @Override
    public long read(ReadQuery query, long maxRows, ResultSink sink) {
        try {
            if (!query.readOnly()) {
                return streaming(connection, () -> run(query, maxRows, sink));
            }
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.rollback();
            }
            try {
                return streaming(connection, () -> {
                    beginReadOnly(connection);
                    try {
                        return run(query, maxRows, sink);
                    } finally {
                        endReadOnly(connection);
                    }
                });
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure(query, e);
        }
    }

    /** Runs {@code work} with a driver that hands over the answer as the engine produces it. */
    protected <T> T streaming(Connection connection, SqlWork<T> work) throws SQLException {
        return work.run();
    }

    /** Begins a read-only transaction: with auto-commit off and read-only set, the driver sends BEGIN READ ONLY. */
    protected void beginReadOnly(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
    }

    /** Ends the read-only transaction, dropping whatever it did. */
    protected void endReadOnly(Connection connection) throws SQLException {
        connection.rollback();
        connection.setReadOnly(false);
    }

    /** Runs one statement on the connection. */
    protected static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long run(ReadQuery query, long maxRows, ResultSink sink) throws SQLException {
        // Prepared, because DuckDB's plain Statement reports a failure as "unsuccessful pending query".
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            for (int i = 0; i < query.parameters().size(); i++) {
                statement.setObject(i + 1, query.parameters().get(i));
            }
            if (maxRows < Integer.MAX_VALUE) {
                statement.setMaxRows((int) maxRows);
            }
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                return stream(rows, maxRows, sink);
            }
        }
    }

    /** DuckDB's driver ignores {@link Statement#setMaxRows}, hence the count here. */
    private static long stream(ResultSet rows, long maxRows, ResultSink sink) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int count = meta.getColumnCount();
        int[] types = new int[count];
        List<Column> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            types[i] = meta.getColumnType(i + 1);
            columns.add(new Column(meta.getColumnLabel(i + 1), type(types[i])));
        }
        sink.start(columns);
        List<Object> row = new ArrayList<>(count);
        long passed = 0;
        while (passed < maxRows && rows.next()) {
            row.clear();
            for (int i = 1; i <= count; i++) {
                row.add(fetch(rows, i, types[i - 1]));
            }
            sink.row(row);
            passed++;
        }
        return passed;
    }

    static ColumnType type(int jdbcType) {
        return switch (jdbcType) {
            case Types.BIGINT -> ColumnType.BIGINT;
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> ColumnType.INTEGER;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> ColumnType.DOUBLE;
            case Types.DECIMAL, Types.NUMERIC -> ColumnType.DECIMAL;
            case Types.BOOLEAN, Types.BIT -> ColumnType.BOOLEAN;
            case Types.TIMESTAMP -> ColumnType.TIMESTAMP;
            case Types.DATE -> ColumnType.DATE;
            default -> ColumnType.TEXT;
        };
    }

    // Timestamps without a time zone are read as local date-times, so that the JVM's zone never shifts them.
    private static Object fetch(ResultSet rows, int column, int type) throws SQLException {
        return switch (type) {
            case Types.TIMESTAMP -> rows.getObject(column, LocalDateTime.class);
            case Types.DATE -> rows.getObject(column, LocalDate.class);
            default -> rows.getObject(column);
        };
    }

    private static SparkifyException failure(ReadQuery query, SQLException e) {
        if (!query.readOnly()) {
            return WarehouseErrors.translate(query.what(), e);
        }
        String message = String.valueOf(e.getMessage());
        ErrorCode code =
                message.toLowerCase(Locale.ROOT).contains("read-only") ? ErrorCode.USAGE : WarehouseErrors.code(e);
        return new SparkifyException(code, query.what() + ": " + Messages.firstLine(message), e);
    }
}
