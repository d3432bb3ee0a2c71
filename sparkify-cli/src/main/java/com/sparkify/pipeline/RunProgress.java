package com.sparkify.pipeline;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;

/**
 * How far a run has got, for stopping it from another thread (a signal's shutdown hook): a run can be
 * stopped until it starts to commit, and one stopped before it stages anything has written nothing but its
 * run record.
 */
final class RunProgress {
    static final String INTERRUPTED = "Interrupted by a signal; nothing was published";

    private boolean cancelled;
    private boolean staging;
    private boolean committing;
    private boolean committed;
    /** The listing the run waits for, if any. */
    private SourceListing listing;

    synchronized void waitFor(SourceListing files) {
        listing = files;
    }

    /** Marks the run cancelled, and ends its wait for its listing; false when it has started to commit. */
    boolean cancel() {
        SourceListing waiting;
        synchronized (this) {
            if (committing) {
                return false;
            }
            cancelled = true;
            waiting = listing;
        }
        if (waiting != null) {
            waiting.cancel(interrupted());
        }
        return true;
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    synchronized boolean startedStaging() {
        return staging;
    }

    synchronized boolean committed() {
        return committed;
    }

    synchronized void startStaging() {
        stopIfCancelled();
        staging = true;
    }

    synchronized void startCommit() {
        stopIfCancelled();
        committing = true;
    }

    synchronized void markCommitted() {
        committed = true;
    }

    /** Fails a cancelled run at its next step. */
    void stopIfCancelled() {
        if (cancelled()) {
            throw interrupted();
        }
    }

    private static SparkifyException interrupted() {
        return new SparkifyException(ErrorCode.INTERRUPTED, INTERRUPTED);
    }
}
