package com.sparkify.warehouse.duckdb;

import com.sparkify.warehouse.WarehouseErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DuckDB's memory over an etl run. Several readers staging JSON read with at most {@link #READING_LIMIT}; the
 * merges run with a third of the limit (the windows of the level history with half) and the checks with a
 * sixth, so that their hash tables spill
 * early instead of growing with the input. Setting a script's share also makes DuckDB hand the pages its
 * allocator keeps back to the system, once per script. Doing so after every statement as well, as before,
 * made each statement fault its memory in again: a 1M-event load took 0.6-0.9 s longer and its peak RSS was
 * 10 MiB lower; at 3M it was ~1 s slower and not lower (BENCHMARKS.md, session 9).
 */
final class DuckDbMemory {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbMemory.class);
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)");
    private static final long MIB = 1L << 20;
    /** What the read of one batch needs besides its JSON: measured, see {@link #readBatchBytes()}. */
    private static final long READ_OVERHEAD = 160 * MIB;
    /**
     * DuckDB's limit while several readers stage JSON, when the configured one is higher. A reader holds
     * ~100 MiB whatever its batch: its JSON buffer and the row groups it has not yet written to the file.
     * Above that, DuckDB keeps the blocks the readers already wrote, in memory that the process then holds.
     * With the default 384MB limit, a load of 10M events peaked at 486-505 MiB RSS, DuckDB's accounting
     * at its limit and half of it such blocks. With this limit during the read, the peak was 372-385 MiB, and
     * the read took the same time (18.5-19.8 s against 19.4-20.2 s; BENCHMARKS.md, session 11). With a 2GB
     * limit, i.e. 256 MiB batches, the readers did not run out of memory either.
     */
    static final long READING_LIMIT = 256_000_000L;
    /** The least share of the limit the checks get: {@link #forChecks()}. */
    private static final long CHECKS_AT_LEAST = 64_000_000L;
    /** Input from which a run's transform works with shares of the limit: {@link #startTransform}. */
    static final long SHARED_FROM = 32 * MIB;

    private final Connection connection;
    /** The limit as configured, e.g. {@code 384MB}: the connection's, set back exactly after a transform. */
    private final String configured;

    private final long limit;
    private boolean adjustable;
    private boolean transforming;
    /** Whether this run's transform set a share of the limit. */
    private boolean shared;

    private long current;

    /**
     * The memory of a connection opened with the {@code configured} limit. An in-memory warehouse keeps its
     * limit throughout: its tables live in that memory, and lowering it would spill them to a folder of the
     * current directory.
     */
    DuckDbMemory(Connection connection, String configured, boolean inMemory) {
        this.connection = connection;
        this.configured = configured;
        this.limit = bytes(configured);
        this.adjustable = !inMemory;
        this.current = limit;
    }

    /** A size as configured, e.g. {@code 384MB} (10^6 bytes a MB) or {@code 1.5GiB} (2^30 a GiB), in bytes. */
    static long bytes(String size) {
        Matcher parts = SIZE.matcher(size.strip());
        if (!parts.matches()) {
            throw new IllegalArgumentException("Expected a size like 384MB or 2GiB, found '" + size + "'");
        }
        String unit = parts.group(2);
        int power = "KMGT".indexOf(unit.charAt(0)) + 1;
        double base = unit.contains("i") ? 1024 : 1000;
        return (long) (Double.parseDouble(parts.group(1)) * Math.pow(base, power));
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

    /**
     * Several readers start staging JSON: DuckDB's limit falls to {@link #READING_LIMIT} when it is higher,
     * until {@link #endReading()}. Running out of memory with it asks for a run with the whole limit, as with
     * a share ({@link #keepWholeLimitAfter}); a read_json statement that runs out is read again in parts.
     */
    void startReading() {
        if (adjustable && limit > READING_LIMIT) {
            set(READING_LIMIT);
        }
    }

    /** The readers are done: the whole limit again. */
    void endReading() {
        restore();
    }

    /**
     * From now on the run merges and checks: scripts and checks get their share of the limit, when the run
     * loads at least {@link #SHARED_FROM} of input. A smaller run keeps the whole limit: setting the shares
     * and handing pages back cost a daily run of one file ~60 of its ~450 ms (BENCHMARKS.md), and what it
     * merges is small.
     */
    void startTransform(long inputBytes) {
        transforming = adjustable && inputBytes >= SHARED_FROM;
        shared = false;
    }

    /** Sets the share of a transform script (nothing before the transform starts). */
    void forScript(String script) {
        if (transforming) {
            set(script.equals("merge_user_levels") ? limit / 2 : limit / 3);
        }
    }

    /**
     * Sets the checks' share: a sixth of the limit. They group and anti-join whole tables after a large
     * load, and with less memory they spilled sooner, held less beyond what DuckDB counts, and were not
     * slower: on a warehouse of 10M events, the three largest checks took 1.67-1.69, 0.42-0.44 and
     * 0.60-0.62 s with 64MB against 1.89-1.91, 0.45-0.47 and 0.70-0.72 s with 128MB, and the process
     * peaked at 254-287 MiB against 334-405 (BENCHMARKS.md, session 11). With 32MB they ran out of memory,
     * so the share is at least 64MB, unless the merges' third is less.
     */
    void forChecks() {
        if (transforming) {
            set(Math.min(limit / 3, Math.max(limit / 6, CHECKS_AT_LEAST)));
        }
    }

    /** The merges and checks are over: the commit, and whatever follows on this connection, get it all. */
    void endTransform() {
        transforming = false;
        restore();
    }

    /**
     * Whether a run that failed with {@code failure}, and was rolled back, ran out of memory with a share of
     * the limit. Then later runs on this connection keep the whole limit: a run that holds huge values until
     * it commits can need more than a share (four events with a 25 MB field ran out of a third of the
     * default limit). The whole limit is back either way.
     */
    boolean keepWholeLimitAfter(RuntimeException failure) {
        endTransform();
        boolean retry = shared && outOfMemory(failure);
        shared = false;
        if (retry) {
            adjustable = false;
        }
        return retry;
    }

    /** Whether DuckDB ran out of memory, by its message, anywhere in the failure's causes. */
    static boolean outOfMemory(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains("Out of Memory")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A share of the limit, during the run's transaction. DuckDB refuses to go below what the run holds,
     * and the refusal aborts the transaction, so it ends the run: with its own "Out of Memory" message,
     * which {@link #keepWholeLimitAfter} answers with a run with the whole limit.
     */
    private void set(long bytes) {
        shared = true;
        try (Statement statement = connection.createStatement()) {
            statement.execute(String.format(Locale.ROOT, "SET memory_limit = '%dB'", bytes));
            current = bytes;
        } catch (SQLException e) {
            throw WarehouseErrors.translate("DuckDB cannot lower its memory limit to " + bytes / MIB + " MiB", e);
        }
    }

    /** The configured limit again; after a failure the transaction may refuse it until rolled back. */
    private void restore() {
        if (current == limit) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET memory_limit = '" + configured.strip() + "'");
            current = limit;
        } catch (SQLException e) {
            LOG.debug("DuckDB keeps a memory limit of {} MiB for now: {}", current / MIB, e.getMessage());
        }
    }
}
