package com.sparkify.warehouse;

import java.time.LocalDateTime;
import java.util.List;

/**
 * An open warehouse of one engine. The pipeline works in its {@link #session()}, whose transaction holds a
 * run until it commits, so that each run is all or nothing; it tells the engine each {@link Phase} it
 * enters, and asks the engine's capabilities through the methods below, never through which SQL file exists.
 */
public interface Warehouse extends AutoCloseable {
    /** The engine's name, also its SQL resource folder: {@code duckdb}, {@code postgres}. */
    String engine();

    /** Where the warehouse is, safe to print: never a password. */
    String describe();

    /** The session a run works in: one transaction, which the pipeline commits or rolls back. */
    WarehouseSession session();

    /** How the read commands (query, report, check, export) read the warehouse, streaming. */
    WarehouseReader reader();

    /** A second session, committing each statement, for records that must survive a rolled-back run. */
    WarehouseSession openSideSession();

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

    /**
     * The run enters {@code phase}; the engine may get ready for it, e.g. size its memory by {@code shape}.
     * The only callback of a run's lifecycle: an engine reacts to phases, not to the names of scripts.
     */
    default void enter(Phase phase, RunShape shape) {}

    /**
     * The run of {@code shape} committed and its record is finished: the engine makes it visible to readers
     * where that is a step of its own (DuckDB copies its file to the snapshot readers open). Engines whose
     * readers see each commit at once (PostgreSQL, Redshift) do nothing. After a full refresh an engine may
     * close the warehouse: nothing uses it after this.
     */
    default void publish(RunShape shape) {}

    /** Runs the script of a step in the run's session. */
    default void execute(Step step) {
        session().execute(step.script(), step.parameters());
    }

    /** Writes the ledger rows of the files a run staged with {@code loadId}, in the run's session, in bulk. */
    default void recordLoadedFiles(List<LoadedFile> files, long loadId) {
        LocalDateTime loadedAt = ClientClock.now();
        session()
                .updateAll(
                        "ledger_insert",
                        files.stream()
                                .map(loaded -> List.<Object>of(
                                        loaded.file().uri(),
                                        loaded.file().kind().label(),
                                        loaded.file().size(),
                                        loaded.file().changeMarker(),
                                        loaded.counts().read(),
                                        loaded.counts().staged(),
                                        loaded.counts().rejected(),
                                        loadId,
                                        loadedAt))
                                .toList());
    }

    /**
     * Whether an incremental run's checks may look only at the rows it changed ({@code checks_changed.sql}),
     * reading the temp tables of changed keys the merges leave. An engine that answers false runs every check
     * over every row.
     */
    default boolean supportsNarrowedChecks() {
        return true;
    }

    /**
     * Whether rows a run staged can outlive it when it does not commit: the engine stages in transactions of
     * its own (DuckDB). A run then discards them when it starts ({@link Phase#RECOVER}) and when it fails
     * ({@code discard_unpublished_staging.sql}). An engine that stages only in the run's transaction answers
     * false and skips that scan of the staging tables.
     */
    default boolean keepsStagedRowsOfFailedRuns() {
        return true;
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
