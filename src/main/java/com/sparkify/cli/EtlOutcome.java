package com.sparkify.cli;

import com.sparkify.ErrorCode;
import com.sparkify.pipeline.EtlResult;
import java.io.PrintWriter;

/** The error line and exit code of an etl run that did not publish. */
final class EtlOutcome {
    private EtlOutcome() {}

    static int exitCode(EtlResult result, PrintWriter err) {
        switch (result.status()) {
            case SUCCEEDED:
                return 0;
            case TOO_MANY_REJECTS:
                long rejected = result.total().rejected();
                err.printf(
                        "error: %s rejected, more than --max-errors %d; nothing was published and the files "
                                + "will be retried next run. Inspect: SELECT * FROM load_errors WHERE load_id = %d; "
                                + "accept them with --max-errors %d%n",
                        Reports.count(rejected, "record"), result.maxErrors(), result.runId(), rejected);
                err.flush();
                return ErrorCode.TOO_MANY_REJECTS.exitCode();
            case CHECKS_FAILED:
                err.printf(
                        "error: data-quality checks failed (%s); nothing was published%n",
                        String.join(
                                ", ",
                                result.checks().failures().stream()
                                        .map(f -> f.name())
                                        .toList()));
                err.flush();
                return ErrorCode.CHECK_FAILED.exitCode();
            default:
                return ErrorCode.INTERNAL.exitCode();
        }
    }
}
