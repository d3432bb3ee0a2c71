package com.sparkify.analytics;

import com.sparkify.warehouse.Row;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseSession;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The run a reader's answer is as of: the latest run that succeeded in what the reader sees.
 *
 * @param runId the run's id
 * @param finishedAt when it finished, as the warehouse stored it (UTC)
 */
public record PublishedRun(long runId, String finishedAt) {
    public PublishedRun {
        Objects.requireNonNull(finishedAt, "finishedAt is null");
    }

    /** The latest succeeded run, or empty when no run has succeeded yet. */
    public static Optional<PublishedRun> read(Warehouse warehouse) {
        WarehouseSession session = warehouse.session();
        if (!session.hasTable("etl_runs")) {
            return Optional.empty();
        }
        List<Row> rows = session.query(session.scripts().statement("published_run"));
        session.rollback();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row row = rows.get(0);
        String finished = String.valueOf(row.getString(1)).replace('T', ' ');
        return Optional.of(new PublishedRun(row.getLong(0), finished.substring(0, Math.min(19, finished.length()))));
    }

    /** "as of run 12, finished 2026-01-02 03:04:05", or what a warehouse without a succeeded run is as of. */
    public static String describe(Optional<PublishedRun> run) {
        return run.map(each -> "as of run " + each.runId() + ", finished " + each.finishedAt() + " UTC")
                .orElse("as of no succeeded run");
    }
}
