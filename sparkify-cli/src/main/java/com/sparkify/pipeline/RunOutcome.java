package com.sparkify.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * How a run ended, for its record and its result.
 *
 * @param status how it ended
 * @param message why it published nothing; null when it succeeded
 */
record RunOutcome(RunStatus status, String message) {
    static final RunOutcome SUCCEEDED = new RunOutcome(RunStatus.SUCCEEDED, null);

    RunOutcome {
        requireNonNull(status, "status is null");
    }
}
