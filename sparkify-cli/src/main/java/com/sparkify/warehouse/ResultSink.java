package com.sparkify.warehouse;

import java.util.List;

/**
 * Receives a query's answer from a {@link WarehouseReader} as the engine produces it, one row at a time, so
 * that an answer of any size passes through without being held.
 */
public interface ResultSink {
    /** Called once, before any row. */
    void start(List<Column> columns);

    /** One row, its values in column order, typed as {@link ColumnType} says. The list may be reused after. */
    void row(List<Object> values);
}
