package com.sparkify.pipeline;

import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.List;

class DuckDbCrashSafetyIT extends CrashSafetyContract {
    @Override
    protected List<String> warehouseFlags(Path dir, String name) {
        return List.of("--warehouse=jdbc:duckdb:" + dir.resolve(name + ".duckdb"));
    }

    @Override
    protected Warehouse open(Path dir, String name) {
        return TestWarehouses.open("jdbc:duckdb:" + dir.resolve(name + ".duckdb"));
    }
}
