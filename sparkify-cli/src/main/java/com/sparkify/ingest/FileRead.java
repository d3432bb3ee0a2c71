package com.sparkify.ingest;

import static java.util.Objects.requireNonNull;

import com.sparkify.source.SourceFile;

/**
 * How one file was read.
 *
 * @param file the file as the ledger should record it: as listed, or {@link SourceFile#readIncompletely()}
 *     when its stream failed for a reason a second reading may not meet
 * @param counts its records
 */
public record FileRead(SourceFile file, FileCounts counts) {
    public FileRead {
        requireNonNull(file, "file is null");
        requireNonNull(counts, "counts is null");
    }
}
