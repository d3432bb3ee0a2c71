package com.sparkify.warehouse;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * How the read commands ({@code query}, {@code report}, {@code check}, {@code export}) read a warehouse,
 * whatever its engine: a query's answer streams to a {@link ResultSink} with its columns' labels and types.
 * {@link JdbcReader} implements it for the JDBC engines; an engine without JDBC implements it over its own
 * client. Failures are {@link com.sparkify.SparkifyException}s whose cause is the engine's own exception.
 */
public interface WarehouseReader {
    /**
     * Runs {@code query} and passes its columns, then at most {@code maxRows} of its rows, to {@code sink} as
     * they arrive; returns how many rows it passed.
     *
     * @throws com.sparkify.SparkifyException with {@link com.sparkify.ErrorCode#USAGE} when the engine refuses
     *     a write in a {@linkplain ReadQuery#readOnly() read-only} query; otherwise with the code of
     *     {@link WarehouseErrors#code}, its message starting with {@link ReadQuery#what()}
     */
    long read(ReadQuery query, long maxRows, ResultSink sink);

    /**
     * Writes the answer of {@code sql} as Parquet files under {@code folder}, itself, when the engine can:
     * into {@code folder/data_0.parquet}, or Hive-style partition folders by {@code partitionedBy}. Returns
     * the number of rows written; empty when the engine cannot, and the caller writes the rows it
     * {@linkplain #read reads}.
     */
    default OptionalLong writeParquet(String sql, Path folder, List<String> partitionedBy) {
        return OptionalLong.empty();
    }
}
