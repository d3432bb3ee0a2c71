package com.sparkify.analytics.export;

import com.sparkify.warehouse.Column;
import com.sparkify.warehouse.ColumnType;
import com.sparkify.warehouse.ResultSink;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes the rows a warehouse reader streams into a new DuckDB table through DuckDB's Appender: how tables
 * of engines that cannot write Parquet themselves reach DuckDB's Parquet writer. Column types follow the
 * answer's {@link ColumnType}s; decimals become DOUBLE, anything unknown VARCHAR.
 */
final class DuckDbTable implements ResultSink, AutoCloseable {
    /** The scratch database's failure, out of a sink that cannot throw checked exceptions. */
    static final class Failure extends RuntimeException {
        Failure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    private final DuckDBConnection duckDb;
    private final String table;
    private List<ColumnType> types = List.of();
    private DuckDBAppender appender;

    DuckDbTable(DuckDBConnection duckDb, String table) {
        this.duckDb = duckDb;
        this.table = table;
    }

    @Override
    public void start(List<Column> columns) {
        List<String> definitions = new ArrayList<>();
        for (Column column : columns) {
            definitions.add("\"" + column.label().replace("\"", "\"\"") + "\" " + duckDbType(column.type()));
        }
        types = columns.stream().map(Column::type).toList();
        try (Statement statement = duckDb.createStatement()) {
            statement.execute("CREATE TABLE \"" + table + "\" (" + String.join(", ", definitions) + ")");
            appender = duckDb.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    @Override
    public void row(List<Object> values) {
        try {
            appender.beginRow();
            for (int i = 0; i < values.size(); i++) {
                append(values.get(i), types.get(i));
            }
            appender.endRow();
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    /** Flushes the rows appended. */
    @Override
    public void close() throws SQLException {
        if (appender != null) {
            appender.close();
        }
    }

    private static String duckDbType(ColumnType type) {
        return switch (type) {
            case BIGINT -> "BIGINT";
            case INTEGER -> "INTEGER";
            case DOUBLE, DECIMAL -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMP";
            case DATE -> "DATE";
            case TEXT -> "VARCHAR";
        };
    }

    private void append(Object value, ColumnType type) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (type) {
            case BIGINT -> appender.append(((Number) value).longValue());
            case INTEGER -> appender.append(((Number) value).intValue());
            case DOUBLE, DECIMAL -> appender.append(((Number) value).doubleValue());
            case BOOLEAN -> appender.append(((Boolean) value).booleanValue());
            case TIMESTAMP -> appender.append((LocalDateTime) value);
            case DATE -> appender.append((LocalDate) value);
            case TEXT -> appender.append(value.toString());
        }
    }
}
