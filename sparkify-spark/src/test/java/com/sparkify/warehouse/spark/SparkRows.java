package com.sparkify.warehouse.spark;

import com.sparkify.warehouse.Column;
import com.sparkify.warehouse.ReadQuery;
import com.sparkify.warehouse.ResultSink;
import com.sparkify.warehouse.Row;
import com.sparkify.warehouse.Rows;
import com.sparkify.warehouse.Warehouse;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Query results of a Spark warehouse rendered as {@link Rows} renders JDBC results, to compare as text. */
final class SparkRows {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private SparkRows() {}

    /** Through the warehouse's reader, as the read commands see it. */
    static List<String> of(Warehouse warehouse, String sql) {
        List<String> rows = new ArrayList<>();
        warehouse.reader().read(ReadQuery.of("a test's query", sql), Long.MAX_VALUE, new ResultSink() {
            @Override
            public void start(List<Column> columns) {}

            @Override
            public void row(List<Object> values) {
                rows.add(render(new Row(values)));
            }
        });
        return rows;
    }

    static Map<String, List<String>> star(Warehouse warehouse) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        Rows.STAR.forEach((table, sql) -> tables.put(table, of(warehouse, sql)));
        return tables;
    }

    private static String render(Row row) {
        return row.values().stream().map(SparkRows::render).collect(Collectors.joining(" | "));
    }

    private static String render(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof LocalDateTime time) {
            return MILLIS.format(time);
        }
        if (value instanceof Double || value instanceof Float) {
            return Double.toString(((Number) value).doubleValue());
        }
        if (value instanceof Number number) {
            return Long.toString(number.longValue());
        }
        if (value instanceof String text) {
            return "'" + text.replace("'", "''") + "'";
        }
        return value.getClass().getSimpleName() + ":" + value;
    }
}
