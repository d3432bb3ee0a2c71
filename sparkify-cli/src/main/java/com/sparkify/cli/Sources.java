package com.sparkify.cli;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.LocalFileSource;
import com.sparkify.source.S3Location;
import com.sparkify.source.S3Storage;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns a --songs or --logs value into a {@link FileSource}: a local path, or an s3:// location read from
 * AWS S3 (in {@code s3Region} when given) or the S3-compatible store at {@code s3Endpoint}. Holds the S3
 * client, if any, until closed.
 */
final class Sources implements AutoCloseable {
    private final Optional<String> s3Endpoint;
    private final Optional<String> s3Region;
    private S3Storage s3;

    Sources(Optional<String> s3Endpoint, Optional<String> s3Region) {
        this.s3Endpoint = s3Endpoint;
        this.s3Region = s3Region;
    }

    FileSource of(Optional<String> location, DataKind kind) {
        String flag = kind == DataKind.SONGS ? "--songs" : "--logs";
        String key = kind == DataKind.SONGS ? "SONG_DATA" : "LOG_DATA";
        String value = location.orElseThrow(() -> new SparkifyException(
                ErrorCode.CONFIG,
                "Expected the location of the " + kind.label() + " data, found none; pass " + flag
                        + " PATH or set [S3] " + key + " in dwh.cfg"));
        if (S3Location.isS3(value)) {
            return s3().source(S3Location.parse(value), kind);
        }
        return new LocalFileSource(Path.of(value), kind);
    }

    private S3Storage s3() {
        if (s3 == null) {
            s3 = S3Storage.connect(s3Endpoint, s3Region);
        }
        return s3;
    }

    @Override
    public void close() {
        if (s3 != null) {
            s3.close();
        }
    }
}
