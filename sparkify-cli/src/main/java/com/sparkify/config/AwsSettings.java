package com.sparkify.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The AWS side of dwh.cfg: what {@code sparkify cluster} creates, and where Redshift's COPY keeps the files it
 * writes. Every value is optional here; the commands that need one say which key is missing.
 *
 * @param region {@code [CLUSTER] REGION}: the region of the cluster; absent to use the AWS SDK's default
 *     ({@code AWS_REGION}, then the profile)
 * @param clusterIdentifier {@code [CLUSTER] CLUSTER_IDENTIFIER}
 * @param clusterType {@code [CLUSTER] CLUSTER_TYPE}: {@code multi-node} or {@code single-node}
 * @param numNodes {@code [CLUSTER] NUM_NODES}
 * @param nodeType {@code [CLUSTER] NODE_TYPE}, such as {@code dc2.large} or {@code ra3.large}
 * @param roleName {@code [IAM_ROLE] ROLE_NAME}: the IAM role Redshift assumes to read S3
 * @param manifestPrefix {@code [S3] MANIFEST_PREFIX}: an {@code s3://bucket/folder} where sparkify writes COPY
 *     manifests and JSONPaths files
 * @param dataRegion {@code [S3] REGION}: the region of the input buckets, when it is not the cluster's
 */
public record AwsSettings(
        Optional<String> region,
        Optional<String> clusterIdentifier,
        Optional<String> clusterType,
        Optional<Integer> numNodes,
        Optional<String> nodeType,
        Optional<String> roleName,
        Optional<String> manifestPrefix,
        Optional<String> dataRegion) {
    public AwsSettings {
        requireNonNull(region, "region is null");
        requireNonNull(clusterIdentifier, "clusterIdentifier is null");
        requireNonNull(clusterType, "clusterType is null");
        requireNonNull(numNodes, "numNodes is null");
        requireNonNull(nodeType, "nodeType is null");
        requireNonNull(roleName, "roleName is null");
        requireNonNull(manifestPrefix, "manifestPrefix is null");
        requireNonNull(dataRegion, "dataRegion is null");
    }

    public static AwsSettings none() {
        return new AwsSettings(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
