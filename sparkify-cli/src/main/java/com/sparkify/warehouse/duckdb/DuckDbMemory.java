package com.sparkify.warehouse.duckdb;

import com.sparkify.config.ByteSize;
import com.sparkify.warehouse.Phase;
import com.sparkify.warehouse.RunShape;
import com.sparkify.warehouse.WarehouseErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DuckDB's memory limit in each phase of a run, from the configured limit: a small table ({@link
 * #limitFor}). The readers of the staging phase read with at most {@link #READING_LIMIT}, since DuckDB keeps
 * the blocks they already wrote in memory up to its limit; a reader that runs out reads its files again in
 * parts. The merges and checks of a run whose input outgrows the limit work with a {@link #share}, so that
 * their hash tables spill early instead of growing with the input. A statement of the run's transaction that
 * runs out of memory ends the run, so every other run and phase gets the whole limit: a smaller run, where a
 * share is no place for values of many megabytes. A full refresh of a file is a first load into a new file
 * ({@link FullRefreshBuild}), sized as one.
 */
final class DuckDbMemory {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbMemory.class);
    private static final long MIB = 1L << 20;
    /** What the read of one batch needs besides its JSON: its buffers and the row groups not yet written. */
    private static final long READ_OVERHEAD = 160 * MIB;
    /** DuckDB's limit while the readers stage JSON, when the configured one is higher. */
    static final long READING_LIMIT = 256_000_000L;
    /** The least share of the limit the merges and checks get. */
    static final long SHARE_FLOOR = 128 * MIB;

    private final Connection connection;
    /** The limit as configured, e.g. {@code 384MB}: set back exactly, not as DuckDB rounds it. */
    private final String configured;

    private final long limit;
    private final boolean adjustable;
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
        return ByteSize.parse(size).bytes();
    }

    /** The limit of {@code phase} in a run of {@code shape} under a configured {@code limit}. */
    static long limitFor(Phase phase, RunShape shape, long limit) {
        return switch (phase) {
            case STAGE -> Math.min(limit, READING_LIMIT);
            case TRANSFORM, CHECK -> shape.inputBytes() >= limit ? share(limit) : limit;
            default -> limit;
        };
    }

    /** A third of the limit, but at least {@link #SHARE_FLOOR}: below it the merges ran out of memory. */
    static long share(long limit) {
        return Math.min(limit, Math.max(limit / 3, SHARE_FLOOR));
    }

    /** The run enters {@code phase}: DuckDB's limit becomes that phase's. */
    void enter(Phase phase, RunShape shape) {
        if (adjustable) {
            long target = limitFor(phase, shape, limit);
            if (target != current) {
                set(target);
            }
        }
    }

    /**
     * JSON read per {@code read_json} statement: half of what the limit leaves above {@link #READ_OVERHEAD},
     * in steps of 16 MiB, from 16 to 256 MiB. Keeping insertion order costs about twice the batch besides a
     * fixed part; a batch that runs out of memory is read again in halves, which is much slower.
     */
    long readBatchBytes() {
        return readBatchBytes(limit);
    }

    static long readBatchBytes(long limit) {
        long half = (limit - READ_OVERHEAD) / 2;
        return Math.max(16 * MIB, Math.min(256 * MIB, half / (16 * MIB) * (16 * MIB)));
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
     * The whole limit is set as configured, so that DuckDB's rounding of a share never sticks. A lower limit
     * that DuckDB refuses ends the run; a higher one it refuses (a failed run's transaction refuses every
     * statement until rolled back) is set again at the next phase.
     */
    private void set(long bytes) {
        String sql = bytes == limit
                ? "SET memory_limit = '" + configured.strip() + "'"
                : String.format(Locale.ROOT, "SET memory_limit = '%dB'", bytes);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            current = bytes;
        } catch (SQLException e) {
            if (bytes < current) {
                throw WarehouseErrors.translate("DuckDB cannot lower its memory limit to " + bytes / MIB + " MiB", e);
            }
            LOG.debug("DuckDB keeps a memory limit of {} MiB for now: {}", current / MIB, e.getMessage());
        }
    }
}
