package com.sparkify.pipeline;

import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.Row;
import com.sparkify.warehouse.WarehouseSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code etl_files} table: which file was loaded in which version, and how its records went. Its rows
 * are written by the engine, in bulk ({@link com.sparkify.warehouse.Warehouse#recordLoadedFiles}).
 */
final class LoadLedger {
    private final WarehouseSession session;

    LoadLedger(WarehouseSession session) {
        this.session = session;
    }

    LoadPlan plan(List<SourceFile> found, boolean fullRefresh) {
        if (fullRefresh) {
            return new LoadPlan(found, List.of(), 0, true);
        }
        Map<String, String> known = new HashMap<>();
        for (Row row : session.query(session.scripts().statement("ledger_select"))) {
            known.put(row.getString(0), row.getString(1));
        }
        List<SourceFile> toLoad = new ArrayList<>();
        List<SourceFile> changed = new ArrayList<>();
        for (SourceFile file : found) {
            String marker = known.get(file.uri());
            if (marker == null) {
                toLoad.add(file);
            } else if (!marker.equals(file.changeMarker())) {
                toLoad.add(file);
                changed.add(file);
            }
        }
        return new LoadPlan(toLoad, changed, found.size() - toLoad.size(), known.isEmpty());
    }

    /** Notes the changed files in {@code etl_reload_files}, whose old rows {@code forget_reloaded_files} deletes. */
    void forget(List<SourceFile> changed) {
        session.updateAll(
                "reload_file_insert",
                changed.stream().map(file -> List.of(file.uri())).toList());
    }
}
