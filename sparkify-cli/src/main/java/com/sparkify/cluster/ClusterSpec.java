package com.sparkify.cluster;

import static java.util.Objects.requireNonNull;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.Secret;
import com.sparkify.config.Settings;
import java.util.Locale;
import java.util.Optional;

/**
 * The cluster {@code sparkify cluster create} makes, from the config's {@code [CLUSTER]} section.
 *
 * @param id which cluster and role
 * @param clusterType {@code single-node} or {@code multi-node}; by default multi-node when NUM_NODES is above 1
 * @param numberOfNodes {@code [CLUSTER] NUM_NODES}, 1 by default
 * @param nodeType {@code [CLUSTER] NODE_TYPE}
 * @param database {@code [CLUSTER] DB_NAME}
 * @param user {@code [CLUSTER] DB_USER}, the admin user
 * @param password {@code [CLUSTER] DB_PASSWORD}
 */
public record ClusterSpec(
        ClusterId id,
        String clusterType,
        int numberOfNodes,
        String nodeType,
        String database,
        String user,
        Secret password) {
    public ClusterSpec {
        requireNonNull(id, "id is null");
        requireNonNull(clusterType, "clusterType is null");
        requireNonNull(nodeType, "nodeType is null");
        requireNonNull(database, "database is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
    }

    /** The cluster to create; every key it needs and lacks is named in one message. */
    public static ClusterSpec of(Settings settings) {
        RequiredKeys keys = new RequiredKeys();
        ClusterId id = ClusterId.of(settings, keys);
        int nodes = settings.aws().numNodes().orElse(1);
        String type = settings.aws()
                .clusterType()
                .map(value -> value.toLowerCase(Locale.ROOT))
                .orElse(nodes > 1 ? "multi-node" : "single-node");
        if (!type.equals("single-node") && !type.equals("multi-node")) {
            throw new SparkifyException(
                    ErrorCode.CONFIG,
                    "Expected single-node or multi-node for [CLUSTER] CLUSTER_TYPE, found '" + type + "'");
        }
        if (type.equals("multi-node") ? nodes < 2 : nodes != 1) {
            throw new SparkifyException(
                    ErrorCode.CONFIG,
                    "Expected [CLUSTER] NUM_NODES " + (type.equals("multi-node") ? "of 2 or more" : "of 1") + " for a "
                            + type + " cluster, found " + nodes);
        }
        String nodeType = keys.get(settings.aws().nodeType(), "[CLUSTER] NODE_TYPE", "ra3.large");
        String database = keys.get(settings.cluster().database(), "[CLUSTER] DB_NAME", "dev");
        String user = keys.get(settings.cluster().user(), "[CLUSTER] DB_USER", "awsuser");
        Secret password = keys.get(settings.cluster().password(), "[CLUSTER] DB_PASSWORD", "Passw0rdPassw0rd");
        keys.check();
        checkPassword(password.reveal());
        return new ClusterSpec(id, type, nodes, nodeType, database, user, password);
    }

    /** Redshift's rules for an admin password, checked before anything is created. The password is not shown. */
    static void checkPassword(String password) {
        boolean upper = password.chars().anyMatch(Character::isUpperCase);
        boolean lower = password.chars().anyMatch(Character::isLowerCase);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        boolean allowed = password.chars().allMatch(c -> c > ' ' && c < 127 && "'\"\\/@".indexOf(c) < 0);
        if (password.length() < 8 || password.length() > 64 || !upper || !lower || !digit || !allowed) {
            throw new SparkifyException(
                    ErrorCode.CONFIG,
                    "Expected a [CLUSTER] DB_PASSWORD Redshift accepts (8 to 64 characters, with an upper-case "
                            + "letter, a lower-case letter and a digit; no space, ' \" \\ / or @), found one that is not");
        }
    }

    public Optional<String> region() {
        return id.region();
    }
}
