package com.sparkify.cli;

import com.sparkify.analytics.export.ExportedTable;
import com.sparkify.analytics.export.ParquetExport;
import com.sparkify.pipeline.Schema;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the star schema as Parquet, one folder per table, partitioned like the Spark data lake of the Sparkify project: songs by year and artist_id, time and songplays by year and month (of start_time, UTC), users and artists unpartitioned. Folders are Hive-style (year=2018/month=11); a null partition value is __HIVE_DEFAULT_PARTITION__. Text is exported as stored. Exits 10 when the warehouse holds no rows.",
            "",
            "Example: sparkify export --format parquet --out lake/",
            "Read it back: SELECT * FROM read_parquet('lake/songplays/**/*.parquet', hive_partitioning = true)",
            ""
        })
final class ExportCommand implements Callable<Integer> {
    enum Format {
        PARQUET
    }

    @Mixin
    CommonOptions common;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "parquet",
            description = "parquet (the only format so far).")
    Format format;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Folder to write into, created if missing.")
    Path out;

    @Option(names = "--overwrite", description = "Replace the table folders of an earlier export in DIR.")
    boolean overwrite;

    @Option(names = "--json", description = "Print the tables written, or the error, as one line of JSON on stdout.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<ExportedTable> tables;
        String where;
        try (Warehouse warehouse = Warehouses.openExisting(common.resolve())) {
            where = warehouse.describe();
            Schema.requireTables(warehouse);
            tables = ParquetExport.of(warehouse).write(out, overwrite);
        }
        PrintWriter writer = spec.commandLine().getOut();
        if (json) {
            Json.print(
                    writer,
                    Json.success(
                            spec,
                            new ExportJson(
                                    where,
                                    out.toAbsolutePath().toString(),
                                    tables.stream().map(TableJson::of).toList())));
            return 0;
        }
        for (ExportedTable table : tables) {
            writer.printf(
                    Locale.ROOT,
                    "%-10s %,10d rows  %s%s%n",
                    table.table().tableName(),
                    table.rows(),
                    table.folder(),
                    table.table().partitionedBy().isEmpty()
                            ? ""
                            : "  (partitioned by "
                                    + String.join(", ", table.table().partitionedBy()) + ")");
        }
        return 0;
    }

    /** What export wrote, under --json. */
    record ExportJson(String warehouse, String out, List<TableJson> tables) {}

    /** One table written: its name, rows, folder and partition columns. */
    record TableJson(String table, long rows, String folder, List<String> partitionedBy) {
        static TableJson of(ExportedTable table) {
            return new TableJson(
                    table.table().tableName(),
                    table.rows(),
                    table.folder().toAbsolutePath().toString(),
                    table.table().partitionedBy());
        }
    }
}
