package com.sparkify.cli;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.analytics.Period;
import com.sparkify.analytics.report.HtmlReport;
import com.sparkify.pipeline.Schema;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes one self-contained HTML file: key figures; charts of plays per day, plays by hour, the top 10 songs and artists, free vs paid plays per day and level changes; the data-quality checks the latest run recorded (it runs none: sparkify check does); the latest etl runs. It needs no network and no script to view. Exits 10 when the warehouse, or the period, holds no songplays.",
            "",
            "Example: sparkify report --out report.html",
            ""
        })
final class ReportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "The HTML file to write (replaced if it exists).")
    Path out;

    @Option(names = "--from", paramLabel = "DATE", description = "First day (YYYY-MM-DD, UTC) to cover.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day (YYYY-MM-DD, UTC), included.")
    String to;

    @Option(names = "--json", description = "Print what was written, or the error, as one line of JSON on stdout.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Period period = Period.parse(from, to);
        Path folder = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new SparkifyException(
                    ErrorCode.USAGE, "Expected an existing folder for --out " + out + ", found none: create " + folder);
        }
        String where;
        try (Warehouse warehouse = Warehouses.openExisting(common.resolve())) {
            where = warehouse.describe();
            Schema.requireTables(warehouse);
            new HtmlReport(warehouse).write(out, period);
        }
        if (json) {
            Json.print(
                    spec.commandLine().getOut(),
                    Json.success(
                            spec, new ReportJson(where, out.toAbsolutePath().toString())));
        } else {
            spec.commandLine().getOut().println("Wrote " + out);
        }
        return 0;
    }

    /** What report wrote, under --json. */
    record ReportJson(String warehouse, String out) {}
}
