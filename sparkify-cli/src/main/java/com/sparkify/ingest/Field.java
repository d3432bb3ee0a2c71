package com.sparkify.ingest;

import static java.util.Objects.requireNonNull;

/**
 * One source attribute and the staging column it lands in.
 *
 * @param jsonName key in the raw JSON (case-sensitive, as eventsim and the Million Song Dataset write it)
 * @param column snake_case staging column
 * @param type staging type
 * @param required a record without it (or with null) is rejected
 */
public record Field(String jsonName, String column, FieldType type, boolean required) {
    public Field {
        requireNonNull(jsonName, "jsonName is null");
        requireNonNull(column, "column is null");
        requireNonNull(type, "type is null");
    }
}
