package com.sparkify.pipeline;

import com.sparkify.ingest.FileCounts;
import com.sparkify.warehouse.ClientClock;
import com.sparkify.warehouse.WarehouseSession;
import java.util.Arrays;
import java.util.List;

/** The {@code etl_runs} table, written on the side session, which commits each statement: every run leaves a trace. */
final class RunLog {
    private final WarehouseSession side;

    RunLog(WarehouseSession side) {
        this.side = side;
    }

    /** Records a new run as running; returns its id. */
    long start() {
        long runId = side.queryLong(side.scripts().statement("run_next_id"));
        side.update("run_start", List.of(runId, ClientClock.now()));
        return runId;
    }

    void finish(long runId, RunStatus status, int filesLoaded, FileCounts counts, long songplays, String message) {
        side.update(
                "run_finish",
                Arrays.asList(
                        ClientClock.now(),
                        status.label(),
                        (long) filesLoaded,
                        counts.read(),
                        counts.staged(),
                        counts.rejected(),
                        songplays,
                        message,
                        runId));
    }
}
