package com.sparkify.pipeline;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.warehouse.Phase;
import com.sparkify.warehouse.RunShape;
import com.sparkify.warehouse.Step;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseSession;

/** Creates the warehouse's tables: from nothing ({@code create-tables}) or only what is missing. */
public final class Schema {
    private Schema() {}

    /** Drops every sparkify table and creates them again, empty. */
    public static void recreate(Warehouse warehouse) {
        warehouse.acquireRunLock();
        warehouse.enter(Phase.SCHEMA, RunShape.UNKNOWN);
        warehouse.execute(new Step("drop_tables", Phase.SCHEMA));
        warehouse.execute(new Step("schema", Phase.SCHEMA));
        warehouse.session().commit();
    }

    /** Creates whatever table is missing; existing tables and their rows stay. */
    public static void ensure(Warehouse warehouse) {
        warehouse.enter(Phase.SCHEMA, RunShape.UNKNOWN);
        warehouse.execute(new Step("schema", Phase.SCHEMA));
        warehouse.session().commit();
    }

    /** Fails with {@link ErrorCode#EMPTY} when the warehouse has no sparkify tables; writes nothing. */
    public static void requireTables(Warehouse warehouse) {
        if (!warehouse.session().hasTable("songplays")) {
            throw new SparkifyException(
                    ErrorCode.EMPTY,
                    "No sparkify tables in " + warehouse.describe() + "; load data first with: sparkify etl");
        }
    }

    /** Whether {@code table} can be read; rolls back first, so that a failed statement before cannot answer. */
    static boolean hasTable(Warehouse warehouse, String table) {
        WarehouseSession session = warehouse.session();
        session.rollback();
        return session.hasTable(table);
    }
}
