package com.sparkify.cluster;

import static java.util.Objects.requireNonNull;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.Settings;
import java.util.Optional;

/**
 * Which cluster and role {@code sparkify cluster} works on.
 *
 * @param identifier {@code [CLUSTER] CLUSTER_IDENTIFIER}
 * @param roleName {@code [IAM_ROLE] ROLE_NAME}
 * @param port {@code [CLUSTER] DB_PORT}, 5439 by default
 * @param region {@code [CLUSTER] REGION}; absent for the AWS SDK's default
 */
public record ClusterId(String identifier, String roleName, int port, Optional<String> region) {
    public static final int DEFAULT_PORT = 5439;

    public ClusterId {
        requireNonNull(identifier, "identifier is null");
        requireNonNull(roleName, "roleName is null");
        requireNonNull(region, "region is null");
    }

    public static ClusterId of(Settings settings) {
        return new ClusterId(
                require(settings.aws().clusterIdentifier(), "[CLUSTER] CLUSTER_IDENTIFIER", "dwhcluster"),
                require(settings.aws().roleName(), "[IAM_ROLE] ROLE_NAME", "dwhRole"),
                settings.cluster().port().orElse(DEFAULT_PORT),
                settings.aws().region());
    }

    static <T> T require(Optional<T> value, String key, String example) {
        return value.orElseThrow(() -> new SparkifyException(
                ErrorCode.CONFIG, "Expected " + key + " in the config (such as " + example + "), found none"));
    }

    /** The description of the ingress rule sparkify adds, so that delete removes that rule and no other. */
    String ingressDescription() {
        return "sparkify cluster " + identifier;
    }
}
