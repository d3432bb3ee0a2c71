package com.sparkify.cli;

import static com.sparkify.cluster.FakeAws.IAM;
import static com.sparkify.cluster.FakeAws.REDSHIFT;
import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.cluster.FakeAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sparkify cluster}, black-box, against a local server standing in for IAM, Redshift and EC2. */
class ClusterCommandTest {
    private static final String CONFIG =
            """
            # Sparkify on Redshift: ask the team before changing the node type.
            [CLUSTER]
            HOST =
            CLUSTER_IDENTIFIER = dwhcluster
            NUM_NODES = 4
            NODE_TYPE = dc2.large
            DB_NAME = dev
            DB_USER = awsuser
            DB_PASSWORD = Passw0rdPassw0rd
            DB_PORT = 5439
            REGION = us-west-2

            [IAM_ROLE]
            ROLE_NAME = dwhRole

            [S3]
            ; the classic public data
            LOG_DATA = s3://udacity-dend/log_data
            """;

    private static FakeAws aws;

    @TempDir
    Path dir;

    private Path config;

    @BeforeAll
    static void start() throws Exception {
        aws = new FakeAws();
        // The default credentials chain reads these; nothing reaches AWS.
        System.setProperty("aws.accessKeyId", "AKIDFAKE");
        System.setProperty("aws.secretAccessKey", "secretfake");
    }

    @AfterAll
    static void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        aws.close();
    }

    @BeforeEach
    void writeConfig() throws Exception {
        aws.reset();
        config = dir.resolve("dwh.cfg");
        Files.writeString(config, CONFIG);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    }

    private CommandRun cluster(String... args) {
        List<String> all = new ArrayList<>(List.of("cluster"));
        all.addAll(List.of(args));
        all.addAll(List.of(
                "--config", config.toString(), "--aws-endpoint", aws.endpoint().toString(), "--poll-seconds", "0"));
        return CommandRun.of(all.toArray(String[]::new));
    }

    @Test
    void createWritesTheEndpointAndRoleBackIntoTheConfigAndKeepsTheRest() throws Exception {
        aws.on("CreateRole", FakeAws.role("CreateRole", "dwhRole"))
                .on("AttachRolePolicy", FakeAws.empty("AttachRolePolicy", IAM))
                .on(
                        "DescribeClusters",
                        FakeAws.clusterNotFound("dwhcluster"),
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
                        FakeAws.securityGroup("5439", "198.51.100.23/32", "sparkify cluster dwhcluster"));
        aws.callerIp("198.51.100.23");

        CommandRun run = cluster("create", "--whoami-url", aws.whoami().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Cluster dwhcluster is available at dwhcluster.abc.us-west-2.redshift.amazonaws.com:5439, "
                        + "open to 198.51.100.23/32 only");
        assertThat(run.err()).contains("Waiting for cluster dwhcluster to be available: creating");
        assertThat(aws.calls("AuthorizeSecurityGroupIngress").get(0).get("IpPermissions.1.IpRanges.1.CidrIp"))
                .isEqualTo("198.51.100.23/32");
        assertThat(Files.readString(config))
                .isEqualTo(CONFIG.replace("HOST =\n", "HOST = dwhcluster.abc.us-west-2.redshift.amazonaws.com\n")
                        .replace(
                                "ROLE_NAME = dwhRole\n",
                                "ROLE_NAME = dwhRole\nARN = arn:aws:iam::123456789012:role/dwhRole\n"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
                .isEqualTo("rw-------");
        assertThat(run.out() + run.err()).doesNotContain("Passw0rdPassw0rd");
    }

    @Test
    void createWithAnExplicitAddressAsksNoService() {
        aws.on("CreateRole", FakeAws.error(403, "Sender", "AccessDenied", "not authorized to perform: iam:CreateRole"));

        CommandRun run = cluster("create", "--allow-from", "0.0.0.0");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("error: Expected this machine's public IPv4 address");
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void aMissingPermissionIsOneLineAndExitThree() {
        aws.on(
                "CreateRole",
                FakeAws.error(
                        403,
                        "Sender",
                        "AccessDenied",
                        "User: arn:aws:iam::123456789012:user/ann is not authorized to perform: iam:CreateRole"));

        CommandRun run = cluster("create", "--allow-from", "198.51.100.23");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines())
                .hasSize(1)
                .first()
                .asString()
                .startsWith(
                        "error: AWS denied iam:CreateRole (AccessDenied): the caller needs the permission iam:CreateRole");
    }

    @Test
    void deleteWantsConfirmation() {
        CommandRun run = cluster("delete");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("This deletes cluster dwhcluster and all its data", "run again with --yes");
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void statusShowsTheClusterAndWhoItIsOpenTo() {
        aws.on("DescribeClusters", FakeAws.clusters("dwhcluster", "available", "h.example.com"))
                .on(
                        "DescribeSecurityGroups",
                        FakeAws.securityGroup("5439", "198.51.100.23/32", "sparkify cluster dwhcluster"))
                .on("GetRole", FakeAws.role("GetRole", "dwhRole"));

        CommandRun run = cluster("status");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "cluster   dwhcluster: available, 4 x dc2.large",
                        "endpoint  h.example.com:5439",
                        "open to   198.51.100.23/32",
                        "role      dwhRole: arn:aws:iam::123456789012:role/dwhRole");
    }

    @Test
    void credentialsAreCheckedBeforeAnythingElse() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.util.stream.Stream.of(
                                        "AWS_ACCESS_KEY_ID",
                                        "AWS_PROFILE",
                                        "AWS_WEB_IDENTITY_TOKEN_FILE",
                                        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
                                        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                                        "AWS_SHARED_CREDENTIALS_FILE")
                                .noneMatch(name -> System.getenv(name) != null)
                        && !Files.exists(Path.of(System.getProperty("user.home"), ".aws")),
                "needs a machine without AWS credentials of its own");
        Files.writeString(config, "[CLUSTER]\nDB_NAME = dev\n");
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        // No instance to ask: the chain's last resort would wait for a metadata service that is not there.
        System.setProperty("aws.disableEc2Metadata", "true");
        try {
            for (String command : List.of("create", "status", "delete")) {
                CommandRun run = cluster(command);

                assertThat(run.exitCode()).as(command).isEqualTo(3);
                assertThat(run.err())
                        .as(command)
                        .contains("Expected AWS credentials, found none")
                        .doesNotContain("CLUSTER_IDENTIFIER");
            }
            assertThat(aws.calls()).isEmpty();
        } finally {
            System.setProperty("aws.accessKeyId", "AKIDFAKE");
            System.setProperty("aws.secretAccessKey", "secretfake");
            System.clearProperty("aws.disableEc2Metadata");
        }
    }

    @Test
    void theClassicDwhCfgOfTheCourseWorksForStatus() throws Exception {
        Files.writeString(
                config,
                """
                [CLUSTER]
                HOST=dwhcluster.c1a2b3c4d5e6.us-west-2.redshift.amazonaws.com
                DB_NAME=dev
                DB_USER=awsuser
                DB_PASSWORD=Passw0rdPassw0rd
                DB_PORT=5439

                [IAM_ROLE]
                ARN='arn:aws:iam::123456789012:role/dwhRole'
                """);
        aws.on("DescribeClusters", FakeAws.clusters("dwhcluster", "available", "h.example.com"))
                .on("DescribeSecurityGroups", FakeAws.securityGroup("5439", null, null))
                .on("GetRole", FakeAws.role("GetRole", "dwhRole"));

        CommandRun run = cluster("status");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("cluster   dwhcluster: available", "role      dwhRole: " + FakeAws.roleArn("dwhRole"));
        assertThat(aws.calls("DescribeClusters").get(0).get("ClusterIdentifier"))
                .isEqualTo("dwhcluster");
    }

    @Test
    void withoutASubcommandItSaysWhichOnesExist() {
        CommandRun run = CommandRun.of("cluster");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("create, status or delete");
    }
}
