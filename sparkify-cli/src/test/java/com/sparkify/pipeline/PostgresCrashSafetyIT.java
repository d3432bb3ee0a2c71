package com.sparkify.pipeline;

import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.postgres.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Each kill point loads into a schema of its own on the shared test server. */
class PostgresCrashSafetyIT extends CrashSafetyContract {
    private final String prefix = TestPostgres.newSchema("crash");

    @Override
    protected List<String> warehouseFlags(Path dir, String name) {
        return List.of("--warehouse=" + TestPostgres.get().url(), "--schema=" + prefix + "_" + name);
    }

    @Override
    protected Warehouse open(Path dir, String name) {
        return TestWarehouses.open(TestPostgres.get().url(), Optional.of(prefix + "_" + name));
    }
}
