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
     * Stages every file, all of one kind; each record is staged with {@code loadId} or sent to {@code
     * rejects}. Calls {@code listener} once per file, in any order. The pipeline calls it in {@link
     * Phase#STAGE}, before the run's first statement: an engine stages in the run's transaction, or in
     * transactions of its own that it opens and ends itself (DuckDB), since rows of {@code loadId} count only
     * once the run commits its ledger rows.
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
