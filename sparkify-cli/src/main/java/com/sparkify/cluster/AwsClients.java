package com.sparkify.cluster;

import static java.util.Objects.requireNonNull;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.redshift.RedshiftClient;

/** The three AWS services a cluster needs, in one region. */
public record AwsClients(IamClient iam, RedshiftClient redshift, Ec2Client ec2) implements AutoCloseable {
    public AwsClients {
        requireNonNull(iam, "iam is null");
        requireNonNull(redshift, "redshift is null");
        requireNonNull(ec2, "ec2 is null");
    }

    /** Clients with the default credentials (environment, profile, instance role). */
    public static AwsClients create(Optional<String> region, Optional<URI> endpoint) {
        return create(region, endpoint, DefaultCredentialsProvider.builder().build());
    }

    /** Fails, saying where to put them, when the default chain finds no credentials. */
    public static void requireCredentials() {
        requireCredentials(DefaultCredentialsProvider.builder().build());
    }

    static void requireCredentials(AwsCredentialsProvider credentials) {
        try {
            credentials.resolveCredentials();
        } catch (SdkClientException e) {
            throw AwsFailures.noCredentials(e);
        }
    }

    /**
     * Clients for {@code region}, else the SDK's default region; all three sent to {@code endpoint} when given
     * (an AWS-compatible test server).
     */
    public static AwsClients create(
            Optional<String> region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        Region resolved = region.map(Region::of).orElseGet(AwsClients::defaultRegion);
        var iam = IamClient.builder()
                .region(endpoint.isPresent() ? resolved : Region.AWS_GLOBAL)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder());
        var redshift = RedshiftClient.builder()
                .region(resolved)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder());
        var ec2 = Ec2Client.builder()
                .region(resolved)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder());
        endpoint.ifPresent(uri -> {
            iam.endpointOverride(uri);
            redshift.endpointOverride(uri);
            ec2.endpointOverride(uri);
        });
        return new AwsClients(iam.build(), redshift.build(), ec2.build());
    }

    private static Region defaultRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new SparkifyException(
                    ErrorCode.CONFIG,
                    "Expected an AWS region for the cluster, found none; set [CLUSTER] REGION in the config "
                            + "(such as us-west-2) or AWS_REGION",
                    e);
        }
    }

    @Override
    public void close() {
        iam.close();
        redshift.close();
        ec2.close();
    }
}
