package com.sparkify.analytics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Reads a JDBC result, row by row or into a {@link QueryResult}, with values that look the same on every engine. */
final class ResultRows {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private ResultRows() {}

    static QueryResult read(String name, ResultSet rows, UnaryOperator<String> text) throws SQLException {
        CollectedRows collected = new CollectedRows();
        collected.start(name, columns(rows.getMetaData()));
        stream(rows, text, Long.MAX_VALUE, collected);
        collected.end(List.of());
        return collected.result();
    }

    static List<String> columns(ResultSetMetaData meta) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        return columns;
    }

    /**
     * Passes at most {@code maxRows} rows to {@code sink}, one at a time, and returns how many it passed.
     * DuckDB's driver ignores {@link java.sql.Statement#setMaxRows}, hence the count here.
     */
    static long stream(ResultSet rows, UnaryOperator<String> text, long maxRows, RowSink sink) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int count = meta.getColumnCount();
        int[] types = new int[count];
        for (int i = 0; i < count; i++) {
            types[i] = meta.getColumnType(i + 1);
        }
        List<Object> row = new ArrayList<>(count);
        long passed = 0;
        while (passed < maxRows && rows.next()) {
            row.clear();
            for (int i = 1; i <= count; i++) {
                Object value = normalize(fetch(rows, i, types[i - 1]));
                row.add(value instanceof String string ? text.apply(string) : value);
            }
            sink.row(row);
            passed++;
        }
        return passed;
    }

    // Timestamps without a time zone are read as local date-times, so that the JVM's zone never shifts them.
    private static Object fetch(ResultSet rows, int column, int type) throws SQLException {
        return switch (type) {
            case Types.TIMESTAMP -> rows.getObject(column, LocalDateTime.class);
            case Types.DATE -> rows.getObject(column, LocalDate.class);
            default -> rows.getObject(column);
        };
    }

    /** Integers as Long, decimals as BigDecimal, dates and times as ISO text (UTC), other objects as text. */
    static Object normalize(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Long
                || value instanceof BigDecimal
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : new BigDecimal(big);
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return time(timestamp.toLocalDateTime());
        }
        if (value instanceof LocalDateTime dateTime) {
            return time(dateTime);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return time(dateTime.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return value.toString();
    }

    private static String time(LocalDateTime time) {
        return (time.getNano() == 0 ? SECONDS : MILLIS).format(time);
    }
}
