package com.sparkify.analytics;

import java.util.List;

/**
 * Receives the answer of a query as the warehouse returns it, one row at a time, so that an answer of any
 * size passes through without being held. Values are normalized as in {@link QueryResult}.
 */
public interface RowSink {
    /** Called once, before any row. */
    void start(String name, List<String> columns);

    /** One row, in column order. The list may be reused after the call returns. */
    void row(List<Object> values);

    /** Called once, after the last row: the lines that qualify the answer. */
    void end(List<String> notes);
}
