package com.sparkify.ingest;

import static java.util.Objects.requireNonNull;

import com.sparkify.source.DataKind;

/**
 * A record that could not be staged, kept for the {@code load_errors} table.
 *
 * @param kind songs or events
 * @param sourceFile uri of the file
 * @param lineNumber 1-based line where the record starts
 * @param reason what was expected and what was found
 * @param rawText the record as it was read (invalid UTF-8 shown as U+FFFD)
 */
public record Reject(DataKind kind, String sourceFile, long lineNumber, String reason, String rawText) {
    public Reject {
        requireNonNull(kind, "kind is null");
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(rawText, "rawText is null");
    }
}
