package com.sparkify.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sparkify} command: raw music-streaming JSON to an analytics star schema. */
@Command(
        name = "sparkify",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Loads the raw JSON of the Sparkify music-streaming app (song metadata and eventsim activity logs) into a star schema: fact songplays; dimensions users, songs, artists, time. Runs are incremental, atomic and safe to repeat; no record is lost without a trace in load_errors.",
            ""
        },
        subcommands = {
            CreateTablesCommand.class,
            ClusterCommand.class,
            EtlCommand.class,
            CheckCommand.class,
            GenerateCommand.class,
            DemoCommand.class,
            QueryCommand.class,
            ReportCommand.class,
            ExportCommand.class,
            BenchmarkCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  unexpected internal error (please report it; -v shows the stack trace)",
            "  2  bad flag or argument",
            "  3  configuration error (config file, environment, JDBC URL)",
            "  4  input path missing or unreadable",
            "  5  warehouse unreachable or rejected a statement",
            "  6  more rejected records than --max-errors; nothing published, rejects in load_errors",
            "  7  a data-quality check failed; nothing published",
            "  8  another run holds the warehouse",
            "  9  disk full",
            " 10  the warehouse holds no sparkify tables, or no data for the question",
            "",
            "Start with: sparkify demo"
        })
public final class SparkifyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command; see sparkify --help");
    }

    public static CommandLine commandLine() {
        ExitCodes exitCodes = new ExitCodes();
        return new CommandLine(new SparkifyCommand())
                .setExecutionExceptionHandler(exitCodes)
                .setParameterExceptionHandler(exitCodes)
                .setExitCodeExceptionMapper(exitCodes)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }
}
