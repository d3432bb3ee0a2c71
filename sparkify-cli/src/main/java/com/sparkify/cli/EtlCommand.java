package com.sparkify.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.cluster.Pause;
import com.sparkify.config.Settings;
import com.sparkify.pipeline.DryRun;
import com.sparkify.pipeline.EtlListener;
import com.sparkify.pipeline.EtlOptions;
import com.sparkify.pipeline.EtlPipeline;
import com.sparkify.pipeline.EtlPreview;
import com.sparkify.pipeline.EtlResult;
import com.sparkify.pipeline.SourceListing;
import com.sparkify.source.DataKind;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "etl",
        mixinStandardHelpOptions = true,
        description = {
            "Stages new and changed song and event files, merges them into the star schema and runs the data-quality checks, all in one transaction: the run commits entirely or not at all. Files already loaded (same size and modification time, or the same ETag and size on S3) are skipped, so a rerun changes nothing; a changed file's old rows are replaced. Records that cannot be staged go to load_errors with file, line, reason and raw text.",
            "",
            "Example: sparkify etl --songs data/song_data --logs data/log_data",
            "         sparkify etl --songs s3://udacity-dend/song_data --logs s3://udacity-dend/log_data",
            ""
        })
final class EtlCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(
            names = "--songs",
            paramLabel = "PATH",
            description =
                    "Song files: a folder (searched recursively for *.json, *.json.gz, following links), one file, or "
                            + "s3://BUCKET/PREFIX. Default: $SPARKIFY_SONGS, then [S3] SONG_DATA of the config.")
    String songs;

    @Option(
            names = "--logs",
            paramLabel = "PATH",
            description = "Event logs: a folder, one file, or s3://BUCKET/PREFIX. Default: $SPARKIFY_LOGS, then "
                    + "[S3] LOG_DATA.")
    String logs;

    @Option(
            names = "--s3-endpoint",
            paramLabel = "URL",
            description = "Read s3:// locations from this S3-compatible store (MinIO, S3Mock, ...) instead of AWS S3, "
                    + "addressed path-style. Default: $SPARKIFY_S3_ENDPOINT, then [S3] ENDPOINT of the config. "
                    + "Credentials and region come from the AWS default chains (AWS_ACCESS_KEY_ID, AWS_PROFILE, "
                    + "...); the region is [S3] REGION, else AWS_REGION or the profile's, else us-west-2.")
    String s3Endpoint;

    @Option(
            names = "--max-errors",
            paramLabel = "N",
            defaultValue = "0",
            description = "Rejected records tolerated (default: ${DEFAULT-VALUE}, as Redshift's MAXERROR). Above N "
                    + "the run reads all input, keeps the rejects in load_errors, publishes nothing and exits 6.")
    long maxErrors;

    @Option(names = "--full-refresh", description = "Forget what was loaded and rebuild everything from all inputs.")
    boolean fullRefresh;

    @Option(
            names = "--json",
            description = "Print the run summary, or the error, as one line of JSON on stdout (schema_version 1).")
    boolean json;

    @Option(
            names = "--wait",
            paramLabel = "DURATION",
            converter = WaitDuration.class,
            description = "When another run holds the warehouse, wait for it up to DURATION (30s, 10m, 1h), saying so "
                    + "on stderr once a minute, instead of exiting 8 at once; exit 12 when the time runs out.")
    Duration wait;

    @Option(
            names = "--require-files",
            description = "Fail with exit 4, before the warehouse is opened, when --songs or --logs holds no *.json "
                    + "or *.json.gz file at all. Without it such a source is a warning.")
    boolean requireFiles;

    @Option(
            names = "--allow-in-memory",
            description = "Run even on an in-memory warehouse (jdbc:duckdb:), whose tables are gone when the run "
                    + "ends: a test of the input, nothing kept.")
    boolean allowInMemory;

    @Option(
            names = "--plan",
            description = "Change nothing: list the files the run would load (new, changed, already loaded) and "
                    + "print the SQL it would run, in order (COPY included on Redshift). Passwords and access keys "
                    + "are never printed.")
    boolean plan;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (maxErrors < 0) {
            throw new SparkifyException(ErrorCode.USAGE, "Expected --max-errors 0 or more, found " + maxErrors);
        }
        Settings settings = common.resolve(Optional.ofNullable(songs), Optional.ofNullable(logs));
        try (Sources sources = new Sources(
                Optional.ofNullable(s3Endpoint).or(settings::s3Endpoint),
                settings.aws().dataRegion())) {
            EtlOptions options = new EtlOptions(
                    sources.of(settings.songs(), DataKind.SONGS),
                    sources.of(settings.logs(), DataKind.EVENTS),
                    fullRefresh,
                    maxErrors);
            if (!plan && !allowInMemory && Warehouses.inMemory(settings)) {
                throw new SparkifyException(
                        ErrorCode.CONFIG,
                        "Expected a warehouse that keeps its tables, found an in-memory DuckDB (jdbc:duckdb:), "
                                + "which etl would load and throw away; give a file, e.g. --warehouse "
                                + "jdbc:duckdb:sparkify.duckdb, or pass --allow-in-memory");
            }
            return plan ? printPlan(settings, options) : run(settings, options);
        }
    }

    private int run(Settings settings, EtlOptions options) {
        EtlListener progress = json || common.logging.quiet() ? EtlListener.NONE : TerminalProgress.forTerminal();
        Optional<Attempt> done;
        try (Interruption interruption = Interruption.watch(System.err)) {
            if (wait == null) {
                done = attempt(settings, options, progress, interruption);
            } else {
                done = busyWait().run(() -> attempt(settings, options, progress, interruption), interruption::happened);
            }
        } finally {
            if (progress instanceof TerminalProgress bar) {
                bar.close();
            }
        }
        if (done.isEmpty()) {
            return ErrorCode.INTERRUPTED.exitCode();
        }
        EtlResult result = done.get().result();
        Optional<CommandFailure> failure = EtlOutcome.failure(result);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (json) {
            EtlJson line = new EtlJson(done.get().warehouse(), result);
            Json.print(out, Json.outcome(spec, failure, line));
        } else {
            Reports.printEtl(out, done.get().warehouse(), result);
        }
        out.flush();
        EtlWarnings.print(result, err);
        failure.ifPresent(f -> err.println("error: " + f.message()));
        err.flush();
        return failure.map(f -> f.code().exitCode()).orElse(0);
    }

    /** One try at the run: empty when a signal stopped it. */
    private Optional<Attempt> attempt(
            Settings settings, EtlOptions options, EtlListener progress, Interruption interruption) {
        SourceListing listing = SourceListing.start(options);
        if (requireFiles && !listing.emptySources().isEmpty()) {
            throw EtlWarnings.noFiles(listing.emptySources());
        }
        Warehouse warehouse = Warehouses.open(settings);
        EtlPipeline pipeline = new EtlPipeline(warehouse, progress);
        interruption.follow(pipeline);
        try {
            return Optional.of(new Attempt(warehouse.describe(), pipeline.run(options, listing)));
        } catch (RuntimeException e) {
            closeAfterFailure(warehouse, pipeline);
            interruption.unfollow();
            if (interruption.happened()) {
                return Optional.empty();
            }
            throw e;
        } finally {
            warehouse.close();
        }
    }

    private BusyWait busyWait() {
        PrintWriter err = spec.commandLine().getErr();
        return new BusyWait(
                wait,
                "--wait " + WaitDuration.format(wait),
                line -> {
                    if (!common.logging.quiet()) {
                        err.println(line);
                        err.flush();
                    }
                },
                Clock.systemUTC(),
                Pause.SLEEP);
    }

    /** A run that ended, and where. */
    private record Attempt(String warehouse, EtlResult result) {}

    /** The summary under --json: the warehouse it ran on, then the run's own fields (its runId among them). */
    record EtlJson(String warehouse, @JsonUnwrapped EtlResult run) {}

    /** A run that failed before it staged anything leaves nothing new: a warehouse it created goes again. */
    private static void closeAfterFailure(Warehouse warehouse, EtlPipeline pipeline) {
        if (pipeline.startedStaging()) {
            warehouse.close();
        } else {
            warehouse.closeAndRemoveIfNew();
        }
    }

    private int printPlan(Settings settings, EtlOptions options) {
        EtlPreview preview;
        try (Warehouse warehouse = Warehouses.openToPlan(settings)) {
            preview = new DryRun(warehouse).preview(options);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.success(spec, preview));
        } else {
            out.printf(
                    Locale.ROOT,
                    "Plan for %s (nothing was changed): %,d files found, %,d to load (%,d new, %,d changed), "
                            + "%,d already loaded%n",
                    preview.warehouse(),
                    preview.files().size(),
                    preview.count(EtlPreview.Action.NEW) + preview.count(EtlPreview.Action.CHANGED),
                    preview.count(EtlPreview.Action.NEW),
                    preview.count(EtlPreview.Action.CHANGED),
                    preview.count(EtlPreview.Action.UNCHANGED));
            for (EtlPreview.PlannedFile file : preview.files()) {
                out.printf(
                        Locale.ROOT,
                        "  %-9s %-6s %,12d  %s%n",
                        file.action().label(),
                        file.kind(),
                        file.size(),
                        file.uri());
            }
            out.printf(Locale.ROOT, "%nSQL of the run (load_id %d):%n%n", preview.loadId());
            for (String statement : preview.statements()) {
                out.println(statement.startsWith("--") ? statement : statement + ";");
                out.println();
            }
        }
        out.flush();
        return 0;
    }
}
