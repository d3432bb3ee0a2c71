package com.sparkify.bench;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The tools the scripts in bench/ call to make their datasets and the read_json floor. It lives with the
 * tests, out of the product jar and its --help; the scripts run it on the test classpath.
 */
@Command(
        name = "benchmark",
        mixinStandardHelpOptions = true,
        description = {
            "Tools for the scripts in bench/, which measure etl against DuckDB's bare read_json and at scale."
        },
        subcommands = {BenchmarkCommand.Prepare.class, BenchmarkCommand.Floor.class, BenchmarkCommand.NextDay.class})
public final class BenchmarkCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(), "Missing a subcommand: prepare, floor or next-day");
    }

    /** The command line, whose failures print one line and exit with their {@link ErrorCode}'s code. */
    static CommandLine commandLine() {
        return new CommandLine(new BenchmarkCommand()).setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("error: " + e.getMessage());
            return e instanceof SparkifyException failure ? failure.code().exitCode() : 1;
        });
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Command(
            name = "prepare",
            mixinStandardHelpOptions = true,
            description =
                    "Replicates a dataset: COPIES copies of every event log, with sessionId and ts shifted per copy.")
    static final class Prepare implements Callable<Integer> {
        @Option(names = "--songs", required = true, paramLabel = "PATH")
        Path songs;

        @Option(names = "--logs", required = true, paramLabel = "PATH")
        Path logs;

        @Option(names = "--out", required = true, paramLabel = "DIR")
        Path out;

        @Option(
                names = "--copies",
                defaultValue = "125",
                paramLabel = "N",
                description = "Default: ${DEFAULT-VALUE} (the sample x 125 = 1,007,000 events).")
        int copies;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (copies < 1 || copies > 9_999) {
                throw new SparkifyException(ErrorCode.USAGE, "Expected --copies from 1 to 9999, found " + copies);
            }
            long events = new DatasetReplicator().replicate(songs, logs, out, copies);
            spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %,d events to %s%n", events, out);
            return 0;
        }
    }

    @Command(
            name = "next-day",
            mixinStandardHelpOptions = true,
            description =
                    "Writes the day after an event log: its events one day later, in sessions of their own (bench/scale.sh).")
    static final class NextDay implements Callable<Integer> {
        @Option(names = "--from", required = true, paramLabel = "FILE", description = "A daily event log.")
        Path from;

        @Option(names = "--out", required = true, paramLabel = "DIR")
        Path out;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path written = new DatasetReplicator().nextDay(from, out);
            spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s%n", written);
            return 0;
        }
    }

    @Command(
            name = "floor",
            mixinStandardHelpOptions = true,
            description = "Loads every event file below --logs into a bare table of a new DuckDB file with read_json.")
    static final class Floor implements Callable<Integer> {
        @Option(names = "--logs", required = true, paramLabel = "PATH")
        Path logs;

        @Option(
                names = "--database",
                required = true,
                paramLabel = "FILE",
                description = "A DuckDB file that must not exist yet.")
        Path database;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (database.toFile().exists()) {
                throw new SparkifyException(ErrorCode.USAGE, "Expected a new database file, found " + database);
            }
            long started = System.nanoTime();
            long rows = new ReadJsonFloor().load(logs, database);
            spec.commandLine()
                    .getOut()
                    .printf(
                            Locale.ROOT,
                            "read_json loaded %,d rows in %.2f s%n",
                            rows,
                            (System.nanoTime() - started) / 1e9);
            return 0;
        }
    }
}
