package com.sparkify.pipeline;

import java.util.Locale;

/** How a run ended, as written to {@code etl_runs.status}. */
public enum RunStatus {
    SUCCEEDED,
    /** More rejects than --max-errors: nothing published, rejects kept in load_errors. */
    TOO_MANY_REJECTS,
    /** A data-quality check failed: nothing published. */
    CHECKS_FAILED,
    /** An error stopped the run: nothing published. */
    FAILED,
    /** A signal (SIGINT, SIGTERM) stopped the run, or it was killed and the next run found it unfinished. */
    INTERRUPTED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
