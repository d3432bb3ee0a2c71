package com.sparkify.pipeline;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseErrors;
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

    /** Fails with {@link ErrorCode#EMPTY} when the warehouse has no sparkify tables; writes nothing. */
    public static void requireTables(Warehouse warehouse) {
        try (java.sql.Statement statement = warehouse.connection().createStatement()) {
            statement.executeQuery("SELECT 1 FROM songplays WHERE 1 = 0").close();
        } catch (SQLException e) {
            try {
                warehouse.connection().rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw new SparkifyException(
                    ErrorCode.EMPTY,
                    "No sparkify tables in " + warehouse.describe() + "; load data first with: sparkify etl",
                    e);
        }
    }

    /** Whether {@code table} can be read; rolls back what a failed look left, as PostgreSQL needs. */
    static boolean hasTable(Warehouse warehouse, String table) {
        try (java.sql.Statement statement = warehouse.connection().createStatement()) {
            warehouse.connection().rollback();
            statement.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            try {
                warehouse.connection().rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            return false;
        }
    }

    static void commit(Warehouse warehouse) {
        try {
            warehouse.connection().commit();
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot commit to " + warehouse.describe(), e);
        }
    }
}
