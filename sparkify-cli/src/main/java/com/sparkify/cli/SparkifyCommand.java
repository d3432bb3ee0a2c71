package com.sparkify.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sparkify} command: raw music-streaming JSON to an analytics star schema. */
@Command(
        name = "sparkify",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Loads the raw JSON of the Sparkify music-streaming app (song metadata and eventsim activity logs) into a star schema: fact songplays; dimensions users, songs, artists, time. Runs are incremental, atomic and safe to repeat; no record is lost without a trace in load_errors.",
            "",
            "Global options go before or after the command: --warehouse, --config, --schema, -v, --log-level, --log-file and -q (see a command's --help).",
            ""
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  unexpected internal error (please report it; -v shows the stack trace)",
            "  2  bad flag or argument",
            "  3  configuration error (config file, environment, JDBC URL)",
            "  4  input path missing or unreadable",
            "  5  warehouse unreachable: cannot connect, connection lost, timeout (worth retrying)",
            "  6  more rejected records than --max-errors; nothing published, rejects in load_errors",
            "  7  a data-quality check failed; nothing published",
            "  8  another run holds the warehouse (worth retrying; etl --wait queues instead)",
            "  9  disk full",
            " 10  the warehouse holds no sparkify tables, or no data for the question",
            " 11  the warehouse rejected a statement, or its engine cannot start (not worth retrying)",
            " 12  etl --wait ran out while another run held the warehouse (worth retrying later)",
            "130  interrupted by SIGINT (Ctrl-C); nothing published",
            "143  stopped by SIGTERM; nothing published",
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

    /** The subcommands by name, in the order of {@code --help}; {@code help} comes last. */
    static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("create-tables", CreateTablesCommand.class);
        commands.put("cluster", ClusterCommand.class);
        commands.put("etl", EtlCommand.class);
        commands.put("check", CheckCommand.class);
        commands.put("generate", GenerateCommand.class);
        commands.put("demo", DemoCommand.class);
        commands.put("query", QueryCommand.class);
        commands.put("report", ReportCommand.class);
        commands.put("export", ExportCommand.class);
        return commands;
    }

    /** The whole command tree. */
    public static CommandLine commandLine() {
        CommandLine root = new CommandLine(new SparkifyCommand());
        COMMANDS.values().forEach(root::addSubcommand);
        root.addSubcommand(new CommandLine.HelpCommand());
        return configured(root);
    }

    /**
     * The command tree for these arguments: only the named subcommand when they start with one, since
     * picocli reads every command's annotations up front, which would lengthen a cron-run {@code etl}'s
     * start-up; the whole tree otherwise (help, version, a mistyped command).
     */
    static CommandLine commandLine(String... args) {
        if (args.length == 0 || !COMMANDS.containsKey(args[0])) {
            return commandLine();
        }
        CommandLine root = new CommandLine(new SparkifyCommand());
        root.addSubcommand(COMMANDS.get(args[0]));
        return configured(root);
    }

    private static CommandLine configured(CommandLine root) {
        ExitCodes exitCodes = new ExitCodes();
        HelpLayout.install(root);
        return root.setExecutionExceptionHandler(exitCodes)
                .setParameterExceptionHandler(exitCodes)
                .setExitCodeExceptionMapper(exitCodes)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        // sparkify reads libpq's password file itself, with libpq's rules; pgjdbc's own reader would also use a
        // file that others can read, which libpq refuses.
        System.setProperty("org.postgresql.pgpassfile", "/dev/null");
        String[] ordered = arguments(args);
        CommandLine command = commandLine(ordered);
        if (Arrays.asList(ordered).contains("--json")) {
            // The one JSON line must be all of stdout: whatever a library prints there goes to stderr.
            command.setOut(new PrintWriter(System.out, true));
            System.setOut(System.err);
        }
        int code = command.execute(ordered);
        System.exit(code);
    }

    /** The arguments as the commands read them: global options given before the command move after it. */
    static String[] arguments(String... args) {
        return GlobalOptions.reorder(args, SUBCOMMANDS);
    }

    /** Each command's name, with the names of its own subcommands, read from the annotations alone. */
    private static final Map<String, Set<String>> SUBCOMMANDS = subcommands();

    private static Map<String, Set<String>> subcommands() {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        COMMANDS.forEach((name, type) -> names.put(
                name,
                Arrays.stream(type.getAnnotation(Command.class).subcommands())
                        .map(sub -> sub.getAnnotation(Command.class).name())
                        .collect(Collectors.toSet())));
        return names;
    }
}
