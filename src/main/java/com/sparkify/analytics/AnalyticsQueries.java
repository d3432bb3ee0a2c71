package com.sparkify.analytics;

import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseErrors;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the named analyses of {@code sql/common/analytics/NAME.sql}. */
public final class AnalyticsQueries {
    private final Warehouse warehouse;

    public AnalyticsQueries(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public QueryResult run(String name, int limit) {
        String sql = warehouse
                .scripts()
                .statements("analytics/" + name, Map.of("limit", (long) limit))
                .get(0);
        try (Statement statement = warehouse.connection().createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<Object>> values = new ArrayList<>();
            while (rows.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(rows.getObject(i));
                }
                values.add(row);
            }
            return new QueryResult(name, columns, values);
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Query " + name + " failed", e);
        }
    }
}
