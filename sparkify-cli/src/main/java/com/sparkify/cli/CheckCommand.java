package com.sparkify.cli;

import com.sparkify.analytics.TextEncodingScan;
import com.sparkify.ingest.UnknownKey;
import com.sparkify.pipeline.Schema;
import com.sparkify.pipeline.UnknownKeyLog;
import com.sparkify.quality.CheckReport;
import com.sparkify.quality.CheckResult;
import com.sparkify.quality.QualityChecks;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the data-quality checks and prints a pass/fail table: keys unique and not null, every songplay's user, time, song and artist present in its dimension, one songplay per distinct staged NextSong event, levels 'free' or 'paid', and a user level history (user_levels) with one current row per user and no gaps or overlaps. Exits 7 when a check fails; etl runs the same checks before every commit. Also says how many text values look double-encoded (UTF-8 read as Latin-1), which is information, not a failure, and lists the keys of the input that no table holds (etl_unknown_keys), a warning, not a failure."
        })
final class CheckCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--json", description = "Print the report, or the error, as one line of JSON on stdout.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CheckReport report;
        long doubleEncoded;
        List<UnknownKey> unknownKeys;
        String where;
        try (Warehouse warehouse = Warehouses.openExisting(common.resolve())) {
            where = warehouse.describe();
            Schema.requireTables(warehouse);
            report = new QualityChecks(warehouse.scripts()).run(warehouse);
            doubleEncoded = TextEncodingScan.total(new TextEncodingScan(warehouse).run());
            unknownKeys = UnknownKeyLog.published(warehouse);
        }
        PrintWriter out = spec.commandLine().getOut();
        Optional<CommandFailure> failure =
                report.passed() ? Optional.empty() : Optional.of(CommandFailure.checksFailed(report, ""));
        if (json) {
            CheckJson line = new CheckJson(where, report.results(), unknownKeys, doubleEncoded);
            Json.print(out, Json.outcome(spec, failure, line));
        } else {
            Reports.printChecks(out, report);
            Reports.printUnknownKeys(out, unknownKeys);
        }
        if (!unknownKeys.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .printf(
                            java.util.Locale.ROOT,
                            "warning: %s not in the schema, not loaded (see etl_unknown_keys); " + "not a failure%n",
                            Reports.count(unknownKeys.size(), "key"));
        }
        if (doubleEncoded > 0) {
            // Informational, not a failure: the raw text stays as delivered; analyses show it repaired.
            PrintWriter info = json ? spec.commandLine().getErr() : out;
            info.printf(
                    java.util.Locale.ROOT,
                    "info: %,d distinct text values look double-encoded (UTF-8 read as Latin-1); "
                            + "analyses show them repaired; not a failure%n",
                    doubleEncoded);
        }
        return failure.map(f -> f.code().exitCode()).orElse(0);
    }

    /**
     * The report as JSON: the warehouse, each check, the unknown keys of the published runs, and the distinct
     * text values that look double-encoded.
     */
    record CheckJson(String warehouse, List<CheckResult> results, List<UnknownKey> unknownKeys, long doubleEncoded) {}
}
