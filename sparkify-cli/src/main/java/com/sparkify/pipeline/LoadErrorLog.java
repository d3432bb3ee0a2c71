package com.sparkify.pipeline;

import com.sparkify.ingest.Reject;
import com.sparkify.ingest.RejectSink;
import com.sparkify.warehouse.ClientClock;
import com.sparkify.warehouse.WarehouseSession;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes rejects to {@code load_errors} on the side session, in batches, so that they stay for inspection
 * even when the run itself is rolled back.
 */
final class LoadErrorLog implements RejectSink {
    private static final int BATCH = 500;
    private static final int SAMPLE_REASONS = 3;

    private final WarehouseSession side;
    private final long loadId;
    private final Set<String> sampleReasons = new LinkedHashSet<>();
    private final List<List<?>> pending = new ArrayList<>();
    private long count;

    LoadErrorLog(WarehouseSession side, long loadId) {
        this.side = side;
        this.loadId = loadId;
    }

    @Override
    public void reject(Reject reject) {
        count++;
        if (sampleReasons.size() < SAMPLE_REASONS) {
            sampleReasons.add(reject.reason() + " (" + reject.sourceFile() + " line " + reject.lineNumber() + ")");
        }
        pending.add(Arrays.asList(
                loadId,
                reject.kind().label(),
                reject.sourceFile(),
                reject.lineNumber(),
                reject.reason(),
                reject.rawText()));
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        LocalDateTime now = ClientClock.now();
        side.updateAll(
                "load_error_insert",
                pending.stream().map(row -> append(row, now)).toList());
        pending.clear();
    }

    private static List<Object> append(List<?> row, Object value) {
        List<Object> values = new ArrayList<>(row);
        values.add(value);
        return values;
    }

    long count() {
        return count;
    }

    List<String> sampleReasons() {
        return List.copyOf(sampleReasons);
    }
}
