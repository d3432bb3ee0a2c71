package com.sparkify.analytics.export;

import com.sparkify.ErrorCode;
import com.sparkify.Messages;
import com.sparkify.SparkifyException;
import com.sparkify.pipeline.TableCounts;
import com.sparkify.pipeline.TableCountsQuery;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseErrors;
import com.sparkify.warehouse.duckdb.DuckDbLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;

/**
 * {@code sparkify export --format parquet}: the star schema as Parquet files, one folder per table,
 * partitioned as {@link ExportTable} says, with Hive-style folder names ({@code year=2018/month=11/}; a null
 * value is {@code __HIVE_DEFAULT_PARTITION__}, as Spark writes it). DuckDB writes its own tables with
 * {@code COPY ... TO ... (FORMAT PARQUET, PARTITION_BY ...)}. Other engines' rows are read over JDBC into a
 * temporary DuckDB file, one table at a time, and DuckDB writes them from there.
 */
public final class ParquetExport {
    private final Warehouse warehouse;
    private final boolean viaJdbc;

    private ParquetExport(Warehouse warehouse, boolean viaJdbc) {
        this.warehouse = warehouse;
        this.viaJdbc = viaJdbc;
    }

    /** Writes DuckDB's tables directly, and reads other engines' over JDBC. */
    public static ParquetExport of(Warehouse warehouse) {
        return new ParquetExport(warehouse, !warehouse.engine().equals("duckdb"));
    }

    /** Reads the rows over JDBC whatever the engine: the path of PostgreSQL and Redshift. */
    public static ParquetExport overJdbc(Warehouse warehouse) {
        return new ParquetExport(warehouse, true);
    }

    /**
     * Writes every table into {@code out}, which is created if missing.
     *
     * @param overwrite replace table folders that exist; without it an existing table folder is an error
     */
    public List<ExportedTable> write(Path out, boolean overwrite) {
        requireRows();
        prepare(out, overwrite);
        List<ExportedTable> written = new ArrayList<>();
        try {
            if (viaJdbc) {
                DuckDbLibrary.load();
                Path scratch = Files.createTempDirectory("sparkify-export");
                try (Connection duckDb =
                        DriverManager.getConnection("jdbc:duckdb:" + scratch.resolve("export.duckdb"))) {
                    for (ExportTable table : ExportTable.values()) {
                        written.add(transfer(table, duckDb.unwrap(DuckDBConnection.class), out));
                    }
                } finally {
                    delete(scratch);
                }
            } else {
                for (ExportTable table : ExportTable.values()) {
                    String select = warehouse
                            .scripts()
                            .statements(table.script(), java.util.Map.of())
                            .get(0);
                    written.add(copy(warehouse.connection(), table, "(" + select + ")", out));
                }
            }
        } catch (SQLException | IOException e) {
            throw new SparkifyException(
                    WarehouseErrors.code(e),
                    "Cannot export the star schema to " + out + ": " + Messages.firstLine(e),
                    e);
        }
        return written;
    }

    private ExportedTable transfer(ExportTable table, DuckDBConnection duckDb, Path out) throws SQLException {
        String select = warehouse
                .scripts()
                .statements(table.script(), java.util.Map.of())
                .get(0);
        try (Statement statement = warehouse.connection().createStatement()) {
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery(select)) {
                JdbcToDuckDb.copy(rows, duckDb, table.tableName());
            }
        }
        ExportedTable written = copy(duckDb, table, "\"" + table.tableName() + "\"", out);
        try (Statement statement = duckDb.createStatement()) {
            statement.execute("DROP TABLE \"" + table.tableName() + "\"");
        }
        return written;
    }

    /** DuckDB writes {@code source} (a table or a parenthesized query) as the table's Parquet files. */
    private static ExportedTable copy(Connection duckDb, ExportTable table, String source, Path out)
            throws SQLException {
        Path folder = out.resolve(table.tableName()).toAbsolutePath();
        String target = table.partitionedBy().isEmpty()
                ? folder.resolve("data_0.parquet").toString()
                : folder.toString();
        String options = table.partitionedBy().isEmpty()
                ? "FORMAT PARQUET"
                : "FORMAT PARQUET, PARTITION_BY (" + String.join(", ", table.partitionedBy()) + ")";
        try (Statement statement = duckDb.createStatement()) {
            if (table.partitionedBy().isEmpty()) {
                Files.createDirectories(folder);
            }
            statement.execute("COPY " + source + " TO '" + target.replace("'", "''") + "' (" + options + ")");
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + source + " exported")) {
                count.next();
                return new ExportedTable(table, count.getLong(1), folder);
            }
        } catch (IOException e) {
            throw new SQLException("cannot create " + folder + ": " + e.getMessage(), e);
        }
    }

    private void requireRows() {
        TableCounts counts = TableCountsQuery.run(warehouse);
        if (counts.songplays() + counts.users() + counts.songs() + counts.artists() == 0) {
            throw new SparkifyException(
                    ErrorCode.EMPTY,
                    "The warehouse " + warehouse.describe() + " holds no rows to export; load some first: "
                            + "sparkify etl --songs PATH --logs PATH");
        }
    }

    private static void prepare(Path out, boolean overwrite) {
        for (ExportTable table : ExportTable.values()) {
            Path folder = out.resolve(table.tableName());
            if (Files.exists(folder)) {
                if (!overwrite) {
                    throw new SparkifyException(
                            ErrorCode.USAGE,
                            "Expected no folder " + folder + " (it would mix two exports), found one; remove it or "
                                    + "pass --overwrite");
                }
                delete(folder);
            }
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new SparkifyException(ErrorCode.INPUT, "Cannot create the export folder " + out + ": " + e, e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new SparkifyException(ErrorCode.INPUT, "Cannot remove " + folder + ": " + e, e);
        }
    }
}
