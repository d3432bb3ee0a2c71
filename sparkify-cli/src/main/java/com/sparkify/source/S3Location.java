package com.sparkify.source;

import static java.util.Objects.requireNonNull;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;

/**
 * A place in S3: every object of {@code bucket} under {@code prefix} as if it were a folder, or the one
 * object whose key is {@code prefix}.
 *
 * @param bucket the bucket name
 * @param prefix a key prefix without a leading slash; empty for the whole bucket
 */
public record S3Location(String bucket, String prefix) {
    public S3Location {
        requireNonNull(bucket, "bucket is null");
        requireNonNull(prefix, "prefix is null");
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("bucket is empty");
        }
    }

    /** True for the values that name an S3 location: {@code s3://...} and Hadoop's {@code s3a://...}. */
    public static boolean isS3(String value) {
        return value.startsWith("s3://") || value.startsWith("s3a://");
    }

    /** Parses {@code s3://bucket/prefix} (or {@code s3a://}); the prefix may be empty. */
    public static S3Location parse(String value) {
        String rest = value.substring(value.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!isS3(value) || bucket.isEmpty() || bucket.contains(":") || bucket.contains("@")) {
            throw new SparkifyException(
                    ErrorCode.CONFIG, "Expected an S3 location such as s3://BUCKET/PREFIX, found '" + value + "'");
        }
        return new S3Location(bucket, prefix);
    }

    /** Whether {@code key} is this object or lies in this folder; {@code song_data} does not hold {@code song_data2/x}. */
    boolean holds(String key) {
        if (prefix.isEmpty() || prefix.endsWith("/") || key.equals(prefix)) {
            return key.startsWith(prefix);
        }
        return key.startsWith(prefix + "/");
    }

    /** The uri of an object of this bucket, as the ledger keeps it. */
    String uri(String key) {
        return "s3://" + bucket + "/" + key;
    }

    /** The key of an object of this bucket, from its uri. */
    String key(String uri) {
        return uri.substring(("s3://" + bucket + "/").length());
    }

    @Override
    public String toString() {
        return uri(prefix);
    }
}
