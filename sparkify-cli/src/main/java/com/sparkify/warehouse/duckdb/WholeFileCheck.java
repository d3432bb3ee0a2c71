package com.sparkify.warehouse.duckdb;

import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.SqlScripts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * Keeps what {@code read_json} staged of a file only when it staged the file whole: as many rows as the
 * counter found records, numbered 1 to that count as the Java parser numbers them. The rows of any other
 * file go, and the Java parser stages it again, keeping every bad record with its line.
 */
final class WholeFileCheck {
    private final DuckDBConnection connection;
    private final SqlScripts scripts;

    WholeFileCheck(DuckDBConnection connection, SqlScripts scripts) {
        this.connection = connection;
        this.scripts = scripts;
    }

    /** The files of {@code files} staged whole under {@code loadId}; the others' rows are deleted. */
    List<SourceFile> keepWhole(List<SourceFile> files, Map<String, Long> records, long loadId) throws SQLException {
        Map<String, StagedRows> staged = staged(loadId);
        List<SourceFile> whole = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        for (SourceFile file : files) {
            String path = DuckDbStagingLoader.path(file);
            Long expected = records.get(path);
            StagedRows rows = staged.get(path);
            if (rows == null || expected == null) {
                continue;
            }
            if (rows.count() == expected && rows.lowest() == 1 && rows.highest() == expected) {
                whole.add(file);
            } else {
                partial.add(path);
            }
        }
        if (!partial.isEmpty()) {
            try (PreparedStatement discard = connection.prepareStatement(scripts.text("events_fast_discard"))) {
                discard.setLong(1, loadId);
                discard.setObject(2, connection.createArrayOf("VARCHAR", partial.toArray()));
                discard.execute();
            }
        }
        return whole;
    }

    private Map<String, StagedRows> staged(long loadId) throws SQLException {
        Map<String, StagedRows> staged = new HashMap<>();
        try (PreparedStatement counts = connection.prepareStatement(scripts.text("events_fast_counts"))) {
            counts.setLong(1, loadId);
            try (ResultSet rows = counts.executeQuery()) {
                while (rows.next()) {
                    staged.put(rows.getString(1), new StagedRows(rows.getLong(2), rows.getLong(3), rows.getLong(4)));
                }
            }
        }
        return staged;
    }

    /** The rows staged of one file, and the lowest and highest record number among them. */
    private record StagedRows(long count, long lowest, long highest) {}
}
