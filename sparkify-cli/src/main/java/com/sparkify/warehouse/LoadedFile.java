package com.sparkify.warehouse;

import static java.util.Objects.requireNonNull;

import com.sparkify.ingest.FileCounts;
import com.sparkify.source.SourceFile;

/**
 * A file a run staged, and how its records went: one row of the ledger, {@code etl_files}.
 *
 * @param file the file, in the version staged
 * @param counts its records read, staged and rejected
 */
public record LoadedFile(SourceFile file, FileCounts counts) {
    public LoadedFile {
        requireNonNull(file, "file is null");
        requireNonNull(counts, "counts is null");
    }
}
