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

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<ExportedTable> tables;
        try (Warehouse warehouse = Warehouses.openExisting(common.resolve())) {
            Schema.requireTables(warehouse);
            tables = ParquetExport.of(warehouse).write(out, overwrite);
        }
        PrintWriter writer = spec.commandLine().getOut();
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
}
