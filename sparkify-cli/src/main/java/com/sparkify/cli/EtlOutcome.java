package com.sparkify.cli;

import com.sparkify.ErrorCode;
import com.sparkify.pipeline.EtlResult;
import java.util.Locale;
import java.util.Optional;

/** Why an etl run that did not publish failed; empty for a run that published. */
final class EtlOutcome {
    private EtlOutcome() {}

    static Optional<CommandFailure> failure(EtlResult result) {
        switch (result.status()) {
            case SUCCEEDED:
                return Optional.empty();
            case TOO_MANY_REJECTS:
                long rejected = result.total().rejected();
                return Optional.of(new CommandFailure(
                        ErrorCode.TOO_MANY_REJECTS,
                        String.format(
                                Locale.ROOT,
                                "%s rejected, more than --max-errors %d; nothing was published and the files "
                                        + "will be retried next run. Inspect: SELECT * FROM load_errors WHERE "
                                        + "load_id = %d; accept them with --max-errors %d",
                                Reports.count(rejected, "record"),
                                result.maxErrors(),
                                result.runId(),
                                rejected)));
            case CHECKS_FAILED:
                return Optional.of(CommandFailure.checksFailed(result.checks(), "; nothing was published"));
            default:
                return Optional.of(new CommandFailure(
                        ErrorCode.INTERNAL,
                        "run " + result.runId() + " ended " + result.status().label()));
        }
    }
}
