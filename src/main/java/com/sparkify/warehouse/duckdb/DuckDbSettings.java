package com.sparkify.warehouse.duckdb;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * DuckDB's memory budget. DuckDB would take 80% of the machine's memory; a nightly job sharing a host
 * should not, so sparkify caps it (spilling to {@code <warehouse>.tmp} beyond) unless told otherwise by
 * {@code SPARKIFY_DUCKDB_MEMORY_LIMIT}, e.g. {@code 2GB}. DuckDB's allocator also keeps freed memory until
 * a task that peaked above {@code allocator_flush_threshold} (128 MiB by default) ends; at 32 MB it hands
 * it back sooner: on 3M events, peak RSS 707-780 MB instead of 854-869 MB, and fewer batches of the fast
 * read ran out of memory (BENCHMARKS.md).
 *
 * <p>No vacuum tasks: at a checkpoint DuckDB would merge adjacent row groups that fit into fewer, and every
 * batch the fast path stages ends in a partial row group. On 1M events those merges made the run's commit
 * take 1.2-1.5 s instead of 0.08 s, and left a larger file (103 MB instead of 77 MB); row groups whose rows
 * are all deleted are still dropped, and repeated full refreshes kept the file at the same size.
 */
final class DuckDbSettings {
    static final String DEFAULT_MEMORY_LIMIT = "384MB";

    static final String ALLOCATOR_FLUSH_THRESHOLD = "32MB";
    private static final Pattern SIZE = Pattern.compile("\\d{1,6}(\\.\\d{1,3})?\\s?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

    private DuckDbSettings() {}

    /** DuckDB's memory limit: {@code SPARKIFY_DUCKDB_MEMORY_LIMIT}, else {@value #DEFAULT_MEMORY_LIMIT}. */
    static String memoryLimit() {
        String limit = System.getenv()
                .getOrDefault("SPARKIFY_DUCKDB_MEMORY_LIMIT", DEFAULT_MEMORY_LIMIT)
                .strip();
        if (!SIZE.matcher(limit).matches()) {
            throw new SparkifyException(
                    ErrorCode.CONFIG, "Expected SPARKIFY_DUCKDB_MEMORY_LIMIT like 512MB or 2GB, found '" + limit + "'");
        }
        return limit;
    }

    static Properties connectionProperties(String memoryLimit) {
        Properties properties = new Properties();
        properties.setProperty("memory_limit", memoryLimit);
        properties.setProperty("preserve_insertion_order", "false");
        properties.setProperty("allocator_flush_threshold", ALLOCATOR_FLUSH_THRESHOLD);
        properties.setProperty("max_vacuum_tasks", "0");
        return properties;
    }
}
