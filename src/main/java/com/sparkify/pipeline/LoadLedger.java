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
    private static final int ROWS_PER_INSERT = 500;
    private final Connection connection;
    private final SqlScripts scripts;

    LoadLedger(Connection connection, SqlScripts scripts) {
        this.connection = connection;
        this.scripts = scripts;
    }

    LoadPlan plan(List<SourceFile> found, boolean fullRefresh) throws SQLException {
        if (fullRefresh) {
            return new LoadPlan(found, List.of(), 0, true);
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
        return new LoadPlan(toLoad, changed, found.size() - toLoad.size(), known.isEmpty());
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

    /** Many rows per statement: some drivers (DuckDB's) run a JDBC batch one row at a time. */
    void record(Map<SourceFile, FileCounts> loaded, long loadId) throws SQLException {
        List<Map.Entry<SourceFile, FileCounts>> entries = new ArrayList<>(loaded.entrySet());
        if (scripts.has("ledger_insert_columns")) {
            recordColumns(entries, loadId);
            return;
        }
        String insert = scripts.text("ledger_insert").strip();
        String head = insert.substring(0, insert.indexOf("VALUES") + "VALUES".length());
        String row = insert.substring(insert.indexOf("VALUES") + "VALUES".length())
                .replace(";", "")
                .strip();
        for (int from = 0; from < entries.size(); from += ROWS_PER_INSERT) {
            List<Map.Entry<SourceFile, FileCounts>> chunk =
                    entries.subList(from, Math.min(entries.size(), from + ROWS_PER_INSERT));
            String sql = head + " " + String.join(", ", java.util.Collections.nCopies(chunk.size(), row));
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                for (Map.Entry<SourceFile, FileCounts> entry : chunk) {
                    SourceFile file = entry.getKey();
                    FileCounts counts = entry.getValue();
                    statement.setString(index++, file.uri());
                    statement.setString(index++, file.kind().label());
                    statement.setLong(index++, file.size());
                    statement.setString(index++, file.changeMarker());
                    statement.setLong(index++, counts.read());
                    statement.setLong(index++, counts.staged());
                    statement.setLong(index++, counts.rejected());
                    statement.setLong(index++, loadId);
                }
                statement.execute();
            }
        }
    }

    /** All rows in one statement, a SQL array per column. */
    private void recordColumns(List<Map.Entry<SourceFile, FileCounts>> entries, long loadId) throws SQLException {
        int n = entries.size();
        Object[][] columns = new Object[7][n];
        for (int i = 0; i < n; i++) {
            SourceFile file = entries.get(i).getKey();
            FileCounts counts = entries.get(i).getValue();
            columns[0][i] = file.uri();
            columns[1][i] = file.kind().label();
            columns[2][i] = file.size();
            columns[3][i] = file.changeMarker();
            columns[4][i] = counts.read();
            columns[5][i] = counts.staged();
            columns[6][i] = counts.rejected();
        }
        String[] types = {"VARCHAR", "VARCHAR", "BIGINT", "VARCHAR", "BIGINT", "BIGINT", "BIGINT"};
        try (PreparedStatement statement = connection.prepareStatement(
                SqlScripts.split(scripts.text("ledger_insert_columns")).get(0))) {
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
            }
            statement.setLong(columns.length + 1, loadId);
            statement.execute();
        }
    }
}
