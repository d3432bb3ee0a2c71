package com.sparkify.warehouse.duckdb;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.ByteSize;
import com.sparkify.config.EngineOptions;
import java.util.Properties;

/**
 * DuckDB's session settings. DuckDB would take 80% of the machine's memory; a nightly job sharing a host
 * should not, so sparkify caps it (spilling to {@code <warehouse>.tmp} beyond) unless told otherwise by
 * {@code SPARKIFY_DUCKDB_MEMORY_LIMIT}, e.g. {@code 2GB}.
 *
 * <p>No vacuum tasks: at a checkpoint DuckDB would merge the partial row groups every staged batch ends
 * in, which made the commit much slower and the file larger; row groups whose rows are all deleted are still
 * dropped. The figures are in docs/decisions/.
 */
final class DuckDbSettings {
    static final String DEFAULT_MEMORY_LIMIT = "384MB";

    private DuckDbSettings() {}

    /** DuckDB's memory limit: {@code SPARKIFY_DUCKDB_MEMORY_LIMIT}, else {@value #DEFAULT_MEMORY_LIMIT}. */
    static String memoryLimit(EngineOptions options) {
        String limit = options.duckDbMemoryLimit().orElse(DEFAULT_MEMORY_LIMIT);
        try {
            return ByteSize.parse(limit).toString();
        } catch (IllegalArgumentException e) {
            throw new SparkifyException(
                    ErrorCode.CONFIG,
                    "Expected " + EngineOptions.DUCKDB_MEMORY_LIMIT + " like 512MB or 2GB, found '" + limit.strip()
                            + "'");
        }
    }

    /**
     * The options of a command that only reads ({@code query}, {@code report}, {@code check}, {@code export}):
     * a {@linkplain DuckDbMemory#share share} of the limit, since a reader is not a run and may run beside
     * one, or beside other readers.
     */
    static EngineOptions forReader(EngineOptions options) {
        long shareMiB = DuckDbMemory.share(ByteSize.parse(memoryLimit(options)).bytes()) >> 20;
        return options.withDuckDbMemoryLimit(Math.max(1, shareMiB) + "MiB");
    }

    static Properties connectionProperties(String memoryLimit) {
        Properties properties = new Properties();
        properties.setProperty("memory_limit", memoryLimit);
        properties.setProperty("max_vacuum_tasks", "0");
        return properties;
    }
}
