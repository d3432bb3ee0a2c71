package com.sparkify.warehouse;

import static java.util.Objects.requireNonNull;

/**
 * A column of a query's answer.
 *
 * @param label the column's label, as the query names it
 * @param type the kind of its values
 */
public record Column(String label, ColumnType type) {
    public Column {
        requireNonNull(label, "label is null");
        requireNonNull(type, "type is null");
    }
}
