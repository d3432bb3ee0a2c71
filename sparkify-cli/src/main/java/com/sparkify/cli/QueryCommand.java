package com.sparkify.cli;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.analytics.Analysis;
import com.sparkify.analytics.AnalyticsQueries;
import com.sparkify.analytics.Period;
import com.sparkify.analytics.PublishedRun;
import com.sparkify.analytics.QueryResultText;
import com.sparkify.analytics.ReadOnlyQuery;
import com.sparkify.analytics.RowSink;
import com.sparkify.pipeline.Schema;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        description = {
            "Answers a question about the warehouse: a built-in analysis by NAME (see --list), or your own read-only SQL with --sql. Text that was double-encoded UTF-8 is shown repaired in analyses. Exits 10 when the warehouse, or the period, holds no songplays.",
            "",
            "Examples:",
            "  sparkify query top_songs --limit 5",
            "  sparkify query plays_by_hour --from 2018-11-01 --to 2018-11-07 --format csv",
            "  sparkify query --sql \"SELECT level, COUNT(*) FROM users GROUP BY level\"",
            ""
        })
final class QueryCommand implements Callable<Integer> {
    /** Rows the table format shows; the rest are counted. */
    static final int TABLE_ROWS = 1000;

    enum Format {
        TABLE,
        CSV,
        JSON
    }

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "A built-in analysis; see --list.")
    String name;

    @Option(
            names = "--sql",
            paramLabel = "SQL",
            description = "Your own query: one SELECT or WITH statement, run read-only.")
    String sql;

    @Option(names = "--list", description = "Describe the built-in analyses.")
    boolean list;

    @Option(
            names = "--limit",
            paramLabel = "N",
            description = "At most N rows. Default: 10 for rankings (top_*, most_active_users, busiest_locations), "
                    + "every row otherwise.")
    Integer limit;

    @Option(
            names = "--from",
            paramLabel = "DATE",
            description = "First day (YYYY-MM-DD, UTC) of songplay start_time to cover.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day (YYYY-MM-DD, UTC), included.")
    String to;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}). csv and json stream every row as it"
                    + " arrives; csv leaves out the notes below the answer. table shows the first 1,000 rows and"
                    + " says how many more there are.")
    Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            printList(out, new SqlScripts("common"));
            return 0;
        }
        if ((name == null) == (sql == null)) {
            throw new SparkifyException(
                    ErrorCode.USAGE, "Expected a query NAME, --sql or --list; see sparkify query --list");
        }
        if (limit != null && limit < 1) {
            throw new SparkifyException(ErrorCode.USAGE, "Expected --limit 1 or more, found " + limit);
        }
        if (sql != null && (from != null || to != null)) {
            throw new SparkifyException(
                    ErrorCode.USAGE, "--from and --to filter built-in analyses; put the condition in your --sql");
        }
        Analysis analysis = name == null ? null : Analysis.byName(name);
        Period period = Period.parse(from, to);
        GuardedOutput answer = new GuardedOutput(format(out), () -> failed(out));
        try (Warehouse warehouse = Warehouses.openExisting(common.resolve())) {
            Optional<PublishedRun> asOf = PublishedRun.read(warehouse);
            if (analysis == null) {
                new ReadOnlyQuery(warehouse).stream(sql, limit == null ? Long.MAX_VALUE : limit, answer);
            } else {
                Schema.requireTables(warehouse);
                new AnalyticsQueries(warehouse)
                        .stream(analysis, limit == null ? analysis.defaultLimit() : limit, period, answer);
            }
            if (format == Format.JSON) {
                out.println();
            }
            out.flush();
            if (failed(out)) {
                throw new GuardedOutput.OutputFailed();
            }
            // On standard error: standard output carries the answer alone.
            if (!common.logging.quiet()) {
                spec.commandLine().getErr().println("Answer " + PublishedRun.describe(asOf) + ".");
            }
        } catch (GuardedOutput.OutputFailed | UncheckedIOException e) {
            return stopped(answer.rows());
        }
        return 0;
    }

    private RowSink format(PrintWriter out) {
        return switch (format) {
            case CSV -> QueryResultText.csv(out);
            case JSON -> QueryResultText.json(out);
            case TABLE -> new TableRows(out, TABLE_ROWS);
        };
    }

    // picocli's writer wraps System.out, a PrintStream that keeps a failed write to itself.
    private static boolean failed(PrintWriter out) {
        return out.checkError() || System.out.checkError();
    }

    /**
     * The output failed mid-answer. A reader that stopped reading a pipe ({@code | head}) asked for no more:
     * the query ends quietly. A file that cannot take more is an error.
     */
    private static int stopped(long rows) {
        if (standardOutputIsPipe()) {
            return 0;
        }
        throw new SparkifyException(
                ErrorCode.DISK_FULL,
                String.format(
                        Locale.ROOT,
                        "Cannot write the answer to standard output after %,d rows; is its disk full?",
                        rows));
    }

    private static boolean standardOutputIsPipe() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("pipe:") || target.startsWith("socket:");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // No /proc (not Linux): a failed standard output is most likely a closed pipe.
            return true;
        }
    }

    private static void printList(PrintWriter out, SqlScripts scripts) {
        for (Analysis analysis : Analysis.values()) {
            out.println(analysis.queryName());
            StringBuilder line = new StringBuilder("   ");
            for (String word : analysis.description(scripts).split(" ")) {
                if (line.length() + word.length() > 100) {
                    out.println(line);
                    line = new StringBuilder("   ");
                }
                line.append(' ').append(word);
            }
            out.println(line);
        }
        out.println();
        out.println("Every analysis takes --from/--to (songplay start_time, UTC; level_changes: the time of the change)"
                + " and --limit.");
    }
}
