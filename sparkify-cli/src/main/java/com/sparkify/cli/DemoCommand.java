package com.sparkify.cli;

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
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

    @Option(
            names = "--json",
            description =
                    "Print what the demo did, with the next commands, or the error, as one line of JSON on stdout.")
    boolean json;

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        logging.apply();
        // Under --json the steps are not shown: the one line says it all.
        PrintWriter out =
                json ? new PrintWriter(Writer.nullWriter()) : spec.commandLine().getOut();
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
            Reports.printEtl(out, warehouse.describe(), result);
            CheckReport checks = new QualityChecks(warehouse.scripts()).run(warehouse);
            out.println("4. Checks:");
            Reports.printChecks(out, checks);
            out.println("5. Answers:");
            AnalyticsQueries queries = new AnalyticsQueries(warehouse);
            for (String name : List.of("top_songs", "plays_by_hour", "free_vs_paid")) {
                QueryResult answer = queries.run(name, name.equals("plays_by_hour") ? 24 : 5);
                Tables.print(out, answer);
                answer.notes().forEach(out::println);
            }
            List<String> next = nextSteps(
                    "--warehouse " + Shell.quote("jdbc:duckdb:" + database),
                    Shell.quote(dir.resolve("report.html").toAbsolutePath().toString()));
            out.println("Next, on this warehouse:");
            next.forEach(command -> out.println("  " + command));
            out.flush();
            Optional<CommandFailure> failure =
                    checks.passed() ? Optional.empty() : Optional.of(CommandFailure.checksFailed(checks, ""));
            if (json) {
                DemoJson line = new DemoJson(
                        warehouse.describe(),
                        dir.resolve("data").toAbsolutePath().toString(),
                        result.runId(),
                        result.status().label(),
                        result.tables().songplays(),
                        checks.results().size() - checks.failures().size(),
                        checks.results().size(),
                        next);
                Json.print(spec.commandLine().getOut(), Json.outcome(spec, failure, line));
            }
            return failure.map(f -> f.code().exitCode()).orElse(0);
        }
    }

    /** The commands to try next, each complete: the demo's warehouse is not the default one. */
    private static List<String> nextSteps(String warehouse, String report) {
        return List.of(
                "sparkify query --list",
                "sparkify query top_artists " + warehouse,
                "sparkify report --out " + report + " " + warehouse,
                "sparkify check " + warehouse);
    }

    /**
     * What the demo did, under --json: its warehouse, data folder and run, the songplays loaded, the checks
     * passed, and the next commands.
     */
    record DemoJson(
            String warehouse,
            String data,
            long runId,
            String status,
            long songplays,
            int checksPassed,
            int checks,
            List<String> next) {}
}
