package com.sparkify.cli;

import com.sparkify.ErrorCode;
import com.sparkify.analytics.AnalyticsQueries;
import com.sparkify.analytics.QueryResult;
import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import com.sparkify.generate.DatasetGenerator;
import com.sparkify.generate.GeneratedDataset;
import com.sparkify.generate.GeneratorSpec;
import com.sparkify.pipeline.EtlOptions;
import com.sparkify.pipeline.EtlPipeline;
import com.sparkify.pipeline.EtlResult;
import com.sparkify.pipeline.Schema;
import com.sparkify.quality.CheckReport;
import com.sparkify.quality.QualityChecks;
import com.sparkify.source.DataKind;
import com.sparkify.source.LocalFileSource;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "The whole job on a generated sample, with zero setup: generate a dataset into DIR/data, create tables in a DuckDB file DIR/demo.duckdb, etl, check, and print a summary with three example answers (top songs, plays by hour, free vs paid plays).",
            "",
            "It ends with the next commands to try, on its own warehouse, e.g.:",
            "  sparkify query top_artists --warehouse jdbc:duckdb:DIR/demo.duckdb",
            ""
        })
final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--dir",
            defaultValue = "sparkify-demo",
            paramLabel = "DIR",
            description = "Working folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(
            names = "--users",
            defaultValue = "100",
            paramLabel = "N",
            description = "Users to generate (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(
            names = "--days",
            defaultValue = "30",
            paramLabel = "D",
            description = "Days of events (default: ${DEFAULT-VALUE}).")
    int days;

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        logging.apply();
        PrintWriter out = spec.commandLine().getOut();
        GeneratedDataset dataset = new DatasetGenerator()
                .generate(new GeneratorSpec(dir.resolve("data"), users, days, 42, GeneratorSpec.DEFAULT_FIRST_DAY));
        out.printf(
                "1. Generated %,d song files and %,d events in %s%n",
                dataset.songFiles(), dataset.events(), dir.resolve("data"));
        Path database = dir.resolve("demo.duckdb").toAbsolutePath();
        Settings settings = new SettingsResolver(java.util.Map.of(), Path.of("").toAbsolutePath())
                .resolve(SettingsResolver.Flags.warehouse("jdbc:duckdb:" + database));
        try (Warehouse warehouse = Warehouses.open(settings)) {
            Schema.recreate(warehouse);
            out.println("2. Created tables in " + warehouse.describe());
            EtlResult result = new EtlPipeline(warehouse, com.sparkify.pipeline.EtlListener.NONE)
                    .run(new EtlOptions(
                            new LocalFileSource(dataset.songData(), DataKind.SONGS),
                            new LocalFileSource(dataset.logData(), DataKind.EVENTS),
                            false,
                            Long.MAX_VALUE));
            out.println("3. Loaded:");
            Reports.printEtl(out, result);
            CheckReport checks = new QualityChecks(warehouse.scripts()).run(warehouse.connection());
            out.println("4. Checks:");
            Reports.printChecks(out, checks);
            out.println("5. Answers:");
            AnalyticsQueries queries = new AnalyticsQueries(warehouse);
            for (String name : List.of("top_songs", "plays_by_hour", "free_vs_paid")) {
                QueryResult answer = queries.run(name, name.equals("plays_by_hour") ? 24 : 5);
                Tables.print(out, answer);
                answer.notes().forEach(out::println);
            }
            printNextSteps(
                    out,
                    "--warehouse " + Shell.quote("jdbc:duckdb:" + database),
                    Shell.quote(dir.resolve("report.html").toAbsolutePath().toString()));
            return checks.passed() ? 0 : ErrorCode.CHECK_FAILED.exitCode();
        }
    }

    /** The commands to try next, each complete: the demo's warehouse is not the default one. */
    private static void printNextSteps(PrintWriter out, String warehouse, String report) {
        out.println("Next, on this warehouse:");
        out.println("  sparkify query --list");
        out.println("  sparkify query top_artists " + warehouse);
        out.println("  sparkify report --out " + report + " " + warehouse);
        out.println("  sparkify check " + warehouse);
    }
}
