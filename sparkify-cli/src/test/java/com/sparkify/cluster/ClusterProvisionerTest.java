package com.sparkify.cluster;

import static com.sparkify.cluster.FakeAws.IAM;
import static com.sparkify.cluster.FakeAws.REDSHIFT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The AWS calls of {@code sparkify cluster}, against a local server that records them. */
class ClusterProvisionerTest {
    static final String CONFIG =
            """
            [CLUSTER]
            CLUSTER_IDENTIFIER = dwhcluster
            CLUSTER_TYPE = multi-node
            NUM_NODES = 4
            NODE_TYPE = dc2.large
            DB_NAME = dev
            DB_USER = awsuser
            DB_PASSWORD = Passw0rdPassw0rd
            DB_PORT = 5439
            REGION = us-west-2

            [IAM_ROLE]
            ROLE_NAME = dwhRole
            """;

    @TempDir
    Path dir;

    // One server and one set of clients for the class: the SDK takes seconds to start on a busy machine.
    private static FakeAws aws;
    private static AwsClients clients;
    private final List<String> progress = new ArrayList<>();
    private final MovingClock clock = new MovingClock();
    private Duration pollInterval = Duration.ofSeconds(15);

    @BeforeAll
    static void start() throws Exception {
        aws = new FakeAws();
        clients = AwsClients.create(
                Optional.of("us-west-2"),
                Optional.of(aws.endpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKE", "secretfake")));
    }

    @BeforeEach
    void forget() {
        aws.reset();
    }

    @AfterAll
    static void stop() {
        clients.close();
        aws.close();
    }

    private Settings settings(String config) throws Exception {
        Files.writeString(dir.resolve("dwh.cfg"), config);
        return new SettingsResolver(Map.of(), dir).resolve(SettingsResolver.Flags.none());
    }

    private ClusterProvisioner provisioner() {
        return new ClusterProvisioner(
                clients, progress::add, clock::advance, clock, pollInterval, Duration.ofMinutes(30));
    }

    private void createAnswers() {
        aws.on("CreateRole", FakeAws.role("CreateRole", "dwhRole"))
                .on("AttachRolePolicy", FakeAws.empty("AttachRolePolicy", IAM))
                .on(
                        "DescribeClusters",
                        FakeAws.clusterNotFound("dwhcluster"),
                        FakeAws.clusters("dwhcluster", "creating", null),
                        FakeAws.clusters("dwhcluster", "creating", null),
                        FakeAws.clusters("dwhcluster", "available", "dwhcluster.abc.us-west-2.redshift.amazonaws.com"))
                .on(
                        "CreateCluster",
                        FakeAws.ok("CreateCluster", REDSHIFT, FakeAws.cluster("dwhcluster", "creating", null)))
                .on(
                        "AuthorizeSecurityGroupIngress",
                        FakeAws.ec2("AuthorizeSecurityGroupIngress", "<return>true</return>"))
                .on(
                        "DescribeSecurityGroups",
                        FakeAws.securityGroup("5439", "203.0.113.7/32", "sparkify cluster dwhcluster"));
    }

    @Test
    void createMakesTheRoleThenTheClusterThenOpensThePortToTheCallerOnly() throws Exception {
        createAnswers();

        ClusterState state = provisioner().create(ClusterSpec.of(settings(CONFIG)), () -> "203.0.113.7");

        assertThat(aws.actions())
                .containsExactly(
                        "CreateRole",
                        "AttachRolePolicy",
                        "DescribeClusters",
                        "CreateCluster",
                        "DescribeClusters",
                        "DescribeClusters",
                        "DescribeClusters",
                        "AuthorizeSecurityGroupIngress",
                        "DescribeSecurityGroups");
        FakeAws.Call role = aws.calls("CreateRole").get(0);
        assertThat(role.get("RoleName")).isEqualTo("dwhRole");
        assertThat(role.get("AssumeRolePolicyDocument")).contains("redshift.amazonaws.com", "sts:AssumeRole");
        assertThat(aws.calls("AttachRolePolicy").get(0).get("PolicyArn"))
                .isEqualTo("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");

        FakeAws.Call create = aws.calls("CreateCluster").get(0);
        assertThat(create.parameters())
                .containsEntry("ClusterIdentifier", "dwhcluster")
                .containsEntry("ClusterType", "multi-node")
                .containsEntry("NumberOfNodes", "4")
                .containsEntry("NodeType", "dc2.large")
                .containsEntry("DBName", "dev")
                .containsEntry("MasterUsername", "awsuser")
                .containsEntry("MasterUserPassword", "Passw0rdPassw0rd")
                .containsEntry("Port", "5439")
                .containsEntry("PubliclyAccessible", "true")
                .containsEntry("IamRoles.IamRoleArn.1", FakeAws.roleArn("dwhRole"));

        FakeAws.Call ingress = aws.calls("AuthorizeSecurityGroupIngress").get(0);
        assertThat(ingress.parameters())
                .containsEntry("GroupId", "sg-0fake")
                .containsEntry("IpPermissions.1.IpProtocol", "tcp")
                .containsEntry("IpPermissions.1.FromPort", "5439")
                .containsEntry("IpPermissions.1.ToPort", "5439")
                .containsEntry("IpPermissions.1.IpRanges.1.CidrIp", "203.0.113.7/32")
                .containsEntry("IpPermissions.1.IpRanges.1.Description", "sparkify cluster dwhcluster");
        assertThat(aws.calls()).noneMatch(call -> call.parameters().containsValue("0.0.0.0/0"));

        assertThat(state.status()).contains("available");
        assertThat(state.endpoint()).contains("dwhcluster.abc.us-west-2.redshift.amazonaws.com");
        assertThat(state.roleArn()).contains(FakeAws.roleArn("dwhRole"));
        assertThat(state.openTo()).containsExactly("203.0.113.7/32");
        assertThat(progress)
                .anyMatch(line -> line.contains("Waiting for cluster dwhcluster to be available: creating"));
        assertThat(String.join("\n", progress)).doesNotContain("Passw0rdPassw0rd");
    }

    @Test
    void aSingleNodeClusterSendsNoNodeCount() throws Exception {
        createAnswers();
        String config = CONFIG.replace("CLUSTER_TYPE = multi-node\n", "").replace("NUM_NODES = 4", "NUM_NODES = 1");

        provisioner().create(ClusterSpec.of(settings(config)), () -> "203.0.113.7");

        assertThat(aws.calls("CreateCluster").get(0).parameters())
                .containsEntry("ClusterType", "single-node")
                .doesNotContainKey("NumberOfNodes");
    }

    @Test
    void createReusesAnExistingRoleAndAvailableCluster() throws Exception {
        createAnswers();
        aws.on(
                        "CreateRole",
                        FakeAws.error(409, "Sender", "EntityAlreadyExists", "Role with name dwhRole already exists."))
                .on("GetRole", FakeAws.role("GetRole", "dwhRole"))
                .on("DescribeClusters", FakeAws.clusters("dwhcluster", "available", "h.example.com"))
                .on(
                        "AuthorizeSecurityGroupIngress",
                        FakeAws.ec2Error(400, "InvalidPermission.Duplicate", "the specified rule already exists"));

        ClusterState state = provisioner().create(ClusterSpec.of(settings(CONFIG)), () -> "203.0.113.7");

        assertThat(aws.actions()).doesNotContain("CreateCluster").contains("GetRole", "AttachRolePolicy");
        assertThat(state.endpoint()).contains("h.example.com");
        assertThat(progress).anyMatch(line -> line.contains("already open to 203.0.113.7/32"));
    }

    @Test
    void refusesToOpenThePortToAnythingButOneAddress() throws Exception {
        createAnswers();
        Settings settings = settings(CONFIG);

        for (String address : List.of("0.0.0.0", "0.0.0.0/0", "10.0.0.0/8", "not an address", "", "<html>")) {
            assertThatThrownBy(() -> provisioner().create(ClusterSpec.of(settings), () -> address))
                    .isInstanceOf(SparkifyException.class)
                    .hasMessageContaining("Expected this machine's public IPv4 address")
                    .extracting(e -> ((SparkifyException) e).code())
                    .isEqualTo(ErrorCode.CONFIG);
        }
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void aDeniedCallSaysWhichPermissionIsMissing() throws Exception {
        aws.on(
                "CreateRole",
                FakeAws.error(
                        403,
                        "Sender",
                        "AccessDenied",
                        "User: arn:aws:iam::123456789012:user/ann is not authorized to perform: iam:CreateRole"));

        assertThatThrownBy(() -> provisioner().create(ClusterSpec.of(settings(CONFIG)), () -> "203.0.113.7"))
                .isInstanceOf(SparkifyException.class)
                .hasMessageStartingWith(
                        "AWS denied iam:CreateRole (AccessDenied): the caller needs the permission " + "iam:CreateRole")
                .hasMessageNotContaining("\n");
        assertThat(aws.actions()).containsExactly("CreateRole");
    }

    @Test
    void aDeniedIngressNamesTheEc2Permission() throws Exception {
        createAnswers();
        aws.on(
                "AuthorizeSecurityGroupIngress",
                FakeAws.ec2Error(403, "UnauthorizedOperation", "You are not authorized to perform this operation."));

        assertThatThrownBy(() -> provisioner().create(ClusterSpec.of(settings(CONFIG)), () -> "203.0.113.7"))
                .hasMessageStartingWith(
                        "AWS denied ec2:AuthorizeSecurityGroupIngress (UnauthorizedOperation): the caller needs the "
                                + "permission ec2:AuthorizeSecurityGroupIngress");
    }

    @Test
    void givesUpWaitingAfterTheTimeout() throws Exception {
        createAnswers();
        pollInterval = Duration.ofMinutes(5);
        aws.on(
                "DescribeClusters",
                FakeAws.clusterNotFound("dwhcluster"),
                FakeAws.clusters("dwhcluster", "creating", null));

        assertThatThrownBy(() -> provisioner().create(ClusterSpec.of(settings(CONFIG)), () -> "203.0.113.7"))
                .isInstanceOf(SparkifyException.class)
                .hasMessageContaining("Cluster dwhcluster is still creating after 30m 0s, not available");
        assertThat(aws.calls("DescribeClusters")).hasSize(1 + 7);
    }

    @Test
    void deleteClosesThePortDeletesTheClusterWaitsThenDeletesTheRole() throws Exception {
        aws.on(
                        "DescribeClusters",
                        FakeAws.clusters("dwhcluster", "available", "h.example.com"),
                        FakeAws.clusters("dwhcluster", "deleting", "h.example.com"),
                        FakeAws.clusterNotFound("dwhcluster"))
                .on(
                        "DescribeSecurityGroups",
                        FakeAws.securityGroup("5439", "203.0.113.7/32", "sparkify cluster dwhcluster"))
                .on("RevokeSecurityGroupIngress", FakeAws.ec2("RevokeSecurityGroupIngress", "<return>true</return>"))
                .on(
                        "DeleteCluster",
                        FakeAws.ok("DeleteCluster", REDSHIFT, FakeAws.cluster("dwhcluster", "deleting", null)))
                .on("GetRole", FakeAws.role("GetRole", "dwhRole", ClusterProvisioner.ROLE_DESCRIPTION))
                .on("DetachRolePolicy", FakeAws.empty("DetachRolePolicy", IAM))
                .on("DeleteRole", FakeAws.empty("DeleteRole", IAM));

        boolean roleDeleted = provisioner().delete(ClusterId.of(settings(CONFIG)));

        assertThat(aws.actions())
                .containsExactly(
                        "DescribeClusters",
                        "DescribeSecurityGroups",
                        "RevokeSecurityGroupIngress",
                        "DeleteCluster",
                        "DescribeClusters",
                        "DescribeClusters",
                        "GetRole",
                        "DetachRolePolicy",
                        "DeleteRole");
        assertThat(roleDeleted).isTrue();
        assertThat(aws.calls("RevokeSecurityGroupIngress").get(0).parameters())
                .containsEntry("IpPermissions.1.IpRanges.1.CidrIp", "203.0.113.7/32");
        assertThat(aws.calls("DeleteCluster").get(0).parameters())
                .containsEntry("ClusterIdentifier", "dwhcluster")
                .containsEntry("SkipFinalClusterSnapshot", "true");
        assertThat(aws.calls("DeleteRole").get(0).get("RoleName")).isEqualTo("dwhRole");
    }

    @Test
    void deleteOfWhatIsAlreadyGoneIsNotAnError() throws Exception {
        aws.on("DescribeClusters", FakeAws.clusterNotFound("dwhcluster"))
                .on("GetRole", FakeAws.error(404, "Sender", "NoSuchEntity", "no role"))
                .on("DetachRolePolicy", FakeAws.error(404, "Sender", "NoSuchEntity", "no role"))
                .on("DeleteRole", FakeAws.error(404, "Sender", "NoSuchEntity", "no role"));

        provisioner().delete(ClusterId.of(settings(CONFIG)));

        assertThat(progress)
                .contains("No cluster dwhcluster; nothing to delete", "No IAM role dwhRole; nothing to delete");
    }

    @Test
    void statusOfAMissingClusterSaysSo() throws Exception {
        aws.on("DescribeClusters", FakeAws.clusterNotFound("dwhcluster"))
                .on("GetRole", FakeAws.error(404, "Sender", "NoSuchEntity", "no role"));

        ClusterState state = provisioner().status(ClusterId.of(settings(CONFIG)));

        assertThat(state.exists()).isFalse();
        assertThat(state.roleArn()).isEmpty();
    }

    @Test
    void aPasswordRedshiftWouldRefuseIsRefusedBeforeAnyCall() throws Exception {
        Settings settings = settings(CONFIG.replace("Passw0rdPassw0rd", "short"));

        assertThatThrownBy(() -> ClusterSpec.of(settings))
                .hasMessageContaining("Expected a [CLUSTER] DB_PASSWORD Redshift accepts")
                .hasMessageNotContaining("short");
    }

    @Test
    void everyMissingKeyIsNamedInOneMessage() throws Exception {
        Settings settings = settings("[CLUSTER]\nDB_PASSWORD=Passw0rdPassw0rd\n");
        Settings oneMissing = settings(CONFIG.replace("CLUSTER_IDENTIFIER = dwhcluster\n", ""));

        assertThatThrownBy(() -> ClusterSpec.of(settings))
                .hasMessage("Expected [CLUSTER] CLUSTER_IDENTIFIER (such as dwhcluster), [IAM_ROLE] ROLE_NAME or ARN"
                        + " (such as dwhRole), [CLUSTER] NODE_TYPE (such as ra3.large), [CLUSTER] DB_NAME (such as dev)"
                        + " and [CLUSTER] DB_USER (such as awsuser) in the config, found none of them")
                .extracting(e -> ((SparkifyException) e).code())
                .isEqualTo(ErrorCode.CONFIG);
        assertThatThrownBy(() -> ClusterId.of(oneMissing))
                .hasMessage("Expected [CLUSTER] CLUSTER_IDENTIFIER (such as dwhcluster) in the config, found none");
    }

    @Test
    void aClassicDwhCfgNamesTheClusterRegionAndRoleThroughHostAndArn() throws Exception {
        Settings settings = settings(
                """
                [CLUSTER]
                HOST=dwhcluster.c1a2b3c4d5e6.eu-central-1.redshift.amazonaws.com
                DB_NAME=dev
                DB_USER=awsuser
                DB_PASSWORD=Passw0rdPassw0rd
                DB_PORT=5439
                [IAM_ROLE]
                ARN='arn:aws:iam::123456789012:role/service-role/myRedshiftRole'
                """);

        ClusterId id = ClusterId.of(settings);

        assertThat(id.identifier()).isEqualTo("dwhcluster");
        assertThat(id.region()).contains("eu-central-1");
        assertThat(id.roleName()).isEqualTo("myRedshiftRole");
        assertThat(id.givenRoleArn()).contains("arn:aws:iam::123456789012:role/service-role/myRedshiftRole");
        assertThat(id.managesRole()).isFalse();
        assertThat(ClusterId.of(settings(CONFIG + "ARN=arn:aws:iam::123456789012:role/dwhRole\n"))
                        .managesRole())
                .as("with ROLE_NAME, the ARN is the one sparkify wrote back")
                .isTrue();
        ClusterId both = ClusterId.of(settings(CONFIG.replace(
                "[CLUSTER]\n", "[CLUSTER]\nHOST=other.c1a2b3c4d5e6.us-east-2.redshift.amazonaws.com\n")));
        assertThat(both.identifier()).as("CLUSTER_IDENTIFIER wins over HOST").isEqualTo("dwhcluster");
        assertThat(both.region()).as("REGION wins over HOST").contains("us-west-2");
        assertThatThrownBy(() -> ClusterId.of(settings("[CLUSTER]\nCLUSTER_IDENTIFIER=c\n[IAM_ROLE]\nARN=dwhRole\n")))
                .hasMessageStartingWith("Expected an IAM role ARN like arn:aws:iam::123456789012:role/dwhRole");
    }

    @Test
    void aRoleGivenByArnIsUsedAndNeitherCreatedNorChangedNorDeleted() throws Exception {
        String config = CONFIG.replace("ROLE_NAME = dwhRole", "ARN = arn:aws:iam::123456789012:role/theirRole");
        createAnswers();

        ClusterState state = provisioner().create(ClusterSpec.of(settings(config)), () -> "203.0.113.7");

        assertThat(aws.actions()).doesNotContain("CreateRole", "AttachRolePolicy", "GetRole");
        assertThat(aws.calls("CreateCluster").get(0).parameters())
                .containsEntry("IamRoles.IamRoleArn.1", "arn:aws:iam::123456789012:role/theirRole");
        assertThat(state.roleArn()).contains("arn:aws:iam::123456789012:role/theirRole");

        aws.reset();
        aws.on("DescribeClusters", FakeAws.clusterNotFound("dwhcluster"));
        boolean roleDeleted = provisioner().delete(ClusterId.of(settings(config)));

        assertThat(roleDeleted).isFalse();
        assertThat(aws.actions()).containsExactly("DescribeClusters");
        assertThat(progress).contains("IAM role theirRole comes from [IAM_ROLE] ARN; left as it is");
    }

    @Test
    void deleteLeavesARoleOfThatNameSparkifyDidNotCreate() throws Exception {
        aws.on("DescribeClusters", FakeAws.clusterNotFound("dwhcluster"))
                .on("GetRole", FakeAws.role("GetRole", "dwhRole", "made by hand in the console"));

        boolean roleDeleted = provisioner().delete(ClusterId.of(settings(CONFIG)));

        assertThat(roleDeleted).isFalse();
        assertThat(aws.actions()).containsExactly("DescribeClusters", "GetRole");
        assertThat(progress).contains("IAM role dwhRole was not created by sparkify; left as it is");
    }

    @Test
    void theRoleSparkifyCreatesCarriesTheDescriptionDeleteLooksFor() throws Exception {
        createAnswers();

        provisioner().create(ClusterSpec.of(settings(CONFIG)), () -> "203.0.113.7");

        assertThat(aws.calls("CreateRole").get(0).get("Description")).isEqualTo(ClusterProvisioner.ROLE_DESCRIPTION);
    }

    /** A clock that moves only when the provisioner pauses. */
    static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2024-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
