package com.sparkify.warehouse.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * DuckDB's {@code COPY ... TO ... (FORMAT PARQUET, PARTITION_BY ...)}: Hive-style folder names
 * ({@code year=2018/month=11/}; a null value is {@code __HIVE_DEFAULT_PARTITION__}, as Spark writes it).
 */
public final class ParquetCopy {
    private ParquetCopy() {}

    /**
     * Writes {@code source} (a quoted table name or a parenthesized query) into {@code folder/data_0.parquet},
     * or into partition folders under {@code folder}; returns the number of rows written.
     */
    public static long write(Connection duckDb, String source, Path folder, List<String> partitionedBy)
            throws SQLException {
        Path absolute = folder.toAbsolutePath();
        String target =
                partitionedBy.isEmpty() ? absolute.resolve("data_0.parquet").toString() : absolute.toString();
        String options = partitionedBy.isEmpty()
                ? "FORMAT PARQUET"
                : "FORMAT PARQUET, PARTITION_BY (" + String.join(", ", partitionedBy) + ")";
        try (Statement statement = duckDb.createStatement()) {
            if (partitionedBy.isEmpty()) {
                Files.createDirectories(absolute);
            }
            statement.execute("COPY " + source + " TO '" + target.replace("'", "''") + "' (" + options + ")");
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + source + " exported")) {
                count.next();
                return count.getLong(1);
            }
        } catch (IOException e) {
            throw new SQLException("cannot create " + absolute + ": " + e.getMessage(), e);
        }
    }
}
