package com.sparkify.analytics;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The answer of a query: column names and rows of values.
 *
 * @param name the query's name
 * @param columns column labels
 * @param rows values per row, in column order
 */
public record QueryResult(String name, List<String> columns, List<List<Object>> rows) {
    public QueryResult {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        rows = rows.stream()
                .map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row)))
                .toList();
    }
}
