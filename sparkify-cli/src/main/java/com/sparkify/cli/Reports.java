package com.sparkify.cli;

import com.sparkify.Messages;
import com.sparkify.ingest.FileCounts;
import com.sparkify.ingest.UnknownKey;
import com.sparkify.pipeline.EtlResult;
import com.sparkify.pipeline.TableCounts;
import com.sparkify.quality.CheckReport;
import com.sparkify.quality.CheckResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Human-readable text for result records. */
final class Reports {
    private Reports() {}

    static void printChecks(PrintWriter out, CheckReport report) {
        out.printf(Locale.ROOT, "%-20s %-6s %10s  %s%n", "check", "result", "offending", "promise");
        for (CheckResult result : report.results()) {
            out.printf(
                    Locale.ROOT,
                    "%-20s %-6s %,10d  %s%n",
                    result.name(),
                    result.passed() ? "PASS" : "FAIL",
                    result.offendingRows(),
                    result.description());
        }
        out.printf(
                Locale.ROOT,
                "%d of %d checks passed%n",
                report.results().size() - report.failures().size(),
                report.results().size());
    }

    /** The summary of a run on {@code warehouse} ({@link com.sparkify.warehouse.Warehouse#describe()}). */
    static void printEtl(PrintWriter out, String warehouse, EtlResult result) {
        out.printf(
                Locale.ROOT,
                "Run %d %s in %.1f s: %,d files found, %,d loaded (%,d changed), %,d already loaded%n",
                result.runId(),
                result.status().label().replace('_', ' '),
                result.millis() / 1000.0,
                result.filesFound(),
                result.filesLoaded(),
                result.filesChanged(),
                result.filesFound() - result.filesLoaded());
        out.println("  warehouse: " + warehouse);
        printCounts(out, "songs", result.songs());
        printCounts(out, "events", result.events());
        printCounts(out, "total", result.total());
        for (String reason : result.rejectReasons()) {
            out.println("  rejected: " + reason);
        }
        printUnknownKeys(out, result.unknownKeys());
        TableCounts tables = result.tables();
        out.printf(
                Locale.ROOT,
                "Tables: songplays %,d, users %,d, songs %,d, artists %,d, time %,d%n",
                tables.songplays(),
                tables.users(),
                tables.songs(),
                tables.artists(),
                tables.time());
        out.printf(
                Locale.ROOT,
                "Songplays matched to the song catalog: %,d of %,d (%.2f%%)%n",
                tables.matchedSongplays(),
                tables.songplays(),
                tables.matchRate() * 100);
        if (!result.checks().results().isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "Checks: %d of %d passed%n",
                    result.checks().results().size()
                            - result.checks().failures().size(),
                    result.checks().results().size());
            if (!result.checks().passed()) {
                printChecks(out, result.checks());
            }
        }
    }

    /** {@code n} and its noun, singular for one: see {@link Messages#count}. */
    static String count(long n, String noun) {
        return Messages.count(n, noun);
    }

    /** Keys of the input that no staging column holds; nothing when there are none. */
    static void printUnknownKeys(PrintWriter out, List<UnknownKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        out.println("Unknown keys, not loaded (etl_unknown_keys):");
        for (UnknownKey key : keys) {
            out.printf(
                    Locale.ROOT,
                    "  %-6s %-20s %17s, e.g. %s%n",
                    key.kind(),
                    '"' + key.key() + '"',
                    count(key.records(), "record"),
                    key.exampleFile());
        }
    }

    private static void printCounts(PrintWriter out, String label, FileCounts counts) {
        out.printf(
                Locale.ROOT,
                "  %-7s read %,d = staged %,d + rejected %,d%n",
                label + ":",
                counts.read(),
                counts.staged(),
                counts.rejected());
    }
}
