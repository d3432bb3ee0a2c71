package com.sparkify.pipeline;

import static java.util.Objects.requireNonNull;

import com.sparkify.ingest.FileCounts;
import com.sparkify.ingest.UnknownKey;
import com.sparkify.quality.CheckReport;
import java.util.List;

/**
 * What one {@code etl} run did. Records reconcile: {@code read = staged + rejected}, per file and in total.
 *
 * @param runId id in etl_runs, also the load_id of the staged rows and rejects
 * @param status how it ended
 * @param filesFound input files found
 * @param filesLoaded new or changed files staged
 * @param filesChanged of those, files loaded before in another version
 * @param songs record counts of song files staged
 * @param events record counts of event files staged
 * @param rejectReasons a few reasons of rejected records, with file and line
 * @param tables star schema counts after the run (before it, when nothing was published)
 * @param checks data-quality results; empty when the run stopped before the checks
 * @param maxErrors the --max-errors in force
 * @param millis wall time
 * @param emptySources sources in which no file was found at all
 * @param unknownKeys keys of staged records that no staging column holds (schema drift), by kind and key
 */
public record EtlResult(
        long runId,
        RunStatus status,
        int filesFound,
        int filesLoaded,
        int filesChanged,
        FileCounts songs,
        FileCounts events,
        List<String> rejectReasons,
        TableCounts tables,
        CheckReport checks,
        long maxErrors,
        long millis,
        List<EmptySource> emptySources,
        List<UnknownKey> unknownKeys) {
    public EtlResult {
        requireNonNull(status, "status is null");
        requireNonNull(songs, "songs is null");
        requireNonNull(events, "events is null");
        rejectReasons = List.copyOf(rejectReasons);
        requireNonNull(tables, "tables is null");
        requireNonNull(checks, "checks is null");
        emptySources = List.copyOf(emptySources);
        unknownKeys = List.copyOf(unknownKeys);
    }

    public FileCounts total() {
        return songs.plus(events);
    }
}
