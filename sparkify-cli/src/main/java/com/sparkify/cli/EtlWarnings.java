package com.sparkify.cli;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.ingest.UnknownKey;
import com.sparkify.pipeline.EmptySource;
import com.sparkify.pipeline.EtlResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The warnings of an etl run that did its work but may not have done what was meant: one line each. */
final class EtlWarnings {
    /** Keys named in the warning line; the summary and etl_unknown_keys have them all. */
    private static final int KEYS_NAMED = 5;

    private EtlWarnings() {}

    static void print(EtlResult result, PrintWriter err) {
        for (EmptySource empty : result.emptySources()) {
            err.println("warning: " + describe(empty) + "; nothing was loaded from it (--require-files makes this an "
                    + "error)");
        }
        List<UnknownKey> keys = result.unknownKeys();
        if (!keys.isEmpty()) {
            String named = keys.stream()
                    .limit(KEYS_NAMED)
                    .map(key -> String.format(
                            Locale.ROOT,
                            "%s \"%s\" (%s)",
                            key.kind(),
                            key.key(),
                            Reports.count(key.records(), "record")))
                    .collect(Collectors.joining(", "));
            String more = keys.size() > KEYS_NAMED ? " and " + (keys.size() - KEYS_NAMED) + " more" : "";
            err.printf(
                    Locale.ROOT,
                    "warning: %s not in the schema, not loaded: %s%s; see etl_unknown_keys (load_id %d)%n",
                    Reports.count(keys.size(), "key"),
                    named,
                    more,
                    result.runId());
        }
        err.flush();
    }

    /** The error of {@code --require-files} when a source holds no file. */
    static SparkifyException noFiles(List<EmptySource> empty) {
        return new SparkifyException(
                ErrorCode.INPUT,
                empty.stream().map(EtlWarnings::describe).collect(Collectors.joining("; "))
                        + "; nothing was loaded (--require-files)");
    }

    private static String describe(EmptySource empty) {
        String kind = empty.kind().equals("songs") ? "song" : "event";
        return "no " + kind + " files (*.json, *.json.gz) found in " + empty.location();
    }
}
