package com.sparkify.warehouse.redshift;

import static java.util.Objects.requireNonNull;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.Settings;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Redshift's COPY needs from the config. Each value goes into SQL, so each is checked against a strict
 * pattern first: a value that needs quoting is refused rather than quoted.
 *
 * @param iamRoleArn {@code [IAM_ROLE] ARN}: the role the cluster assumes to read S3
 * @param manifestPrefix {@code [S3] MANIFEST_PREFIX}: where sparkify writes manifests and JSONPaths files
 * @param logJsonPath {@code [S3] LOG_JSONPATH}: the classic JSONPaths file of the event logs, if any
 * @param dataRegion {@code [S3] REGION}: the region of the buckets, when it is not the cluster's
 */
record CopySettings(
        Optional<String> iamRoleArn,
        Optional<String> manifestPrefix,
        Optional<String> logJsonPath,
        Optional<String> dataRegion) {
    /** The largest MAXERROR Redshift accepts. */
    static final int MAX_ERRORS = 100_000;

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+");
    private static final Pattern S3_URI =
            Pattern.compile("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[A-Za-z0-9!_.*()/=+,:@&$-]*)?");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]");

    CopySettings {
        requireNonNull(iamRoleArn, "iamRoleArn is null");
        requireNonNull(manifestPrefix, "manifestPrefix is null");
        requireNonNull(logJsonPath, "logJsonPath is null");
        requireNonNull(dataRegion, "dataRegion is null");
    }

    static CopySettings of(Settings settings) {
        return new CopySettings(
                settings.iamRoleArn().map(value -> check(value, ROLE_ARN, "[IAM_ROLE] ARN", "an IAM role ARN")),
                settings.aws()
                        .manifestPrefix()
                        .map(value ->
                                check(stripSlash(value), S3_URI, "[S3] MANIFEST_PREFIX", "an s3://bucket/folder")),
                settings.logJsonPath()
                        .map(value ->
                                check(value, S3_URI, "[S3] LOG_JSONPATH", "an s3://bucket/key of a JSONPaths file")),
                settings.aws().dataRegion().map(value -> check(value, REGION, "[S3] REGION", "an AWS region")));
    }

    /** These settings with {@code role} where the config names none. */
    CopySettings withRole(String role) {
        return new CopySettings(
                iamRoleArn.or(() -> java.util.Optional.of(role)), manifestPrefix, logJsonPath, dataRegion);
    }

    String requireRole() {
        return iamRoleArn.orElseThrow(() -> new SparkifyException(
                ErrorCode.CONFIG,
                "Expected [IAM_ROLE] ARN in the config (the role Redshift assumes to read S3), found none; "
                        + "sparkify cluster create writes it"));
    }

    String requirePrefix() {
        return manifestPrefix.orElseThrow(() -> new SparkifyException(
                ErrorCode.CONFIG,
                "Expected [S3] MANIFEST_PREFIX in the config (an s3://bucket/folder sparkify may write COPY manifests "
                        + "to, in the region of the data), found none"));
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static String check(String value, Pattern pattern, String key, String what) {
        if (!pattern.matcher(value).matches()) {
            throw new SparkifyException(
                    ErrorCode.CONFIG, "Expected " + what + " for " + key + ", found '" + value + "'");
        }
        return value;
    }
}
