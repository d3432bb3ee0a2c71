package com.sparkify.pipeline;

import com.sparkify.ingest.UnknownKey;
import com.sparkify.warehouse.Row;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseSession;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code etl_unknown_keys}: the keys of staged records that no staging column holds. A run writes its own
 * on the side connection, as its rejects, so that they stay even when the run publishes nothing.
 */
public final class UnknownKeyLog {
    private UnknownKeyLog() {}

    static void write(WarehouseSession side, long loadId, List<UnknownKey> keys) {
        side.updateAll(
                "unknown_key_insert",
                keys.stream()
                        .map(key -> List.of(loadId, key.kind(), key.key(), key.records(), key.exampleFile()))
                        .toList());
    }

    /**
     * The unknown keys of every run that published, for {@code check}: records summed over those runs, and
     * the first file by uri that held each.
     */
    public static List<UnknownKey> published(Warehouse warehouse) {
        WarehouseSession session = warehouse.session();
        if (!Schema.hasTable(warehouse, "etl_unknown_keys")) {
            return List.of(); // a warehouse no run of this version has loaded yet: nothing recorded
        }
        List<UnknownKey> keys = new ArrayList<>();
        for (Row row : session.query(session.scripts().statement("unknown_keys_published"))) {
            keys.add(new UnknownKey(row.getString(0), row.getString(1), row.getLong(2), row.getString(4)));
        }
        return keys;
    }
}
