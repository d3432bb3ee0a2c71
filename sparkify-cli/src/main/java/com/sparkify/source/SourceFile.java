package com.sparkify.source;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One raw file found by a {@link FileSource}.
 *
 * @param uri stable identity used by the load ledger: an absolute path, or {@code s3://bucket/key}
 * @param kind songs or events
 * @param size size in bytes
 * @param changeMarker changes whenever the content may have changed (modification time and size, or ETag)
 * @param localPath the file on this machine, when there is one
 */
public record SourceFile(String uri, DataKind kind, long size, String changeMarker, Optional<Path> localPath) {
    public SourceFile {
        requireNonNull(uri, "uri is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(changeMarker, "changeMarker is null");
        requireNonNull(localPath, "localPath is null");
    }

    /**
     * This file as the ledger records it when it was not read whole for a reason other than its content (an
     * I/O error, a download cut short): a change marker no listing gives, so that the next run reads it again.
     */
    public SourceFile readIncompletely() {
        return new SourceFile(uri, kind, size, changeMarker + "-incomplete", localPath);
    }

    public boolean gzipped() {
        return uri.endsWith(".gz");
    }
}
