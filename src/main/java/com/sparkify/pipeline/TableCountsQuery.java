package com.sparkify.pipeline;

import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseErrors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Counts the star schema's rows. */
public final class TableCountsQuery {
    private TableCountsQuery() {}

    public static TableCounts run(Warehouse warehouse) {
        try (Statement statement = warehouse.connection().createStatement();
                ResultSet rows = statement.executeQuery(warehouse.scripts().text("table_counts"))) {
            rows.next();
            return new TableCounts(
                    rows.getLong(1),
                    rows.getLong(2),
                    rows.getLong(3),
                    rows.getLong(4),
                    rows.getLong(5),
                    rows.getLong(6));
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot count rows in " + warehouse.describe(), e);
        }
    }
}
