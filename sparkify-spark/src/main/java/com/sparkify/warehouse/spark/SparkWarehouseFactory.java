package com.sparkify.warehouse.spark;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.Settings;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseFactory;
import java.nio.file.Files;

/** Opens {@code spark:FOLDER}: Spark in local mode, its tables Iceberg tables in FOLDER (docs/spark.md). */
public final class SparkWarehouseFactory implements WarehouseFactory {
    @Override
    public boolean handlesJdbcUrl(String url) {
        return url.startsWith(SparkTarget.PREFIX);
    }

    @Override
    public Warehouse open(Settings settings) {
        return SparkWarehouse.open(SparkTarget.parse(settings.warehouseUrl()));
    }

    /** For the commands that only read: a warehouse folder that does not exist is an error, not created. */
    @Override
    public Warehouse openExisting(Settings settings) {
        SparkTarget target = SparkTarget.parse(settings.warehouseUrl());
        if (!Files.isDirectory(target.folder())) {
            throw new SparkifyException(
                    ErrorCode.EMPTY,
                    "No Spark warehouse in " + target.folder() + " (nothing was created); load data first with:"
                            + " sparkify etl");
        }
        return open(settings);
    }
}
