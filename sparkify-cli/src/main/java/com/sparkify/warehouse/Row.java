package com.sparkify.warehouse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One row a query returned, its values in the order of the query's columns (a value may be null). */
public record Row(List<Object> values) {
    public Row {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The number in column {@code index}, counted from 0; 0 for NULL. */
    public long getLong(int index) {
        Object value = values.get(index);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The text in column {@code index}, counted from 0; null for NULL. */
    public String getString(int index) {
        Object value = values.get(index);
        return value == null ? null : value.toString();
    }
}
