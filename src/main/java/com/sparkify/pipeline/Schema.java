package com.sparkify.pipeline;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.warehouse.Warehouse;
import java.sql.SQLException;
import java.util.Map;

/** Creates the warehouse's tables: from nothing ({@code create-tables}) or only what is missing. */
public final class Schema {
    private Schema() {}

    /** Drops every sparkify table and creates them again, empty. */
    public static void recreate(Warehouse warehouse) {
        warehouse.acquireRunLock();
        warehouse.execute("drop_tables", Map.of());
        warehouse.execute("schema", Map.of());
        commit(warehouse);
    }

    /** Creates whatever table is missing; existing tables and their rows stay. */
    public static void ensure(Warehouse warehouse) {
        warehouse.execute("schema", Map.of());
        commit(warehouse);
    }

    static void commit(Warehouse warehouse) {
        try {
            warehouse.connection().commit();
        } catch (SQLException e) {
            throw new SparkifyException(
                    ErrorCode.WAREHOUSE, "Cannot commit to " + warehouse.describe() + ": " + e.getMessage(), e);
        }
    }
}
