package com.sparkify.cli;

import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.postgres.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A PostgreSQL warehouse is a schema: each test's warehouses are schemas of their own on the shared server. */
class PostgresLeavesNothingBehindIT extends LeavesNothingBehindContract {
    private final String prefix = TestPostgres.newSchema("nothing");

    @Override
    protected List<String> warehouseFlags(Path folder, String name) {
        return List.of("--warehouse=" + TestPostgres.get().url(), "--schema=" + schema(name));
    }

    @Override
    protected Set<String> trace(Path folder, String name) throws Exception {
        try (Connection admin = TestPostgres.get().admin();
                PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            exists.setString(1, schema(name));
            try (ResultSet rows = exists.executeQuery()) {
                return rows.next() ? traceOfAWarehouse(name) : Set.of();
            }
        }
    }

    @Override
    protected Set<String> traceOfAWarehouse(String name) {
        return Set.of("schema " + schema(name));
    }

    @Override
    protected Warehouse open(Path folder, String name) {
        return TestWarehouses.open(TestPostgres.get().url(), Optional.of(schema(name)));
    }

    private String schema(String name) {
        return prefix + "_" + name;
    }
}
