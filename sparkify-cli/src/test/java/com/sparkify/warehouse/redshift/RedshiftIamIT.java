package com.sparkify.warehouse.redshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sparkify.SparkifyException;
import com.sparkify.cluster.FakeAws;
import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import com.sparkify.warehouse.Warehouses;
import com.sparkify.warehouse.postgres.TlsPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jdbc:redshift:iam://}: the driver, with the AWS SDK modules it needs, asks Redshift's API (a local
 * hand-written fake of it) for temporary database credentials with the AWS default chain's keys, then logs in
 * with them over TLS (to an embedded PostgreSQL standing in for the cluster's endpoint).
 */
class RedshiftIamIT {
    private static FakeAws aws;
    private static TlsPostgres server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        aws = new FakeAws();
        server = TlsPostgres.start();
        // The default credentials chain reads these; nothing reaches AWS.
        System.setProperty("aws.accessKeyId", "AKIDFAKE");
        System.setProperty("aws.secretAccessKey", "secretfake");
    }

    @AfterAll
    static void stop() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        aws.close();
        if (server != null) {
            server.close();
        }
    }

    private SparkifyException connect(String password, String dbUser) {
        aws.reset();
        aws.on(
                "GetClusterCredentials",
                FakeAws.ok(
                        "GetClusterCredentials",
                        FakeAws.REDSHIFT,
                        "<DbUser>" + TlsPostgres.IAM_USER + "</DbUser><DbPassword>" + password
                                + "</DbPassword><Expiration>2099-01-01T00:00:00Z</Expiration>"));
        String url = "jdbc:redshift:iam://127.0.0.1:" + server.port() + "/postgres?clusterid=dwhcluster"
                + "&Region=us-west-2&endpointUrl=" + aws.endpoint() + "&DbUser=" + dbUser + "&sslmode=verify-full"
                + "&sslrootcert=" + server.serverCertificate() + "&loginTimeout=10";
        Settings settings = new SettingsResolver(Map.of(), dir).resolve(SettingsResolver.Flags.warehouse(url));
        return catchThrowableOfType(
                SparkifyException.class, () -> Warehouses.open(settings).close());
    }

    /**
     * PostgreSQL refuses the Redshift-only startup parameters the driver sends ({@code driver_version}), but
     * only after it has checked the password: that refusal, where a wrong password is refused as such, shows
     * that the driver logged in over TLS with the credentials Redshift's API gave it.
     */
    @Test
    void theDriverGetsTemporaryCredentialsFromRedshiftsApiAndLogsInWithThem() {
        // The driver caches temporary credentials by DbUser, among others: each case asks for its own.
        SparkifyException wrongPassword = connect("Wr0ng-Temp-Pa55", "sparkify_other");

        assertThat(wrongPassword)
                .hasMessageContaining("password authentication failed for user \"" + TlsPostgres.IAM_USER + "\"")
                .hasMessageNotContaining("Wr0ng-Temp-Pa55");

        SparkifyException rightPassword = connect(TlsPostgres.IAM_PASSWORD, "sparkify_etl");

        assertThat(aws.actions())
                .as("a custom domain lookup first, which the fake answers with an error")
                .endsWith("GetClusterCredentials");
        assertThat(aws.calls("GetClusterCredentials").get(0).parameters())
                .containsEntry("ClusterIdentifier", "dwhcluster")
                .containsEntry("DbUser", "sparkify_etl");
        assertThat(rightPassword)
                .hasMessageContaining("unrecognized configuration parameter \"driver_version\"")
                .hasMessageNotContaining(TlsPostgres.IAM_PASSWORD);
    }

    /**
     * Temporary credentials from the default chain: a web identity token exchanged with STS (the fake) for a
     * role's keys, which needs the SDK's sts module on the class path, then the same login.
     */
    @Test
    void theDefaultChainsWebIdentityGoesThroughStsFirst() throws Exception {
        Path token = java.nio.file.Files.writeString(dir.resolve("token"), "web-identity-token");
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.setProperty("aws.roleArn", "arn:aws:iam::123456789012:role/sparkify-etl");
        System.setProperty("aws.webIdentityTokenFile", token.toString());
        System.setProperty("aws.endpointUrlSts", aws.endpoint().toString());
        System.setProperty("aws.region", "us-west-2");
        try {
            aws.reset();
            aws.on(
                            "AssumeRoleWithWebIdentity",
                            FakeAws.ok(
                                    "AssumeRoleWithWebIdentity",
                                    "https://sts.amazonaws.com/doc/2011-06-15/",
                                    "<Credentials><AccessKeyId>ASIAFAKE</AccessKeyId><SecretAccessKey>temporary"
                                            + "</SecretAccessKey><SessionToken>session</SessionToken><Expiration>"
                                            + "2099-01-01T00:00:00Z</Expiration></Credentials>"))
                    .on(
                            "GetClusterCredentials",
                            FakeAws.ok(
                                    "GetClusterCredentials",
                                    FakeAws.REDSHIFT,
                                    "<DbUser>" + TlsPostgres.IAM_USER + "</DbUser><DbPassword>"
                                            + TlsPostgres.IAM_PASSWORD
                                            + "</DbPassword><Expiration>2099-01-01T00:00:00Z</Expiration>"));
            String url = "jdbc:redshift:iam://127.0.0.1:" + server.port() + "/postgres?clusterid=dwhcluster"
                    + "&Region=us-west-2&endpointUrl=" + aws.endpoint() + "&DbUser=sparkify_web&sslmode=verify-full"
                    + "&sslrootcert=" + server.serverCertificate() + "&loginTimeout=10";
            Settings settings = new SettingsResolver(Map.of(), dir).resolve(SettingsResolver.Flags.warehouse(url));

            SparkifyException failure = catchThrowableOfType(
                    SparkifyException.class, () -> Warehouses.open(settings).close());

            assertThat(aws.actions()).contains("AssumeRoleWithWebIdentity", "GetClusterCredentials");
            assertThat(aws.calls("AssumeRoleWithWebIdentity").get(0).parameters())
                    .containsEntry("RoleArn", "arn:aws:iam::123456789012:role/sparkify-etl")
                    .containsEntry("WebIdentityToken", "web-identity-token");
            assertThat(failure).hasMessageContaining("unrecognized configuration parameter \"driver_version\"");
        } finally {
            System.clearProperty("aws.roleArn");
            System.clearProperty("aws.webIdentityTokenFile");
            System.clearProperty("aws.endpointUrlSts");
            System.clearProperty("aws.region");
            System.setProperty("aws.accessKeyId", "AKIDFAKE");
            System.setProperty("aws.secretAccessKey", "secretfake");
        }
    }
}
