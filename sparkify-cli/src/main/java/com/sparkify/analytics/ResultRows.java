package com.sparkify.analytics;

import com.sparkify.warehouse.Column;
import com.sparkify.warehouse.ResultSink;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Passes a reader's answer on to a {@link RowSink} under the query's name, with values that look the same on
 * every engine, and text passed through a repair.
 */
final class ResultRows implements ResultSink {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private final String name;
    private final UnaryOperator<String> text;
    private final RowSink sink;
    private final List<Object> row = new ArrayList<>();
    private RuntimeException sinkFailure;

    ResultRows(String name, UnaryOperator<String> text, RowSink sink) {
        this.name = name;
        this.text = text;
        this.sink = sink;
    }

    @Override
    public void start(List<Column> columns) {
        try {
            sink.start(name, columns.stream().map(Column::label).toList());
        } catch (RuntimeException e) {
            sinkFailure = e;
            throw e;
        }
    }

    @Override
    public void row(List<Object> values) {
        row.clear();
        for (Object value : values) {
            Object normalized = normalize(value);
            row.add(normalized instanceof String string ? text.apply(string) : normalized);
        }
        try {
            sink.row(row);
        } catch (RuntimeException e) {
            sinkFailure = e;
            throw e;
        }
    }

    /** Whether {@code e} is the sink's own failure, which passes through the reader unchanged. */
    boolean fromSink(Throwable e) {
        return e == sinkFailure;
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
