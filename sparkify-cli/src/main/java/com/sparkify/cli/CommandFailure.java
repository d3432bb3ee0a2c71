package com.sparkify.cli;

import static java.util.Objects.requireNonNull;

import com.sparkify.ErrorCode;
import com.sparkify.quality.CheckReport;
import java.util.stream.Collectors;

/**
 * A command that did its work and found a reason to fail (rejects, a failed check): its exit code and the
 * one line that says why, printed as {@code error:} on stderr and as the error of the {@code --json} line.
 */
record CommandFailure(ErrorCode code, String message) {
    CommandFailure {
        requireNonNull(code, "code is null");
        requireNonNull(message, "message is null");
    }

    static CommandFailure checksFailed(CheckReport checks, String consequence) {
        return new CommandFailure(
                ErrorCode.CHECK_FAILED,
                "data-quality checks failed ("
                        + checks.failures().stream().map(f -> f.name()).collect(Collectors.joining(", ")) + ")"
                        + consequence);
    }
}
