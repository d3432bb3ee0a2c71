package com.sparkify.source;

import com.sparkify.ErrorCode;
import com.sparkify.Messages;
import com.sparkify.SparkifyException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Turns an AWS SDK failure into one line that names the bucket, prefix and endpoint and says what to do.
 * Messages are built here rather than passed on, so no credential the SDK may know ends up in them.
 */
final class S3Errors {
    private static final Set<String> BAD_CREDENTIALS = Set.of(
            "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken", "TokenRefreshRequired");

    private final S3Location location;
    private final String endpoint;
    private final DataKind kind;
    private final String hint;

    S3Errors(S3Location location, DataKind kind, String endpoint) {
        this.location = location;
        this.endpoint = endpoint;
        this.kind = kind;
        this.hint = kind == DataKind.SONGS ? "--songs or [S3] SONG_DATA" : "--logs or [S3] LOG_DATA";
    }

    /** The location and its endpoint, for messages. */
    String describe() {
        return location + " at " + endpoint;
    }

    /** S3 has no folders: an empty prefix is the S3 form of a path that does not exist. */
    SparkifyException nothingThere() {
        return new SparkifyException(
                ErrorCode.INPUT,
                "Expected " + kind.label() + " data at " + describe() + ", found no objects there; check " + hint);
    }

    /** A failure while listing the location, or while reading the object {@code uri} in it. */
    SparkifyException translate(SdkException e, String uri) {
        String at = uri + " at " + endpoint;
        if (e instanceof NoSuchBucketException) {
            return new SparkifyException(
                    ErrorCode.INPUT,
                    "Expected a bucket '" + location.bucket() + "' at " + endpoint + " for " + location
                            + ", found none (NoSuchBucket); check " + hint + " and the S3 endpoint",
                    e);
        }
        if (e instanceof NoSuchKeyException) {
            return new SparkifyException(
                    ErrorCode.INPUT, "Cannot read " + at + ": it was deleted after it was listed; run etl again", e);
        }
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service(service, at);
        }
        if (causedBy(e, UnknownHostException.class)) {
            return new SparkifyException(
                    ErrorCode.CONFIG,
                    "Cannot resolve the host of " + endpoint + " to read " + location
                            + " (unknown host); check --s3-endpoint, or the network",
                    e);
        }
        if (causedBy(e, ConnectException.class) || causedBy(e, SocketTimeoutException.class)) {
            return new SparkifyException(
                    ErrorCode.CONFIG,
                    "Cannot connect to " + endpoint + " to read " + location
                            + "; check --s3-endpoint, or that the store is running and reachable",
                    e);
        }
        if (String.valueOf(e.getMessage()).contains("Unable to load credentials")) {
            return new SparkifyException(
                    ErrorCode.CONFIG,
                    "Found no AWS credentials to read " + location + " at " + endpoint
                            + "; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE",
                    e);
        }
        return new SparkifyException(ErrorCode.INPUT, "Cannot read " + at + ": " + Messages.firstLine(e), e);
    }

    /**
     * Whether a download failed after the object's answer began: the connection broke or closed before the
     * end of the body. The object is then one reject, which the next run reads again; a store that cannot be
     * reached at all still ends the run.
     */
    static boolean cutShort(SdkException e) {
        return !(e instanceof AwsServiceException)
                && causedBy(e, java.io.IOException.class)
                && !causedBy(e, UnknownHostException.class)
                && !causedBy(e, ConnectException.class)
                && !causedBy(e, SocketTimeoutException.class);
    }

    private SparkifyException service(AwsServiceException e, String at) {
        String code = e.awsErrorDetails().errorCode();
        String why = e.statusCode() + " " + code;
        if (BAD_CREDENTIALS.contains(code)) {
            return new SparkifyException(
                    ErrorCode.CONFIG,
                    "S3 refused the AWS credentials in use to read " + at + " (" + why
                            + "); check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or AWS_PROFILE",
                    e);
        }
        if (e.statusCode() == 403) {
            return new SparkifyException(
                    ErrorCode.INPUT,
                    "Access denied to " + at + " (" + why
                            + "); the AWS credentials in use need s3:ListBucket and s3:GetObject there",
                    e);
        }
        String message = e.awsErrorDetails().errorMessage();
        return new SparkifyException(
                ErrorCode.INPUT, "Cannot read " + at + " (" + why + (message == null ? "" : ": " + message) + ")", e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
