package com.sparkify.warehouse;

/**
 * The phases of an {@code etl} run, in the order a run enters them. An engine reacts to them through
 * {@link Warehouse#enter}, never to the name of a script.
 */
public enum Phase {
    /**
     * Creates what is missing: the tables (and PostgreSQL's schema). Existing tables keep their rows. It
     * comes first, since recovery reads the tables.
     */
    SCHEMA,
    /**
     * Finish or discard what a killed or failed run left: its run record is marked interrupted, and staged
     * rows that no ledger row published go. Entered again after a run fails.
     */
    RECOVER,
    /** Reads the ledger to find the files to load; writes nothing. */
    PLAN,
    /** Bulk-loads the files into the staging tables, in the run's transaction or in the engine's own. */
    STAGE,
    /** Makes room for the run: its temp tables, and the rows of files reloaded or of a full refresh go. */
    PREPARE,
    /** The merges into the star schema, and the ledger rows of the files loaded. */
    TRANSFORM,
    /** The data-quality checks; they change nothing. */
    CHECK,
    /** The run's transaction commits. */
    COMMIT,
    /**
     * After the commit: what makes the run visible beyond its transaction (a read snapshot, a branch's
     * fast-forward, the swap of a build-and-swap engine), and the engine's settings back as they were.
     */
    PUBLISH
}
