package com.sparkify.cluster;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What AWS says about the cluster and its role.
 *
 * @param identifier the cluster identifier
 * @param status {@code creating}, {@code available}, {@code deleting}, ...; absent when there is no cluster
 * @param endpoint {@code host} once the cluster has one
 * @param port its port
 * @param nodeType node type
 * @param numberOfNodes nodes
 * @param roleArn the role's ARN, absent when there is no role
 * @param securityGroups the cluster's VPC security groups
 * @param openTo the addresses sparkify opened the port to
 */
public record ClusterState(
        String identifier,
        Optional<String> status,
        Optional<String> endpoint,
        int port,
        Optional<String> nodeType,
        int numberOfNodes,
        Optional<String> roleArn,
        List<String> securityGroups,
        List<String> openTo) {
    public ClusterState {
        requireNonNull(identifier, "identifier is null");
        requireNonNull(status, "status is null");
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(nodeType, "nodeType is null");
        requireNonNull(roleArn, "roleArn is null");
        securityGroups = List.copyOf(securityGroups);
        openTo = List.copyOf(openTo);
    }

    public boolean exists() {
        return status.isPresent();
    }
}
