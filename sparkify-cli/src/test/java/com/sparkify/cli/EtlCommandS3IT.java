package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.source.S3TestStore;
import com.sparkify.testing.SampleData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code sparkify etl} reading s3:// locations from an in-process S3-compatible server, black-box. The AWS
 * default credential chain finds the fake credentials in the {@code aws.accessKeyId}, {@code
 * aws.secretAccessKey} and {@code aws.sessionToken} system properties, as it would find AWS_ACCESS_KEY_ID and
 * the others in the environment.
 */
class EtlCommandS3IT {
    @RegisterExtension
    static final S3MockExtension SERVER = S3TestStore.server("cli");

    private static final String SESSION_TOKEN = "sparkify-test-session-token";

    private static String endpoint;

    @TempDir
    Path dir;

    @BeforeAll
    static void uploadTheSample() {
        endpoint = S3TestStore.endpoint(SERVER);
        try (S3Client client = S3TestStore.client(endpoint)) {
            client.createBucket(b -> b.bucket("sample"));
            S3TestStore.upload(client, "sample", SampleData.songs(), "song_data/");
            S3TestStore.upload(client, "sample", SampleData.logs(), "log_data/");
        }
        System.setProperty("aws.accessKeyId", S3TestStore.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3TestStore.SECRET_KEY);
        System.setProperty("aws.sessionToken", SESSION_TOKEN);
    }

    @AfterAll
    static void forgetTheCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.sessionToken");
    }

    private String warehouse() {
        return "--warehouse=jdbc:duckdb:" + dir.resolve("w.duckdb");
    }

    @Test
    void loadsTheSampleFromS3ThenRerunsAsANoOp() {
        String[] args = {
            "etl",
            warehouse(),
            "--songs=s3://sample/song_data",
            "--logs=s3://sample/log_data",
            "--s3-endpoint=" + endpoint
        };

        CommandRun first = CommandRun.of(args);
        CommandRun second = CommandRun.of(args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("101 files found, 101 loaded")
                .contains("songs:  read 71 = staged 71 + rejected 0")
                .contains("events: read 8,056 = staged 8,056 + rejected 0")
                .contains("Tables: songplays 6,820")
                .containsPattern("Checks: (\\d+) of \\1 passed");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("0 loaded").contains("101 already loaded");
    }

    @Test
    void takesLocationsAndEndpointFromTheConfigFile() throws Exception {
        Path config = dir.resolve("dwh.cfg");
        Files.writeString(
                config,
                "[S3]\nREGION=eu-west-1\nSONG_DATA='s3://sample/song_data'\nLOG_DATA='s3://sample/log_data'\nENDPOINT="
                        + endpoint + "\n");

        CommandRun run = CommandRun.of("etl", warehouse(), "--config=" + config, "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(run.out());
        assertThat(summary.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(summary.at("/events/staged").asLong()).isEqualTo(8056);
        assertThat(summary.at("/tables/songplays").asLong()).isEqualTo(6820);
    }

    @Test
    void aPrefixWithoutJsonObjectsIsAWarningOrWithRequireFilesAnInputError() {
        // a prefix with no objects at all is a missing path (exit 4); this one holds only a CSV export
        try (S3Client client = S3TestStore.client(endpoint)) {
            S3TestStore.put(client, "sample", "log-data/2018-11-01-events.csv", "ts,page\n1,Home\n");
        }
        String[] args = {
            "etl",
            warehouse(),
            "--songs=s3://sample/song_data",
            "--logs=s3://sample/log-data",
            "--s3-endpoint=" + endpoint
        };
        String[] required = java.util.Arrays.copyOf(args, args.length + 1);
        required[args.length] = "--require-files";

        CommandRun run = CommandRun.of(args);
        CommandRun refused = CommandRun.of(required);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err())
                .isEqualTo("warning: no event files (*.json, *.json.gz) found in s3://sample/log-data at " + endpoint
                        + "; nothing was loaded from it (--require-files makes this an error)"
                        + System.lineSeparator());
        assertThat(refused.exitCode()).isEqualTo(4);
        assertThat(refused.err())
                .isEqualTo("error: no event files (*.json, *.json.gz) found in s3://sample/log-data at " + endpoint
                        + "; nothing was loaded (--require-files)" + System.lineSeparator());
    }

    @Test
    void aMissingBucketOrABadEndpointIsOneLineAndANonZeroExitCode() {
        CommandRun missingBucket = CommandRun.of(
                "etl",
                warehouse(),
                "--songs=s3://no-such-bucket/song_data",
                "--logs=s3://sample/log_data",
                "--s3-endpoint=" + endpoint);
        CommandRun badEndpoint = CommandRun.of(
                "etl",
                warehouse(),
                "--songs=s3://sample/song_data",
                "--logs=s3://sample/log_data",
                "--s3-endpoint=localhost:9000");

        assertThat(missingBucket.exitCode()).isEqualTo(4);
        assertThat(missingBucket.err())
                .isEqualTo("error: Expected a bucket 'no-such-bucket' at " + endpoint
                        + " for s3://no-such-bucket/song_data, found none (NoSuchBucket); check --songs or [S3]"
                        + " SONG_DATA and the S3 endpoint" + System.lineSeparator());
        assertThat(badEndpoint.exitCode()).isEqualTo(3);
        assertThat(badEndpoint.err()).contains("Expected an S3 endpoint URL").hasLineCount(1);
    }

    @Test
    void verboseOutputNeverShowsTheCredentials() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        CommandRun run;
        try {
            System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
            run = CommandRun.of(
                    "etl",
                    warehouse(),
                    "-v",
                    "--songs=s3://sample/song_data",
                    "--logs=s3://no-such-bucket/log_data",
                    "--s3-endpoint=" + endpoint);
        } finally {
            System.setErr(stderr);
            root.setLevel(level);
        }

        String everything = run.out() + run.err() + logs.toString(StandardCharsets.UTF_8);
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(everything)
                .contains(" DEBUG ")
                .contains("NoSuchBucket")
                .doesNotContain(S3TestStore.SECRET_KEY)
                .doesNotContain(S3TestStore.ACCESS_KEY)
                .doesNotContain(SESSION_TOKEN);
    }
}
