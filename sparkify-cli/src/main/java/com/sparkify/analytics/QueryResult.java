package com.sparkify.analytics;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The answer of a query: column names, rows of values and notes that qualify the answer (how much of it
 * matched the song catalog, the period it covers, text repaired). Values are Long, Integer, BigDecimal,
 * Boolean, String (dates and times as ISO text in UTC) or null.
 *
 * @param name the query's name
 * @param columns column labels
 * @param rows values per row, in column order
 * @param notes lines to show below the answer
 */
public record QueryResult(String name, List<String> columns, List<List<Object>> rows, List<String> notes) {
    public QueryResult {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        rows = rows.stream()
                .map(row -> Collections.unmodifiableList(new ArrayList<>(row)))
                .toList();
        notes = List.copyOf(notes);
    }

    public QueryResult(String name, List<String> columns, List<List<Object>> rows) {
        this(name, columns, rows, List.of());
    }

    /** The values of one column, by label. */
    public List<Object> column(String label) {
        int index = columns.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + label + " in " + name + ": " + columns);
        }
        return rows.stream().map(row -> row.get(index)).toList();
    }

    public QueryResult withNotes(List<String> more) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new QueryResult(name, columns, rows, all);
    }
}
