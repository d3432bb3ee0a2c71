package com.sparkify.analytics.export;

import com.sparkify.ErrorCode;
import com.sparkify.Messages;
import com.sparkify.SparkifyException;
import com.sparkify.pipeline.TableCounts;
import com.sparkify.pipeline.TableCountsQuery;
import com.sparkify.warehouse.ReadQuery;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseErrors;
import com.sparkify.warehouse.WarehouseReader;
import com.sparkify.warehouse.duckdb.ParquetCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;

/**
 * {@code sparkify export --format parquet}: the star schema as Parquet files, one folder per table,
 * partitioned as {@link ExportTable} says, with Hive-style folder names ({@code year=2018/month=11/}; a null
 * value is {@code __HIVE_DEFAULT_PARTITION__}, as Spark writes it). An engine that writes Parquet itself
 * does ({@link WarehouseReader#writeParquet}: DuckDB's {@code COPY}). Other engines' rows stream from their
 * {@link WarehouseReader} into a temporary DuckDB file, one table at a time, and DuckDB writes them from there.
 */
public final class ParquetExport {
    private final Warehouse warehouse;
    private final boolean throughReader;

    private ParquetExport(Warehouse warehouse, boolean throughReader) {
        this.warehouse = warehouse;
        this.throughReader = throughReader;
    }

    /** Has the engine write Parquet itself where it can, and streams other engines' rows. */
    public static ParquetExport of(Warehouse warehouse) {
        return new ParquetExport(warehouse, false);
    }

    /** Streams the rows from the reader whatever the engine: the path of engines that cannot write Parquet. */
    public static ParquetExport throughReader(Warehouse warehouse) {
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
        WarehouseReader reader = warehouse.reader();
        try (ScratchDuckDb duckDb = new ScratchDuckDb()) {
            for (ExportTable table : ExportTable.values()) {
                String select =
                        warehouse.scripts().statements(table.script(), Map.of()).get(0);
                Path folder = out.resolve(table.tableName()).toAbsolutePath();
                OptionalLong direct = throughReader
                        ? OptionalLong.empty()
                        : reader.writeParquet(select, folder, table.partitionedBy());
                long rows = direct.isPresent() ? direct.getAsLong() : transfer(reader, table, select, folder, duckDb);
                written.add(new ExportedTable(table, rows, folder));
            }
        } catch (SQLException | IOException e) {
            throw failure(out, WarehouseErrors.code(e), e, e);
        } catch (DuckDbTable.Failure e) {
            throw failure(out, WarehouseErrors.code(e.getCause()), e.getCause(), e.getCause());
        } catch (SparkifyException e) {
            throw failure(out, e.code(), e.getCause() != null ? e.getCause() : e, e);
        }
        return written;
    }

    /** Names the export and the engine's own first line. */
    private static SparkifyException failure(Path out, ErrorCode code, Throwable engine, Throwable cause) {
        return new SparkifyException(
                code, "Cannot export the star schema to " + out + ": " + Messages.firstLine(engine), cause);
    }

    /** Streams a table's rows into the scratch DuckDB, which writes them as Parquet. */
    private static long transfer(
            WarehouseReader reader, ExportTable table, String select, Path folder, ScratchDuckDb scratch)
            throws SQLException, IOException {
        DuckDBConnection duckDb = scratch.connection();
        try (DuckDbTable rows = new DuckDbTable(duckDb, table.tableName())) {
            reader.read(ReadQuery.of("Cannot read table " + table.tableName(), select), Long.MAX_VALUE, rows);
        }
        long written = ParquetCopy.write(duckDb, "\"" + table.tableName() + "\"", folder, table.partitionedBy());
        try (Statement statement = duckDb.createStatement()) {
            statement.execute("DROP TABLE \"" + table.tableName() + "\"");
        }
        return written;
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

    static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new SparkifyException(ErrorCode.INPUT, "Cannot remove " + folder + ": " + e, e);
        }
    }
}
