package com.sparkify.warehouse;

import com.sparkify.ingest.FileCounts;
import com.sparkify.ingest.RejectSink;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import java.util.List;

/** Bulk-loads raw files into {@code staging_events} or {@code staging_songs}, never row by row. */
public interface StagingLoader {
    /** Told about each file as soon as it is staged, for progress. */
    @FunctionalInterface
    interface Listener {
        void staged(SourceFile file, FileCounts counts);
    }

    /**
     * Called before the run's transaction begins, with auto-commit on, for engines whose own reader must
     * not run inside the transaction. Rows staged here carry {@code loadId}; they are published only when
     * the run commits its ledger, and discarded by the pipeline otherwise. Calls {@code listener} for each
     * file staged here; {@link #stage} then stages only the others.
     */
    default void prefetch(List<SourceFile> files, FileSource source, long loadId, Listener listener) {}

    /**
     * Stages every file, all of one kind, in the current transaction; each record is staged with {@code
     * loadId} or sent to {@code rejects}. Calls {@code listener} once per file, in any order.
     */
    void stage(List<SourceFile> files, FileSource source, long loadId, RejectSink rejects, Listener listener);
}
