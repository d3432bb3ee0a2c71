package com.sparkify.analytics;

import com.sparkify.ErrorCode;
import com.sparkify.Messages;
import com.sparkify.SparkifyException;
import com.sparkify.warehouse.ReadQuery;
import com.sparkify.warehouse.Warehouse;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Runs an analyst's own SQL ({@code sparkify query --sql}) read-only: it must be one SELECT or WITH
 * statement, and it runs in a read-only transaction that is rolled back afterwards, so the engine itself
 * refuses any write. The answer streams. Values are shown as stored: no text repair.
 */
public final class ReadOnlyQuery {
    private final Warehouse warehouse;

    public ReadOnlyQuery(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** At most {@code maxRows} rows of the query's answer, held in memory. */
    public QueryResult run(String sql, int maxRows) {
        CollectedRows collected = new CollectedRows();
        stream(sql, maxRows, collected);
        return collected.result();
    }

    /** Passes at most {@code maxRows} rows of the query's answer to {@code sink} as they arrive; returns how many. */
    public long stream(String sql, long maxRows, RowSink sink) {
        ReadQuery query = new ReadQuery("The warehouse rejected the query", SingleSelect.require(sql), List.of(), true);
        ResultRows rows = new ResultRows("sql", UnaryOperator.identity(), sink);
        long passed;
        try {
            passed = warehouse.reader().read(query, maxRows, rows);
        } catch (SparkifyException e) {
            throw rows.fromSink(e) ? e : refused(e);
        }
        sink.end(List.of());
        return passed;
    }

    /** The engine's own message, first line; a refused write is a usage error of {@code --sql}. */
    private static SparkifyException refused(SparkifyException e) {
        Throwable engine = e.getCause() != null ? e.getCause() : e;
        if (e.code() == ErrorCode.USAGE) {
            return new SparkifyException(
                    ErrorCode.USAGE,
                    "--sql is read-only, and the warehouse refused a write: " + Messages.firstLine(engine),
                    engine);
        }
        return new SparkifyException(
                e.code(), "The warehouse rejected the query: " + Messages.firstLine(engine), engine);
    }
}
