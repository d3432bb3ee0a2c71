package com.sparkify.pipeline;

import com.sparkify.ingest.UnknownKey;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code etl_unknown_keys}: the keys of staged records that no staging column holds. A run writes its own
 * on the side connection, as its rejects, so that they stay even when the run publishes nothing.
 */
public final class UnknownKeyLog {
    private UnknownKeyLog() {}

    static void write(Connection side, SqlScripts scripts, long loadId, List<UnknownKey> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = side.prepareStatement(scripts.text("unknown_key_insert"))) {
            for (UnknownKey key : keys) {
                insert.setLong(1, loadId);
                insert.setString(2, key.kind());
                insert.setString(3, key.key());
                insert.setLong(4, key.records());
                insert.setString(5, key.exampleFile());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * The unknown keys of every run that published, for {@code check}: records summed over those runs, and
     * the first file by uri that held each.
     */
    public static List<UnknownKey> published(Warehouse warehouse) {
        List<UnknownKey> keys = new ArrayList<>();
        try (var statement = warehouse.connection().createStatement();
                ResultSet rows = statement.executeQuery(warehouse.scripts().text("unknown_keys_published"))) {
            while (rows.next()) {
                keys.add(new UnknownKey(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getString(5)));
            }
            return keys;
        } catch (SQLException e) {
            if (!Schema.hasTable(warehouse, "etl_unknown_keys")) {
                return List.of(); // a warehouse no run of this version has loaded yet: nothing recorded
            }
            throw WarehouseErrors.translate("Cannot read etl_unknown_keys", e);
        }
    }
}
