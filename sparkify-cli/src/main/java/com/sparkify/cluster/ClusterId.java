package com.sparkify.cluster;

import static java.util.Objects.requireNonNull;

import com.sparkify.config.Settings;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which cluster and role {@code sparkify cluster} works on.
 *
 * @param identifier {@code [CLUSTER] CLUSTER_IDENTIFIER}, else the first label of {@code [CLUSTER] HOST}
 * @param roleName {@code [IAM_ROLE] ROLE_NAME}, else the name in {@code [IAM_ROLE] ARN}
 * @param port {@code [CLUSTER] DB_PORT}, 5439 by default
 * @param region {@code [CLUSTER] REGION}, else the region in {@code [CLUSTER] HOST}; absent for the AWS SDK's
 *     default
 * @param givenRoleArn {@code [IAM_ROLE] ARN} when no {@code ROLE_NAME} is given: a role someone else made,
 *     which sparkify uses and never creates, changes or deletes
 */
public record ClusterId(
        String identifier, String roleName, int port, Optional<String> region, Optional<String> givenRoleArn) {
    public static final int DEFAULT_PORT = 5439;

    /** {@code IDENTIFIER.UNIQUE.REGION.redshift.amazonaws.com}, the endpoint a provisioned cluster gets. */
    private static final Pattern HOST = Pattern.compile(
            "([a-z][a-z0-9-]*)\\.[a-z0-9]+\\.([a-z]{2}(?:-[a-z]+)+-\\d+)\\.redshift\\.amazonaws\\.com(?:\\.cn)?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/(?:[^/]+/)*([^/]+)");

    public ClusterId {
        requireNonNull(identifier, "identifier is null");
        requireNonNull(roleName, "roleName is null");
        requireNonNull(region, "region is null");
        requireNonNull(givenRoleArn, "givenRoleArn is null");
    }

    public static ClusterId of(Settings settings) {
        RequiredKeys keys = new RequiredKeys();
        ClusterId id = of(settings, keys);
        keys.check();
        return id;
    }

    /** The id, or null with what is missing noted in {@code keys}. */
    static ClusterId of(Settings settings, RequiredKeys keys) {
        Optional<Matcher> host = settings.cluster().host().map(HOST::matcher).filter(Matcher::matches);
        String identifier = keys.get(
                settings.aws().clusterIdentifier().or(() -> host.map(matcher -> matcher.group(1))),
                "[CLUSTER] CLUSTER_IDENTIFIER",
                "dwhcluster");
        Optional<String> givenArn = settings.aws().roleName().isPresent()
                ? Optional.empty()
                : settings.iamRoleArn().map(ClusterId::checkArn);
        String roleName = keys.get(
                settings.aws().roleName().or(() -> givenArn.map(ClusterId::roleName)),
                "[IAM_ROLE] ROLE_NAME or ARN",
                "dwhRole");
        if (identifier == null || roleName == null) {
            return null;
        }
        return new ClusterId(
                identifier,
                roleName,
                settings.cluster().port().orElse(DEFAULT_PORT),
                settings.aws().region().or(() -> host.map(matcher -> matcher.group(2))),
                givenArn);
    }

    private static String checkArn(String arn) {
        if (!ROLE_ARN.matcher(arn).matches()) {
            throw new com.sparkify.SparkifyException(
                    com.sparkify.ErrorCode.CONFIG,
                    "Expected an IAM role ARN like arn:aws:iam::123456789012:role/dwhRole for [IAM_ROLE] ARN, found '"
                            + arn + "'");
        }
        return arn;
    }

    private static String roleName(String arn) {
        Matcher matcher = ROLE_ARN.matcher(arn);
        matcher.matches();
        return matcher.group(1);
    }

    /** Whether the role is sparkify's to create and delete, rather than given by {@code [IAM_ROLE] ARN}. */
    public boolean managesRole() {
        return givenRoleArn.isEmpty();
    }

    /** The description of the ingress rule sparkify adds, so that delete removes that rule and no other. */
    String ingressDescription() {
        return "sparkify cluster " + identifier;
    }
}
