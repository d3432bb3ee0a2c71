package com.sparkify.pipeline;

import com.sparkify.ingest.FileCounts;
import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.SqlScripts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code etl_files} table: which file was loaded in which version, and how its records went. */
final class LoadLedger {
    private final Connection connection;
    private final SqlScripts scripts;

    LoadLedger(Connection connection, SqlScripts scripts) {
        this.connection = connection;
        this.scripts = scripts;
    }

    LoadPlan plan(List<SourceFile> found, boolean fullRefresh) throws SQLException {
        if (fullRefresh) {
            return new LoadPlan(found, List.of(), 0);
        }
        Map<String, String> known = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(scripts.text("ledger_select"))) {
            while (rows.next()) {
                known.put(rows.getString(1), rows.getString(2));
            }
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
        return new LoadPlan(toLoad, changed, found.size() - toLoad.size());
    }

    void forget(List<SourceFile> changed) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(scripts.text("reload_file_insert"))) {
            for (SourceFile file : changed) {
                insert.setString(1, file.uri());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    void record(Map<SourceFile, FileCounts> loaded, long loadId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(scripts.text("ledger_insert"))) {
            for (Map.Entry<SourceFile, FileCounts> entry : loaded.entrySet()) {
                SourceFile file = entry.getKey();
                FileCounts counts = entry.getValue();
                insert.setString(1, file.uri());
                insert.setString(2, file.kind().label());
                insert.setLong(3, file.size());
                insert.setString(4, file.changeMarker());
                insert.setLong(5, counts.read());
                insert.setLong(6, counts.staged());
                insert.setLong(7, counts.rejected());
                insert.setLong(8, loadId);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
