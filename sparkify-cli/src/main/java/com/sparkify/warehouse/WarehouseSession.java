package com.sparkify.warehouse;

import java.util.List;
import java.util.Map;

/**
 * A session with a warehouse, in which the pipeline runs its SQL. It assumes SQL, not JDBC: an engine
 * without JDBC implements it over its own client. The run's session works in one transaction, which
 * {@link #commit} publishes; a side session ({@link Warehouse#openSideSession()}) commits each statement.
 * Failures are {@link com.sparkify.SparkifyException}s, whose message names what failed.
 */
public interface WarehouseSession extends AutoCloseable {
    /** The SQL of this session's engine. */
    SqlScripts scripts();

    /** Runs a script statement by statement, with its {@code ${name}} parameters bound. */
    void execute(String script, Map<String, Long> parameters);

    /**
     * Runs the one statement of {@code script}, its {@code ?} markers bound to {@code values} in order: numbers,
     * text, null, and {@link java.time.LocalDateTime}s for {@code TIMESTAMP} columns ({@link ClientClock}).
     */
    void update(String script, List<?> values);

    /** Runs the one statement of {@code script} once per row of values, in bulk. */
    void updateAll(String script, List<? extends List<?>> rows);

    /** The rows of a query: {@code sql} is SQL text taken from the engine's scripts, with no parameters. */
    List<Row> query(String sql);

    /** The number in the first column of the first row of a query, as {@link #query}. */
    default long queryLong(String sql) {
        return query(sql).get(0).getLong(0);
    }

    /**
     * Whether the table can be read, looked up as statements name it (through PostgreSQL's search path,
     * whose schema need not exist yet). Call it before the session writes: a table that is missing ends a
     * PostgreSQL transaction, so the look rolls the session back then.
     */
    boolean hasTable(String table);

    /** Publishes what the session's transaction holds. */
    void commit();

    /** Drops what the session's transaction holds. */
    void rollback();

    @Override
    void close();
}
