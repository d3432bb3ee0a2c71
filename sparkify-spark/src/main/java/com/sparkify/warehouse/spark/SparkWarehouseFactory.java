package com.sparkify.warehouse.spark;

import com.sparkify.config.Settings;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseFactory;

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
}
