package com.sparkify.cli;

import com.sparkify.ErrorCode;
import com.sparkify.pipeline.Schema;
import com.sparkify.quality.CheckReport;
import com.sparkify.quality.QualityChecks;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the data-quality checks and prints a pass/fail table: keys unique and not null, every songplay's user, time, song and artist present in its dimension, one songplay per distinct staged NextSong event, levels 'free' or 'paid'. Exits 7 when a check fails. etl runs the same checks."
        })
final class CheckCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CheckReport report;
        try (Warehouse warehouse = Warehouses.open(common.resolve())) {
            Schema.requireTables(warehouse);
            report = new QualityChecks(warehouse.scripts()).run(warehouse.connection());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(report));
        } else {
            Reports.printChecks(out, report);
        }
        return report.passed() ? 0 : ErrorCode.CHECK_FAILED.exitCode();
    }
}
