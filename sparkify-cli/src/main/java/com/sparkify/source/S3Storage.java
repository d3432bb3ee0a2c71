package com.sparkify.source;

import static java.util.Objects.requireNonNull;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * One S3 client, shared by the sources of a run: AWS S3, or an S3-compatible store at an endpoint (addressed
 * path-style). Credentials come from the AWS default chain; the region is the one given ({@code [S3] REGION}),
 * else {@code aws.region}, {@code AWS_REGION} or the AWS profile's, else {@value #FALLBACK_REGION}, where the
 * public Sparkify data lives. A bucket in another region is still found: the client follows S3's redirect.
 */
public final class S3Storage implements AutoCloseable {
    public static final String FALLBACK_REGION = "us-west-2";

    /** Attempts per request; throttling (503 SlowDown) and 5xx answers are retried with exponential backoff. */
    static final int MAX_ATTEMPTS = 8;

    private final S3Client client;
    private final String endpoint;
    private final List<S3ObjectSource> sources = new ArrayList<>();

    private S3Storage(S3Client client, String endpoint) {
        this.client = client;
        this.endpoint = endpoint;
    }

    /** AWS S3 with the default credential chain, or the store at {@code endpoint}. */
    public static S3Storage connect(Optional<String> endpoint, Optional<String> region) {
        return connect(endpoint, region, DefaultCredentialsProvider.builder().build());
    }

    public static S3Storage connect(
            Optional<String> endpoint, Optional<String> configuredRegion, AwsCredentialsProvider credentials) {
        requireNonNull(credentials, "credentials is null");
        Optional<URI> uri = endpoint.map(S3Storage::endpointUri);
        Region region = configuredRegion.map(Region::of).orElseGet(S3Storage::region);
        S3ClientBuilder builder = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(2 * ReadAhead.DEPTH))
                .overrideConfiguration(override -> override.retryStrategy(retryStrategy()))
                // The bucket's region wins over ours: a 301 from S3 is followed instead of failing.
                .crossRegionAccessEnabled(true);
        uri.ifPresent(value -> builder.endpointOverride(value).forcePathStyle(true));
        String described = uri.map(S3Storage::withoutUserInfo).orElse("AWS S3 (" + region.id() + ")");
        return new S3Storage(builder.build(), described);
    }

    /**
     * The standard strategy with more attempts and no circuit breaker: a bulk load asks for thousands of
     * objects with a bounded number in flight, and a tripped breaker would fail the whole run instead of
     * waiting out a burst of 503 SlowDown.
     */
    static RetryStrategy retryStrategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .circuitBreakerEnabled(false)
                .build();
    }

    /** The configured region, without asking the EC2 instance metadata service (slow off EC2). */
    private static Region region() {
        try {
            return new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
                    .getRegion();
        } catch (SdkClientException e) {
            return Region.of(FALLBACK_REGION);
        }
    }

    private static URI endpointUri(String value) {
        try {
            URI uri = new URI(value.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below, without the value's user info.
        }
        throw new SparkifyException(
                ErrorCode.CONFIG,
                "Expected an S3 endpoint URL such as http://localhost:9000, found '" + redact(value)
                        + "'; check --s3-endpoint, $SPARKIFY_S3_ENDPOINT or [S3] ENDPOINT");
    }

    private static String withoutUserInfo(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static String redact(String value) {
        return value.replaceAll("//[^/@]*@", "//***@");
    }

    /** The files of one kind at {@code location}; closed with this storage. */
    public synchronized S3ObjectSource source(S3Location location, DataKind kind) {
        S3ObjectSource source = new S3ObjectSource(client, location, kind, new S3Errors(location, kind, endpoint));
        sources.add(source);
        return source;
    }

    /** Where the objects are, for messages: the endpoint without user info, or AWS S3 and the region. */
    public String endpoint() {
        return endpoint;
    }

    @Override
    public synchronized void close() {
        sources.forEach(S3ObjectSource::close);
        client.close();
    }
}
