package com.sparkify.pipeline;

import com.sparkify.ingest.FileCounts;
import com.sparkify.warehouse.SqlScripts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The {@code etl_runs} table, written on the auto-commit side connection so every run leaves a trace. */
final class RunLog {
    private final Connection side;
    private final SqlScripts scripts;

    RunLog(Connection side, SqlScripts scripts) {
        this.side = side;
        this.scripts = scripts;
    }

    long start() throws SQLException {
        try (Statement statement = side.createStatement()) {
            statement.execute(scripts.text("run_mark_interrupted"));
        }
        long runId;
        try (Statement statement = side.createStatement();
                ResultSet rows = statement.executeQuery(scripts.text("run_next_id"))) {
            rows.next();
            runId = rows.getLong(1);
        }
        try (PreparedStatement insert = side.prepareStatement(scripts.text("run_start"))) {
            insert.setLong(1, runId);
            insert.execute();
        }
        return runId;
    }

    void finish(long runId, RunStatus status, int filesLoaded, FileCounts counts, long songplays, String message)
            throws SQLException {
        try (PreparedStatement update = side.prepareStatement(scripts.text("run_finish"))) {
            update.setString(1, status.label());
            update.setLong(2, filesLoaded);
            update.setLong(3, counts.read());
            update.setLong(4, counts.staged());
            update.setLong(5, counts.rejected());
            update.setLong(6, songplays);
            update.setString(7, message);
            update.setLong(8, runId);
            update.execute();
        }
    }
}
