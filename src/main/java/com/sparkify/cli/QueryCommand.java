package com.sparkify.cli;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.analytics.Analysis;
import com.sparkify.analytics.AnalyticsQueries;
import com.sparkify.analytics.Period;
import com.sparkify.analytics.QueryResult;
import com.sparkify.analytics.QueryResultText;
import com.sparkify.analytics.ReadOnlyQuery;
import com.sparkify.pipeline.Schema;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import java.io.PrintWriter;
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
            description = "table, csv or json (default: ${DEFAULT-VALUE}). csv leaves out the notes below the answer.")
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
        QueryResult result;
        try (Warehouse warehouse = Warehouses.openExisting(common.resolve())) {
            if (analysis != null) {
                Schema.requireTables(warehouse);
            }
            result = analysis == null
                    ? new ReadOnlyQuery(warehouse).run(sql, limit == null ? Integer.MAX_VALUE : limit)
                    : new AnalyticsQueries(warehouse)
                            .run(analysis, limit == null ? analysis.defaultLimit() : limit, period);
        }
        switch (format) {
            case CSV -> out.print(QueryResultText.csv(result));
            case JSON -> out.println(QueryResultText.json(result));
            default -> {
                Tables.print(out, result);
                result.notes().forEach(out::println);
            }
        }
        out.flush();
        return 0;
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
