package com.sparkify.cluster;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.redshift.model.Cluster;
import software.amazon.awssdk.services.redshift.model.ClusterNotFoundException;

/**
 * Creates, describes and deletes the cluster and its IAM role. Every step can be repeated: an existing role
 * or cluster is reused, a rule already there is kept, something already gone is not an error.
 */
public final class ClusterProvisioner {
    /** The AWS managed policy the role gets: read any S3 object, write none. */
    public static final String S3_READ_ONLY = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

    /** The description sparkify gives the role it creates: how delete tells its own role from anyone else's. */
    static final String ROLE_DESCRIPTION = "Lets Redshift read S3 for sparkify";

    static final String TRUST_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"redshift.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private final AwsClients aws;
    private final Consumer<String> progress;
    private final Pause pause;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration timeout;

    public ClusterProvisioner(
            AwsClients aws,
            Consumer<String> progress,
            Pause pause,
            Clock clock,
            Duration pollInterval,
            Duration timeout) {
        this.aws = aws;
        this.progress = progress;
        this.pause = pause;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /** Role, cluster, then the port opened to {@code caller} alone; waits until the cluster is available. */
    public ClusterState create(ClusterSpec spec, CallerAddress caller) {
        ClusterId id = spec.id();
        String cidr = IngressCidr.forHost(caller.lookup());
        String roleArn;
        if (id.givenRoleArn().isPresent()) {
            roleArn = id.givenRoleArn().get();
            progress.accept("Using IAM role " + roleArn + " of [IAM_ROLE] ARN");
        } else {
            roleArn = ensureRole(id.roleName());
        }
        Optional<Cluster> existing = describe(id.identifier());
        if (existing.isPresent()) {
            String status = existing.get().clusterStatus();
            if (status.equals("deleting")) {
                throw new SparkifyException(
                        ErrorCode.WAREHOUSE_UNREACHABLE,
                        "Cluster " + id.identifier() + " is being deleted; wait for it to go, then create it again");
            }
            progress.accept("Cluster " + id.identifier() + " exists (" + status + "); using it");
        } else {
            progress.accept(
                    "Creating cluster " + id.identifier() + ": " + spec.numberOfNodes() + " x " + spec.nodeType());
            call("redshift:CreateCluster", () -> aws.redshift().createCluster(request -> {
                request.clusterIdentifier(id.identifier())
                        .clusterType(spec.clusterType())
                        .nodeType(spec.nodeType())
                        .dbName(spec.database())
                        .masterUsername(spec.user())
                        .masterUserPassword(spec.password().reveal())
                        .port(id.port())
                        .iamRoles(roleArn)
                        .publiclyAccessible(true);
                if (spec.clusterType().equals("multi-node")) {
                    request.numberOfNodes(spec.numberOfNodes());
                }
            }));
        }
        Cluster cluster = waitFor(
                        id.identifier(),
                        found ->
                                found.isPresent() && found.get().clusterStatus().equals("available"),
                        "available")
                .orElseThrow();
        String group = cluster.vpcSecurityGroups().get(0).vpcSecurityGroupId();
        openPort(group, id, cidr);
        return state(id, Optional.of(cluster), Optional.of(roleArn));
    }

    /** The cluster and role as AWS sees them now. */
    public ClusterState status(ClusterId id) {
        return state(id, describe(id.identifier()), roleArn(id.roleName()));
    }

    /**
     * Closes the port sparkify opened, deletes the cluster without a final snapshot, waits, then deletes the
     * role if sparkify created it.
     *
     * @return whether the role was deleted
     */
    public boolean delete(ClusterId id) {
        Optional<Cluster> cluster = describe(id.identifier());
        if (cluster.isEmpty()) {
            progress.accept("No cluster " + id.identifier() + "; nothing to delete");
        } else {
            for (String group : securityGroups(cluster.get())) {
                closePort(group, id);
            }
            if (!cluster.get().clusterStatus().equals("deleting")) {
                progress.accept("Deleting cluster " + id.identifier() + " (no final snapshot)");
                call("redshift:DeleteCluster", () -> aws.redshift()
                        .deleteCluster(request ->
                                request.clusterIdentifier(id.identifier()).skipFinalClusterSnapshot(true)));
            }
            waitFor(id.identifier(), Optional::isEmpty, "deleted");
        }
        if (!id.managesRole()) {
            progress.accept("IAM role " + id.roleName() + " comes from [IAM_ROLE] ARN; left as it is");
            return false;
        }
        return deleteRole(id.roleName());
    }

    private String ensureRole(String name) {
        String arn;
        try {
            arn = aws.iam()
                    .createRole(request -> request.roleName(name)
                            .assumeRolePolicyDocument(TRUST_POLICY)
                            .description(ROLE_DESCRIPTION))
                    .role()
                    .arn();
            progress.accept("Created IAM role " + name);
        } catch (EntityAlreadyExistsException e) {
            arn = call("iam:GetRole", () -> aws.iam().getRole(request -> request.roleName(name)))
                    .role()
                    .arn();
            progress.accept("IAM role " + name + " exists; using it");
        } catch (SdkException e) {
            throw AwsFailures.translate("iam:CreateRole", e);
        }
        call("iam:AttachRolePolicy", () -> aws.iam()
                .attachRolePolicy(request -> request.roleName(name).policyArn(S3_READ_ONLY)));
        return arn;
    }

    private Optional<String> roleArn(String name) {
        try {
            return Optional.of(
                    aws.iam().getRole(request -> request.roleName(name)).role().arn());
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsFailures.translate("iam:GetRole", e);
        }
    }

    private boolean deleteRole(String name) {
        Optional<String> description;
        try {
            description = Optional.ofNullable(
                    aws.iam().getRole(request -> request.roleName(name)).role().description());
        } catch (NoSuchEntityException e) {
            progress.accept("No IAM role " + name + "; nothing to delete");
            return false;
        } catch (SdkException e) {
            throw AwsFailures.translate("iam:GetRole", e);
        }
        if (!description.equals(Optional.of(ROLE_DESCRIPTION))) {
            progress.accept("IAM role " + name + " was not created by sparkify; left as it is");
            return false;
        }
        try {
            aws.iam().detachRolePolicy(request -> request.roleName(name).policyArn(S3_READ_ONLY));
        } catch (NoSuchEntityException e) {
            // Not attached, or no role: nothing to detach.
        } catch (SdkException e) {
            throw AwsFailures.translate("iam:DetachRolePolicy", e);
        }
        try {
            aws.iam().deleteRole(request -> request.roleName(name));
            progress.accept("Deleted IAM role " + name);
            return true;
        } catch (NoSuchEntityException e) {
            progress.accept("No IAM role " + name + "; nothing to delete");
            return false;
        } catch (SdkException e) {
            throw AwsFailures.translate("iam:DeleteRole", e);
        }
    }

    private void openPort(String group, ClusterId id, String cidr) {
        try {
            aws.ec2().authorizeSecurityGroupIngress(request -> request.groupId(group)
                    .ipPermissions(permission(id, List.of(cidr))));
            progress.accept("Opened port " + id.port() + " of " + group + " to " + cidr);
        } catch (AwsServiceException e) {
            if (!AwsFailures.errorCode(e).equals("InvalidPermission.Duplicate")) {
                throw AwsFailures.translate("ec2:AuthorizeSecurityGroupIngress", e);
            }
            progress.accept("Port " + id.port() + " of " + group + " is already open to " + cidr);
        } catch (SdkException e) {
            throw AwsFailures.translate("ec2:AuthorizeSecurityGroupIngress", e);
        }
    }

    private void closePort(String group, ClusterId id) {
        List<String> ours = openedTo(group, id);
        if (!ours.isEmpty()) {
            call("ec2:RevokeSecurityGroupIngress", () -> aws.ec2()
                    .revokeSecurityGroupIngress(
                            request -> request.groupId(group).ipPermissions(permission(id, ours))));
            progress.accept("Closed port " + id.port() + " of " + group + " to " + String.join(", ", ours));
        }
    }

    /** The addresses of the rules sparkify added to {@code group}, found by their description. */
    private List<String> openedTo(String group, ClusterId id) {
        return call("ec2:DescribeSecurityGroups", () -> aws.ec2()
                        .describeSecurityGroups(request -> request.groupIds(group)))
                .securityGroups()
                .stream()
                .flatMap(securityGroup -> securityGroup.ipPermissions().stream())
                .filter(permission -> permission.fromPort() != null && permission.fromPort() == id.port())
                .flatMap(permission -> permission.ipRanges().stream())
                .filter(range -> id.ingressDescription().equals(range.description()))
                .map(IpRange::cidrIp)
                .distinct()
                .toList();
    }

    private static IpPermission permission(ClusterId id, List<String> cidrs) {
        return IpPermission.builder()
                .ipProtocol("tcp")
                .fromPort(id.port())
                .toPort(id.port())
                .ipRanges(cidrs.stream()
                        .map(cidr -> IpRange.builder()
                                .cidrIp(cidr)
                                .description(id.ingressDescription())
                                .build())
                        .toList())
                .build();
    }

    private Optional<Cluster> describe(String identifier) {
        try {
            return aws.redshift().describeClusters(request -> request.clusterIdentifier(identifier)).clusters().stream()
                    .findFirst();
        } catch (ClusterNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsFailures.translate("redshift:DescribeClusters", e);
        }
    }

    private Optional<Cluster> waitFor(String identifier, Predicate<Optional<Cluster>> done, String goal) {
        Instant started = clock.instant();
        Instant deadline = started.plus(timeout);
        while (true) {
            Optional<Cluster> cluster = describe(identifier);
            if (done.test(cluster)) {
                progress.accept("Cluster " + identifier + " is " + goal + " after " + elapsed(started));
                return cluster;
            }
            String status = cluster.map(Cluster::clusterStatus).orElse("gone");
            if (!clock.instant().isBefore(deadline)) {
                throw new SparkifyException(
                        ErrorCode.WAREHOUSE_UNREACHABLE,
                        "Cluster " + identifier + " is still " + status + " after " + elapsed(started) + ", not " + goal
                                + "; see sparkify cluster status, or the Redshift console");
            }
            progress.accept("Waiting for cluster " + identifier + " to be " + goal + ": " + status + " ("
                    + elapsed(started) + ")");
            try {
                pause.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SparkifyException(ErrorCode.INTERRUPTED, "Interrupted while waiting for " + identifier, e);
            }
        }
    }

    private ClusterState state(ClusterId id, Optional<Cluster> cluster, Optional<String> roleArn) {
        List<String> groups = cluster.map(ClusterProvisioner::securityGroups).orElse(List.of());
        List<String> openTo =
                groups.stream().flatMap(group -> openedTo(group, id).stream()).toList();
        return new ClusterState(
                id.identifier(),
                cluster.map(Cluster::clusterStatus),
                cluster.map(Cluster::endpoint).map(endpoint -> endpoint.address()),
                cluster.map(Cluster::endpoint).map(endpoint -> endpoint.port()).orElse(id.port()),
                cluster.map(Cluster::nodeType),
                cluster.map(Cluster::numberOfNodes).orElse(0),
                roleArn,
                groups,
                openTo);
    }

    private static List<String> securityGroups(Cluster cluster) {
        return cluster.vpcSecurityGroups().stream()
                .map(group -> group.vpcSecurityGroupId())
                .toList();
    }

    private String elapsed(Instant started) {
        Duration duration = Duration.between(started, clock.instant());
        return duration.toMinutes() + "m " + duration.toSecondsPart() + "s";
    }

    private static <T> T call(String action, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw AwsFailures.translate(action, e);
        }
    }
}
