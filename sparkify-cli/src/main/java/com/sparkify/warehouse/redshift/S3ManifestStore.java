package com.sparkify.warehouse.redshift;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Writes manifests to S3 with the default AWS credentials; the client is made on first use. */
final class S3ManifestStore implements ManifestStore, AutoCloseable {
    private final Optional<String> region;
    private S3Client client;

    S3ManifestStore(Optional<String> region) {
        this.region = region;
    }

    @Override
    public void put(String s3Uri, String content) {
        String path = s3Uri.substring("s3://".length());
        int slash = path.indexOf('/');
        String bucket = path.substring(0, slash);
        String key = path.substring(slash + 1);
        try {
            client().putObject(
                            request -> request.bucket(bucket).key(key).contentType("application/json"),
                            RequestBody.fromString(content, StandardCharsets.UTF_8));
        } catch (AwsServiceException e) {
            throw new SparkifyException(
                    ErrorCode.CONFIG,
                    "Cannot write " + s3Uri + " (" + e.awsErrorDetails().errorCode() + "): the caller needs "
                            + "s3:PutObject on [S3] MANIFEST_PREFIX",
                    e);
        } catch (SdkException e) {
            throw new SparkifyException(ErrorCode.CONFIG, "Cannot write " + s3Uri + ": " + e.getMessage(), e);
        }
    }

    private S3Client client() {
        if (client == null) {
            S3ClientBuilder builder = S3Client.builder().httpClientBuilder(ApacheHttpClient.builder());
            region.map(Region::of).ifPresent(builder::region);
            client = builder.build();
        }
        return client;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
