package com.sparkify.analytics.export;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Copies a JDBC result into a new DuckDB table through DuckDB's Appender: how tables of engines that cannot
 * write Parquet themselves (PostgreSQL, Redshift) reach DuckDB's Parquet writer. Column types follow the
 * result's JDBC types; anything unknown becomes VARCHAR.
 */
final class JdbcToDuckDb {
    private JdbcToDuckDb() {}

    static long copy(ResultSet rows, DuckDBConnection duckDb, String table) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> columns = new ArrayList<>();
        int[] types = new int[meta.getColumnCount()];
        for (int i = 1; i <= types.length; i++) {
            types[i - 1] = meta.getColumnType(i);
            columns.add("\"" + meta.getColumnLabel(i).replace("\"", "\"\"") + "\" " + duckDbType(types[i - 1]));
        }
        try (Statement statement = duckDb.createStatement()) {
            statement.execute("CREATE TABLE \"" + table + "\" (" + String.join(", ", columns) + ")");
        }
        long count = 0;
        try (DuckDBAppender appender = duckDb.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            while (rows.next()) {
                appender.beginRow();
                for (int i = 1; i <= types.length; i++) {
                    append(appender, rows, i, types[i - 1]);
                }
                appender.endRow();
                count++;
            }
        }
        return count;
    }

    private static String duckDbType(int type) {
        return switch (type) {
            case Types.BIGINT -> "BIGINT";
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> "INTEGER";
            case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.DECIMAL, Types.NUMERIC -> "DOUBLE";
            case Types.BOOLEAN, Types.BIT -> "BOOLEAN";
            case Types.TIMESTAMP -> "TIMESTAMP";
            case Types.DATE -> "DATE";
            default -> "VARCHAR";
        };
    }

    private static void append(DuckDBAppender appender, ResultSet rows, int column, int type) throws SQLException {
        Object value =
                switch (type) {
                    case Types.BIGINT -> rows.getLong(column);
                    case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> rows.getInt(column);
                    case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.DECIMAL, Types.NUMERIC -> rows.getDouble(column);
                    case Types.BOOLEAN, Types.BIT -> rows.getBoolean(column);
                    case Types.TIMESTAMP -> rows.getObject(column, LocalDateTime.class);
                    case Types.DATE -> rows.getObject(column, LocalDate.class);
                    default -> rows.getString(column);
                };
        if (value == null || rows.wasNull()) {
            appender.appendNull();
        } else if (value instanceof Long number) {
            appender.append(number.longValue());
        } else if (value instanceof Integer number) {
            appender.append(number.intValue());
        } else if (value instanceof Double number) {
            appender.append(number.doubleValue());
        } else if (value instanceof Boolean flag) {
            appender.append(flag.booleanValue());
        } else if (value instanceof LocalDateTime time) {
            appender.append(time);
        } else if (value instanceof LocalDate date) {
            appender.append(date);
        } else {
            appender.append((String) value);
        }
    }
}
