package com.sparkify.pipeline;

import com.sparkify.SparkifyException;
import com.sparkify.warehouse.Row;
import com.sparkify.warehouse.SessionFailures;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseSession;

/** Counts the star schema's rows. */
public final class TableCountsQuery {
    private TableCountsQuery() {}

    public static TableCounts run(Warehouse warehouse) {
        WarehouseSession session = warehouse.session();
        Row row;
        try {
            row = session.query(session.scripts().statement("table_counts")).get(0);
        } catch (SparkifyException e) {
            throw SessionFailures.of("Cannot count rows in " + warehouse.describe(), e);
        }
        return new TableCounts(
                row.getLong(0), row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5));
    }
}
