package com.sparkify.source;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An in-process S3-compatible server (S3Mock) for one test class, the fake credentials sparkify is given for
 * it, and a plain SDK client to upload test data with.
 */
public final class S3TestStore {
    public static final String ACCESS_KEY = "AKIASPARKIFYTEST0001";
    public static final String SECRET_KEY = "sparkify-test-secret-never-printed";
    public static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));

    private S3TestStore() {}

    /** A server on a free port, keeping its objects under target/ (deleted when it stops). */
    public static S3MockExtension server(String name) {
        // S3Mock is a Spring Boot application: left alone, it sets logback up again for the whole JVM (its
        // own pattern, on stdout), and the tests would no longer see sparkify's logging (cli/LogSetup).
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        // S3Mock creates only the last folder of the path.
        String root = Path.of(
                        "target",
                        "s3mock-" + name + "-" + ProcessHandle.current().pid())
                .toAbsolutePath()
                .toString();
        return S3MockExtension.builder()
                .silent()
                .withSecureConnection(false)
                .withRootFolder(root)
                .build();
    }

    public static String endpoint(S3MockExtension server) {
        return "http://localhost:" + server.getHttpPort();
    }

    /** Sparkify's own client setup (retries, path-style) against {@code endpoint}, with the fake credentials. */
    public static S3Storage storage(String endpoint) {
        return S3Storage.connect(Optional.of(endpoint), Optional.empty(), CREDENTIALS);
    }

    /** A plain client for setting up buckets and objects. */
    public static S3Client client(String endpoint) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    /** Uploads every file under {@code folder} to {@code bucket}, keyed {@code prefix + relative path}. */
    public static int upload(S3Client client, String bucket, Path folder, String prefix) {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(folder)) {
            files = paths.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (Path file : files) {
                String key = prefix + folder.relativize(file).toString().replace('\\', '/');
                uploads.add(pool.submit(
                        () -> client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file))));
            }
            for (Future<?> upload : uploads) {
                upload.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("upload to " + bucket + " failed", e);
        } finally {
            pool.shutdownNow();
        }
        return files.size();
    }

    public static void put(S3Client client, String bucket, String key, String content) {
        client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
    }
}
