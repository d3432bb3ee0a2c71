package com.sparkify.pipeline;

import com.sparkify.ingest.Reject;
import com.sparkify.ingest.RejectSink;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.WarehouseErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes rejects to {@code load_errors} on a connection of its own, in batches, so that they stay for
 * inspection even when the run itself is rolled back.
 */
final class LoadErrorLog implements RejectSink, AutoCloseable {
    private static final int BATCH = 500;
    private static final int SAMPLE_REASONS = 3;

    private final PreparedStatement insert;
    private final long loadId;
    private final Set<String> sampleReasons = new LinkedHashSet<>();
    private int pending;
    private long count;

    LoadErrorLog(Connection side, SqlScripts scripts, long loadId) throws SQLException {
        this.insert = side.prepareStatement(scripts.text("load_error_insert"));
        this.loadId = loadId;
    }

    @Override
    public void reject(Reject reject) {
        count++;
        if (sampleReasons.size() < SAMPLE_REASONS) {
            sampleReasons.add(reject.reason() + " (" + reject.sourceFile() + " line " + reject.lineNumber() + ")");
        }
        try {
            insert.setLong(1, loadId);
            insert.setString(2, reject.kind().label());
            insert.setString(3, reject.sourceFile());
            insert.setLong(4, reject.lineNumber());
            insert.setString(5, reject.reason());
            insert.setString(6, reject.rawText());
            insert.addBatch();
            if (++pending >= BATCH) {
                flush();
            }
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot record a rejected record", e);
        }
    }

    void flush() {
        if (pending == 0) {
            return;
        }
        try {
            insert.executeBatch();
            pending = 0;
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot record rejected records", e);
        }
    }

    long count() {
        return count;
    }

    List<String> sampleReasons() {
        return List.copyOf(sampleReasons);
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
