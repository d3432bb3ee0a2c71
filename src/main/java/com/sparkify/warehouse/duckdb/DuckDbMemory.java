package com.sparkify.warehouse.duckdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DuckDB's memory over an etl run. Reading JSON in file order needs the whole limit; the merges and checks
 * run with a third of it (the windows of the level history with half), so that their hash tables spill
 * early instead of growing with the input. After every statement of those, setting the limit again makes
 * DuckDB hand the pages its allocator keeps back to the system. On 1M, 3M and 10M events this kept peak RSS
 * at 404-466 MiB instead of 472-811 MiB, at the same speed (BENCHMARKS.md).
 */
final class DuckDbMemory {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbMemory.class);
    private static final Pattern SHOWN = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(bytes|KiB|MiB|GiB|TiB)");
    private static final long MIB = 1L << 20;
    /** What the read of one batch needs besides its JSON: measured, see {@link #readBatchBytes()}. */
    private static final long READ_OVERHEAD = 160 * MIB;

    private final Connection connection;
    private final long limit;
    private boolean adjustable;
    private long current;
    private boolean transforming;

    private DuckDbMemory(Connection connection, long limit, boolean adjustable) {
        this.connection = connection;
        this.limit = limit;
        this.adjustable = adjustable;
        this.current = limit;
    }

    /**
     * The memory of a connection, with the limit it was opened with. An in-memory warehouse keeps its limit
     * throughout: its tables live in that memory, and lowering it would spill them to a folder of the
     * current directory. A limit it cannot read (set in the JDBC URL, say) is left as it is too.
     */
    static DuckDbMemory of(Connection connection, boolean inMemory) throws SQLException {
        String shown;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_setting('memory_limit')")) {
            rows.next();
            shown = rows.getString(1);
        }
        try {
            return new DuckDbMemory(connection, parse(shown), !inMemory);
        } catch (IllegalArgumentException e) {
            LOG.debug("{}: sparkify leaves DuckDB's memory limit as it is", e.getMessage());
            return new DuckDbMemory(connection, parse(DuckDbSettings.DEFAULT_MEMORY_LIMIT_SHOWN), false);
        }
    }

    /** A limit as DuckDB shows it, e.g. {@code 366.2 MiB}, in bytes. */
    static long parse(String shown) {
        Matcher size = SHOWN.matcher(String.valueOf(shown).strip());
        if (!size.matches()) {
            throw new IllegalArgumentException("Unexpected DuckDB memory limit '" + shown + "'");
        }
        int power =
                switch (size.group(2)) {
                    case "KiB" -> 1;
                    case "MiB" -> 2;
                    case "GiB" -> 3;
                    case "TiB" -> 4;
                    default -> 0;
                };
        return (long) (Double.parseDouble(size.group(1)) * Math.pow(1024, power));
    }

    long limit() {
        return limit;
    }

    /**
     * JSON read per {@code read_json} statement of the fast path: half of what the limit leaves above 160
     * MiB, in steps of 16 MiB, from 16 to 256 MiB. Keeping insertion order costs about twice the batch
     * besides a fixed part: at the default 384MB limit, 96 MiB batches read in one go and 128 MiB ones now
     * and then ran out of memory; at 256MB, 48 MiB ones did every time, 24 MiB ones never. A batch that runs
     * out is read again in halves: at 256MB with 96 MiB batches, a 10M-event load took three times longer.
     */
    long readBatchBytes() {
        return readBatchBytes(limit);
    }

    static long readBatchBytes(long limit) {
        long half = (limit - READ_OVERHEAD) / 2;
        return Math.max(16 * MIB, Math.min(256 * MIB, half / (16 * MIB) * (16 * MIB)));
    }

    /** From now on the run merges and checks: scripts and checks get their share of the limit. */
    void startTransform() {
        transforming = adjustable;
    }

    /**
     * Whether a run failed for want of memory while it had a share of the limit. Then later runs on this
     * connection keep the whole limit: a run that stages huge values through the Java parser holds them in
     * memory until it commits (three events with a 25 MB field ran out of a third of the default limit).
     */
    boolean keepWholeLimitAfter(RuntimeException failure) {
        boolean shared = current < limit;
        transforming = false;
        if (!shared || !outOfMemory(failure)) {
            return false;
        }
        adjustable = false;
        set(limit);
        return true;
    }

    private static boolean outOfMemory(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains("Out of Memory")) {
                return true;
            }
        }
        return false;
    }

    /** The merges and checks are over: the commit, and whatever follows on this connection, get it all. */
    void endTransform() {
        if (transforming) {
            set(limit);
            transforming = false;
        }
    }

    /** Sets the share of a transform script (nothing before the transform starts). */
    void forScript(String script) {
        if (transforming) {
            set(script.equals("merge_user_levels") ? limit / 2 : limit / 3);
        }
    }

    /** Hands freed pages back to the system between the transform's statements (DuckDB flushes on SET). */
    void release() {
        if (transforming) {
            set(current);
        }
    }

    private void set(long bytes) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(String.format(Locale.ROOT, "SET memory_limit = '%dB'", bytes));
            current = bytes;
        } catch (SQLException e) {
            // Data the run holds pinned can keep DuckDB from going lower: it keeps the limit it has.
            LOG.debug("DuckDB keeps its memory limit: {}", e.getMessage());
        }
    }
}
