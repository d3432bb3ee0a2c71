package com.sparkify.analytics;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.warehouse.ReadQuery;
import com.sparkify.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the named analyses ({@link Analysis}) of {@code sql/<engine>/analytics/NAME.sql}, falling back to
 * {@code sql/common/analytics/}. Every answer covers a {@link Period} of songplay start times, shows text
 * repaired by {@link TextRepair}, and says how much of it matched the song catalog where that matters.
 */
public final class AnalyticsQueries {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsQueries.class);

    private final Warehouse warehouse;

    public AnalyticsQueries(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** The analysis {@code name} over every play, at most {@code limit} rows. */
    public QueryResult run(String name, int limit) {
        return run(Analysis.byName(name), limit, Period.ALL);
    }

    /**
     * Runs an analysis.
     *
     * @throws SparkifyException with {@link ErrorCode#EMPTY} when the period holds no songplays
     */
    public QueryResult run(Analysis analysis, int limit, Period period) {
        return run(analysis, limit, period, requirePlays(period));
    }

    /** Runs an analysis of a period whose plays were counted already, as {@code coverage}. */
    public QueryResult run(Analysis analysis, int limit, Period period, Coverage coverage) {
        CollectedRows collected = new CollectedRows();
        stream(analysis, limit, period, coverage, collected);
        return collected.result();
    }

    /**
     * Runs an analysis and passes its rows to {@code sink} as they arrive, then its notes; returns the number
     * of rows.
     *
     * @throws SparkifyException with {@link ErrorCode#EMPTY} when the period holds no songplays
     */
    public long stream(Analysis analysis, int limit, Period period, RowSink sink) {
        checkLimit(limit);
        return stream(analysis, limit, period, requirePlays(period), sink);
    }

    private long stream(Analysis analysis, int limit, Period period, Coverage coverage, RowSink sink) {
        checkLimit(limit);
        TextRepairs repairs = new TextRepairs();
        long rows = query(analysis.script(), analysis.queryName(), limit, period, repairs, sink);
        List<String> notes = new ArrayList<>();
        if (period.bounded()) {
            notes.add(String.format(Locale.ROOT, "Period: %s (UTC), %,d plays.", period.describe(), coverage.plays()));
        }
        if (analysis.aboutCatalog()) {
            notes.add(coverage.describeCatalogShare());
        }
        if (repairs.count() > 0) {
            notes.add(String.format(
                    Locale.ROOT,
                    "%,d text %s double-encoded UTF-8 and shown repaired; the warehouse keeps the raw text.",
                    repairs.count(),
                    repairs.count() == 1 ? "value was" : "values were"));
        }
        sink.end(notes);
        return rows;
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new SparkifyException(ErrorCode.USAGE, "Expected --limit 1 or more, found " + limit);
        }
    }

    /** Plays in the period and their catalog share; fails with {@link ErrorCode#EMPTY} when there are none. */
    public Coverage requirePlays(Period period) {
        Coverage coverage = coverage(period);
        if (coverage.plays() > 0) {
            return coverage;
        }
        Coverage all = period.bounded() ? coverage(Period.ALL) : coverage;
        if (all.plays() == 0) {
            throw new SparkifyException(
                    ErrorCode.EMPTY,
                    "The warehouse " + warehouse.describe() + " holds no songplays yet; load some first: "
                            + "sparkify etl --songs PATH --logs PATH");
        }
        throw new SparkifyException(
                ErrorCode.EMPTY,
                "No songplays from " + period.describe() + " (UTC); the warehouse has plays from " + all.firstPlay()
                        + " to " + all.lastPlay());
    }

    public Coverage coverage(Period period) {
        QueryResult result = query("analytics/coverage", "coverage", 1, period, UnaryOperator.identity());
        List<Object> row = result.rows().get(0);
        return new Coverage((Long) row.get(0), (Long) row.get(1), (String) row.get(2), (String) row.get(3));
    }

    /** Runs an analytics script with its parameters bound; string values pass through {@code text}. */
    public QueryResult query(String script, String name, long limit, Period period, UnaryOperator<String> text) {
        CollectedRows collected = new CollectedRows();
        query(script, name, limit, period, text, collected);
        collected.end(List.of());
        return collected.result();
    }

    /** Runs an analytics script and passes its rows to {@code sink} as they arrive (start and rows; the caller ends it). */
    private long query(
            String script, String name, long limit, Period period, UnaryOperator<String> text, RowSink sink) {
        SqlTemplate template = SqlTemplate.bind(warehouse.scripts().text(script), limit, period);
        ReadQuery query = new ReadQuery("Query " + name + " failed", template.sql(), template.parameters(), false);
        long started = System.nanoTime();
        long count = warehouse.reader().read(query, Long.MAX_VALUE, new ResultRows(name, text, sink));
        LOG.debug("query {} took {} ms", name, (System.nanoTime() - started) / 1_000_000);
        return count;
    }
}
