package com.sparkify.pipeline;

import static java.util.Objects.requireNonNull;

import com.sparkify.source.FileSource;

/**
 * What one {@code etl} run should do.
 *
 * @param songs where song files are
 * @param logs where event logs are
 * @param fullRefresh forget everything loaded before and load every file again
 * @param maxErrors rejected records tolerated before the run refuses to publish (Redshift's MAXERROR)
 */
public record EtlOptions(FileSource songs, FileSource logs, boolean fullRefresh, long maxErrors) {
    public EtlOptions {
        requireNonNull(songs, "songs is null");
        requireNonNull(logs, "logs is null");
        if (maxErrors < 0) {
            throw new IllegalArgumentException("maxErrors must be >= 0, was " + maxErrors);
        }
    }
}
