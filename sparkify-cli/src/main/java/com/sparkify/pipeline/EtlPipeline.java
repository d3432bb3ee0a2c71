package com.sparkify.pipeline;

import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseSession;
import java.util.List;

/**
 * One {@code etl} run: the steps {@link RunPlan} declares, carried out in order. It plans from the ledger,
 * stages new and changed files, merges into the star schema, checks, and commits all of it or nothing.
 * Rejects and the run record are kept either way.
 */
public final class EtlPipeline {
    private final Warehouse warehouse;
    private final EtlListener listener;
    private final RunProgress progress = new RunProgress();

    public EtlPipeline(Warehouse warehouse, EtlListener listener) {
        this.warehouse = warehouse;
        this.listener = listener;
    }

    public EtlResult run(EtlOptions options) {
        return run(options, SourceListing.lazy(options));
    }

    /** Runs with the files of {@code listing}, which may have been listed while the warehouse opened. */
    public EtlResult run(EtlOptions options, SourceListing listing) {
        long started = System.currentTimeMillis();
        progress.waitFor(listing);
        progress.stopIfCancelled();
        warehouse.acquireRunLock();
        // Listed before any table is created: a source that cannot be listed leaves the warehouse as it was.
        List<SourceFile> found = listing.files();
        progress.stopIfCancelled();
        try (WarehouseSession side = warehouse.openSideSession()) {
            RunExecution run = new RunExecution(warehouse, side, options, found, listener, progress);
            try {
                if (run.run(RunPlan.opening(warehouse, options))) {
                    run.run(RunPlan.of(warehouse, run.plan(), options, run.runId()));
                }
                run.finishRecord();
                return run.result(System.currentTimeMillis() - started, listing.emptySources());
            } catch (RuntimeException e) {
                if (run.started() && !run.recordFinished()) {
                    rollbackQuietly(run, e);
                    if (progress.cancelled()) {
                        run.finishRecordQuietly(RunStatus.INTERRUPTED, RunProgress.INTERRUPTED, e);
                    } else {
                        run.finishRecordQuietly(RunStatus.FAILED, String.valueOf(e.getMessage()), e);
                    }
                }
                throw e;
            }
        }
    }

    /**
     * Stops the run from another thread (a signal's shutdown hook), unless it has started to commit: its
     * running statement is interrupted where the engine allows it, and it fails at its next step without
     * publishing anything. Returns false when the commit had started; the run then ends on its own.
     */
    public boolean cancel() {
        if (!progress.cancel()) {
            return false;
        }
        warehouse.interrupt();
        return true;
    }

    /** Whether the run staged any file: before that, a run that fails has written nothing but its run record. */
    public boolean startedStaging() {
        return progress.startedStaging();
    }

    /** Whether the run's transaction committed. */
    public boolean committed() {
        return progress.committed();
    }

    /**
     * Rolls a failed run back. When that fails too, the session is gone: the server rolls back on its own
     * and the next run discards the rest; the second failure stays on the first.
     */
    private static void rollbackQuietly(RunExecution run, RuntimeException failure) {
        try {
            run.unpublish();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
