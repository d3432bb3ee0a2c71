package com.sparkify.warehouse;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One query for a {@link WarehouseReader}.
 *
 * @param what what the query is for, to start the message of its failure: "Query top_songs failed"
 * @param sql one statement in the engine's SQL, with {@code ?} markers for the parameters
 * @param parameters the markers' values in order: numbers, text, {@link java.time.LocalDateTime}s
 * @param readOnly run it in a read-only transaction that is rolled back afterwards, so that the engine itself
 *     refuses any write (SQL from outside: {@code query --sql})
 */
public record ReadQuery(String what, String sql, List<?> parameters, boolean readOnly) {
    public ReadQuery {
        requireNonNull(what, "what is null");
        requireNonNull(sql, "sql is null");
        // Not List.copyOf: a parameter may be null.
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    /** A query of the engine's own scripts, without parameters. */
    public static ReadQuery of(String what, String sql) {
        return new ReadQuery(what, sql, List.of(), false);
    }
}
