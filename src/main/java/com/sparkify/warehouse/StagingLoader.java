package com.sparkify.warehouse;

import com.sparkify.ingest.FileCounts;
import com.sparkify.ingest.RejectSink;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import java.util.List;
import java.util.Map;

/** Bulk-loads raw files into {@code staging_events} or {@code staging_songs}, never row by row. */
public interface StagingLoader {
    /** Told about each file as soon as it is staged, for progress. */
    @FunctionalInterface
    interface Listener {
        void staged(SourceFile file, FileCounts counts);

        /**
         * Told, before {@link #staged}, how many staged records of {@code file} held each top-level key the
         * staging layout does not know; an engine that cannot see the records (Redshift's COPY) never calls it.
         */
        default void unknownKeys(SourceFile file, Map<String, Long> recordsByKey) {}
    }

    /**
     * Called before the run's transaction begins, with auto-commit on, for engines whose own reader must
     * not run inside the transaction. Rows staged here carry {@code loadId}; they are published only when
     * the run commits its ledger, and discarded by the pipeline otherwise. Calls {@code listener} for each
     * file staged here; {@link #stage} then stages only the others.
     */
    default void prefetch(List<SourceFile> files, FileSource source, long loadId, Listener listener) {}

    /**
     * Stages every file, all of one kind; each record is staged with {@code loadId} or sent to {@code
     * rejects}. Calls {@code listener} once per file, in any order. The pipeline calls it before the run's
     * first statement: an engine stages in the run's transaction, or in its own ones (DuckDB), since rows of
     * {@code loadId} are published only by the run's commit, as with {@link #prefetch}.
     */
    void stage(List<SourceFile> files, FileSource source, long loadId, RejectSink rejects, Listener listener);

    /**
     * What {@link #stage} would run for these files, all of one kind, for {@code etl --plan}: SQL statements,
     * and {@code --} comments for work that is not SQL. Runs nothing; never shows a secret.
     */
    default List<String> plannedStatements(List<SourceFile> files, long loadId) {
        String kind = files.get(0).kind().label();
        return List.of("-- stage " + files.size() + " " + kind + " files into staging_" + kind
                + " with this engine's bulk loader, load_id " + loadId
                + "; records that cannot be staged go to load_errors");
    }
}
