package com.sparkify.warehouse;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An open connection to one warehouse engine. The main {@link #connection()} has auto-commit off: the
 * pipeline decides when a run commits, so that each run is all or nothing.
 */
public interface Warehouse extends AutoCloseable {
    /** The engine's name, also its SQL resource folder: {@code duckdb}, {@code postgres}. */
    String engine();

    /** Where the warehouse is, safe to print: never a password. */
    String describe();

    /** The connection the pipeline works in; auto-commit is off. */
    Connection connection();

    /** A second connection with auto-commit on, for records that must survive a rolled-back run. */
    Connection openSideConnection() throws SQLException;

    /**
     * Makes sure no other run works on this warehouse at the same time.
     *
     * @throws com.sparkify.SparkifyException with {@link com.sparkify.ErrorCode#BUSY} when another run holds it
     */
    void acquireRunLock();

    /** Bulk-loads raw files into the staging tables. */
    StagingLoader stagingLoader();

    /** The SQL of this engine. */
    default SqlScripts scripts() {
        return new SqlScripts(engine());
    }

    /** Runs a SQL resource script on the main connection. */
    default void execute(String script, java.util.Map<String, Long> parameters) {
        scripts().execute(connection(), script, parameters);
    }

    /** Staging is over: the merges and checks of a run that loads {@code inputBytes} of files follow. */
    default void startTransform(long inputBytes) {}

    /** The merges are over; the run's data-quality checks follow. */
    default void startChecks() {}

    /** The merges and checks are over; the run commits next. */
    default void endTransform() {}

    /** The run's transaction has committed. */
    default void committed() {}

    /**
     * Whether a run that failed with {@code failure}, and was rolled back, may succeed if run again: the
     * engine has changed what made it fail (DuckDB: memory, see {@code DuckDbMemory}).
     */
    default boolean mayRetry(RuntimeException failure) {
        return false;
    }

    /**
     * Called from another thread (a signal's shutdown hook) to stop the run's running statement, so that the
     * run fails at once and rolls back. Engines that cannot do this leave the run to stop at its next step.
     */
    default void interrupt() {}

    @Override
    void close();

    /**
     * Closes the warehouse and removes what opening it created (a new DuckDB file, its log and its spill
     * folder), for a run that failed before it staged anything: it leaves nothing new behind. A warehouse that
     * existed before is only closed.
     */
    default void closeAndRemoveIfNew() {
        close();
    }
}
