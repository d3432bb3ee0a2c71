package com.sparkify.cli;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.LocalFileSource;
import java.nio.file.Path;
import java.util.Optional;

/** Turns a --songs or --logs value into a {@link FileSource}. */
final class Sources {
    private Sources() {}

    static FileSource of(Optional<String> location, DataKind kind) {
        String flag = kind == DataKind.SONGS ? "--songs" : "--logs";
        String key = kind == DataKind.SONGS ? "SONG_DATA" : "LOG_DATA";
        String value = location.orElseThrow(() -> new SparkifyException(
                ErrorCode.CONFIG,
                "Expected the location of the " + kind.label() + " data, found none; pass " + flag
                        + " PATH or set [S3] " + key + " in dwh.cfg"));
        if (value.startsWith("s3://") || value.startsWith("s3a://")) {
            throw new SparkifyException(
                    ErrorCode.CONFIG,
                    "S3 locations are not supported yet (" + flag + " " + value + "); use a local path");
        }
        return new LocalFileSource(Path.of(value), kind);
    }
}
