package com.sparkify.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.ingest.FileCounts;
import com.sparkify.ingest.FileRead;
import com.sparkify.ingest.RecordReaders;
import com.sparkify.ingest.Reject;
import com.sparkify.source.FaultInjectingProxy.Fault;
import com.sparkify.testing.DamagedGzip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Lists and reads objects of an in-process S3-compatible server through sparkify's own S3 client. */
class S3ObjectSourceIT {
    @RegisterExtension
    static final S3MockExtension SERVER = S3TestStore.server("source");

    private static String endpoint;
    private static S3Client client;

    @BeforeAll
    static void objects() throws IOException {
        endpoint = S3TestStore.endpoint(SERVER);
        client = S3TestStore.client(endpoint);
        client.createBucket(b -> b.bucket("raw"));
        S3TestStore.put(client, "raw", "data/b.json", "{\"b\":1}\n");
        client.putObject(b -> b.bucket("raw").key("data/a/x.json.gz"), RequestBody.fromBytes(gzip("{\"a\":1}\n")));
        S3TestStore.put(client, "raw", "data/readme.txt", "not data");
        S3TestStore.put(client, "raw", "data2/z.json", "{\"z\":1}\n");
        S3TestStore.put(client, "raw", "empty/readme.txt", "no json here");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String read(FileSource source, SourceFile file) throws IOException {
        try (InputStream in = source.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void listsTheJsonObjectsOfAFolderSortedByKeyWithEtagAndSize() throws Exception {
        try (S3Storage storage = S3TestStore.storage(endpoint)) {
            S3ObjectSource source = storage.source(S3Location.parse("s3://raw/data"), DataKind.EVENTS);

            List<SourceFile> files = source.list();

            assertThat(files)
                    .extracting(SourceFile::uri)
                    .containsExactly("s3://raw/data/a/x.json.gz", "s3://raw/data/b.json");
            String etag = client.headObject(b -> b.bucket("raw").key("data/b.json"))
                    .eTag()
                    .replace("\"", "");
            assertThat(files.get(1))
                    .isEqualTo(
                            new SourceFile("s3://raw/data/b.json", DataKind.EVENTS, 8, etag + "-8", Optional.empty()));
            assertThat(read(source, files.get(0))).isEqualTo("{\"a\":1}\n");
            assertThat(read(source, files.get(1))).isEqualTo("{\"b\":1}\n");
            assertThat(source.describe()).isEqualTo("s3://raw/data at " + endpoint);
        }
    }

    @Test
    void aLocationMayNameOneObject() throws Exception {
        try (S3Storage storage = S3TestStore.storage(endpoint)) {
            S3ObjectSource source = storage.source(S3Location.parse("s3a://raw/data/b.json"), DataKind.EVENTS);

            assertThat(source.list()).extracting(SourceFile::uri).containsExactly("s3://raw/data/b.json");
        }
    }

    @Test
    void streamsAnObjectTooLargeToBuffer() throws Exception {
        byte[] large = new byte[(int) ReadAhead.MAX_BUFFERED_BYTES + 1000];
        Arrays.fill(large, (byte) 'x');
        client.putObject(b -> b.bucket("raw").key("large/big.json"), RequestBody.fromBytes(large));
        try (S3Storage storage = S3TestStore.storage(endpoint)) {
            S3ObjectSource source = storage.source(S3Location.parse("s3://raw/large"), DataKind.EVENTS);

            SourceFile file = source.list().get(0);

            try (InputStream in = source.open(file)) {
                assertThat(in.readAllBytes()).isEqualTo(large);
            }
        }
    }

    @Test
    void anOverwrittenObjectGetsANewChangeMarker() throws Exception {
        S3TestStore.put(client, "raw", "changing/day.json", "{\"v\":1}\n");
        try (S3Storage storage = S3TestStore.storage(endpoint)) {
            S3ObjectSource source = storage.source(S3Location.parse("s3://raw/changing"), DataKind.EVENTS);
            String before = source.list().get(0).changeMarker();

            S3TestStore.put(client, "raw", "changing/day.json", "{\"v\":2}\n");

            assertThat(source.list().get(0).changeMarker()).isNotEqualTo(before).endsWith("-8");
        }
    }

    @Test
    void aMissingBucketOrAnEmptyPrefixIsAnInputError() {
        try (S3Storage storage = S3TestStore.storage(endpoint)) {
            assertFails(
                    () -> storage.source(S3Location.parse("s3://no-such-bucket/song_data"), DataKind.SONGS)
                            .list(),
                    ErrorCode.INPUT,
                    "Expected a bucket 'no-such-bucket' at " + endpoint + " for s3://no-such-bucket/song_data, found "
                            + "none (NoSuchBucket); check --songs or [S3] SONG_DATA and the S3 endpoint");
            assertFails(
                    () -> storage.source(S3Location.parse("s3://raw/nothing"), DataKind.EVENTS)
                            .list(),
                    ErrorCode.INPUT,
                    "Expected events data at s3://raw/nothing at " + endpoint
                            + ", found no objects there; check --logs or [S3] LOG_DATA");
            assertThat(storage.source(S3Location.parse("s3://raw/empty"), DataKind.EVENTS)
                            .list())
                    .isEmpty();
        }
    }

    @Test
    void anUnreachableOrMalformedEndpointIsAConfigError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String unreachable = "http://localhost:" + closedPort;
        try (S3Storage storage = S3TestStore.storage(unreachable)) {
            assertFails(
                    () -> storage.source(S3Location.parse("s3://raw/data"), DataKind.SONGS)
                            .list(),
                    ErrorCode.CONFIG,
                    "Cannot connect to " + unreachable
                            + " to read s3://raw/data; check --s3-endpoint, or that the store is running and reachable");
        }
        assertFails(
                () -> S3TestStore.storage("localhost:9000"),
                ErrorCode.CONFIG,
                "Expected an S3 endpoint URL such as http://localhost:9000, found 'localhost:9000'; check --s3-endpoint, $SPARKIFY_S3_ENDPOINT or [S3] ENDPOINT");
        assertThatThrownBy(() -> S3TestStore.storage("http://user:" + S3TestStore.SECRET_KEY + "@:9000"))
                .hasMessageNotContaining(S3TestStore.SECRET_KEY)
                .hasMessageContaining("http://***@:9000");
    }

    @Test
    void retriesThrottlingAndServerErrorsThenSucceeds() throws Exception {
        // The first four requests, all of them the listing, fail: more than the SDK's default 3 attempts, so this
        // passes only with the configured strategy. Then every 5th request fails.
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(
                        endpoint, n -> n == 1 ? Fault.SLOW_DOWN : n <= 4 || n % 5 == 0 ? Fault.INTERNAL_ERROR : null);
                S3Storage storage = S3TestStore.storage(proxy.endpoint())) {
            S3ObjectSource source = storage.source(S3Location.parse("s3://raw/data"), DataKind.EVENTS);

            List<SourceFile> files = source.list();

            assertThat(read(source, files.get(0))).isEqualTo("{\"a\":1}\n");
            assertThat(read(source, files.get(1))).isEqualTo("{\"b\":1}\n");
            assertThat(proxy.served(Fault.SLOW_DOWN)).isEqualTo(1);
            assertThat(proxy.served(Fault.INTERNAL_ERROR)).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsWithOneClearLine() throws Exception {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(endpoint, n -> Fault.INTERNAL_ERROR);
                S3Storage storage = S3TestStore.storage(proxy.endpoint())) {
            S3ObjectSource source = storage.source(S3Location.parse("s3://raw/data"), DataKind.EVENTS);

            assertFails(
                    source::list,
                    ErrorCode.INPUT,
                    "Cannot read s3://raw/data at " + proxy.endpoint()
                            + " (500 InternalError: We encountered an internal error. Please try again.)");
            assertThat(proxy.served(Fault.INTERNAL_ERROR)).isEqualTo(S3Storage.MAX_ATTEMPTS);
        }
    }

    private static void assertFails(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(SparkifyException.class)
                .hasMessage(message)
                .hasMessageNotContaining(S3TestStore.SECRET_KEY)
                .hasMessageNotContaining(S3TestStore.ACCESS_KEY)
                .satisfies(e -> assertThat(((SparkifyException) e).code()).isEqualTo(code));
    }

    @Test
    void aDownloadCutShortIsDownloadedAgain() throws Exception {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(endpoint, n -> null);
                S3Storage storage = S3TestStore.storage(proxy.endpoint())) {
            proxy.cutBody("/raw/data/b.json", 2);
            S3ObjectSource source = storage.source(S3Location.parse("s3://raw/data"), DataKind.EVENTS);

            List<SourceFile> files = source.list();

            assertThat(read(source, files.get(1))).isEqualTo("{\"b\":1}\n");
            assertThat(proxy.cut()).isEqualTo(2);
        }
    }

    private static String events(int count) {
        StringBuilder text = new StringBuilder();
        for (int item = 0; item < count; item++) {
            text.append("{\"ts\":")
                    .append(1541990217796L + item)
                    .append(",\"page\":\"Home\",\"sessionId\":1,\"itemInSession\":")
                    .append(item)
                    .append(",\"userId\":\"7\",\"userAgent\":\"")
                    .append("x".repeat(300))
                    .append("\"}\n");
        }
        return text.toString();
    }

    @Test
    void anObjectWhoseBodyAlwaysEndsEarlyIsOneRejectReadAgainByTheNextRun() throws Exception {
        String small = events(10);
        int largeCount = (int) (ReadAhead.MAX_BUFFERED_BYTES / (small.length() / 10)) + 100;
        String large = events(largeCount);
        S3TestStore.put(client, "raw", "cut/a-small.json", small);
        S3TestStore.put(client, "raw", "cut/b-large.json", large);
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(endpoint, n -> null);
                S3Storage storage = S3TestStore.storage(proxy.endpoint())) {
            proxy.cutBody("/raw/cut/a-small.json", Integer.MAX_VALUE);
            proxy.cutBody("/raw/cut/b-large.json", Integer.MAX_VALUE);
            S3ObjectSource source = storage.source(S3Location.parse("s3://raw/cut"), DataKind.EVENTS);
            List<SourceFile> files = source.list();
            List<Reject> rejects = new ArrayList<>();
            long[] rows = new long[1];
            RecordReaders readers = new RecordReaders();

            FileRead buffered = readers.read(source, files.get(0), (values, record) -> rows[0]++, rejects::add);
            FileRead streamed = readers.read(source, files.get(1), (values, record) -> rows[0]++, rejects::add);

            // The small object is downloaded whole or not at all, and retried; the large one is streamed, and
            // its records before the cut (half of its bytes) are staged.
            assertThat(buffered.counts()).isEqualTo(new FileCounts(1, 0, 1));
            String sent = large.substring(0, large.length() / 2);
            long whole = sent.chars().filter(c -> c == '\n').count();
            assertThat(streamed.counts()).isEqualTo(new FileCounts(whole + 1, whole, 1));
            assertThat(rows[0]).isEqualTo(whole);
            assertThat(buffered.file().changeMarker()).isEqualTo(files.get(0).changeMarker() + "-incomplete");
            assertThat(streamed.file().changeMarker()).isEqualTo(files.get(1).changeMarker() + "-incomplete");
            assertThat(rejects).extracting(Reject::lineNumber).containsExactly(1L, whole + 1);
            assertThat(rejects).allSatisfy(reject -> assertThat(reject.reason()).startsWith("Read error ("));
            assertThat(rejects.get(1).rawText()).isEqualTo(sent.substring(sent.lastIndexOf('\n') + 1));
        }
    }

    @Test
    void aTruncatedGzipObjectKeepsItsRecordsBeforeTheDamageAndItsChangeMarker() throws Exception {
        List<String> lines = List.of(events(4).split("(?<=\n)"));
        client.putObject(
                b -> b.bucket("raw").key("damaged/day.json.gz"),
                RequestBody.fromBytes(DamagedGzip.of(lines).cutInsideRecord(2)));
        try (S3Storage storage = S3TestStore.storage(endpoint)) {
            S3ObjectSource source = storage.source(S3Location.parse("s3://raw/damaged"), DataKind.EVENTS);
            SourceFile file = source.list().get(0);
            List<Reject> rejects = new ArrayList<>();

            FileRead read = new RecordReaders().read(source, file, (values, record) -> {}, rejects::add);

            assertThat(read.counts()).isEqualTo(new FileCounts(3, 2, 1));
            assertThat(read.file()).isEqualTo(file);
            assertThat(rejects).singleElement().satisfies(reject -> {
                assertThat(reject.sourceFile()).isEqualTo("s3://raw/damaged/day.json.gz");
                assertThat(reject.lineNumber()).isEqualTo(3);
                assertThat(reject.reason()).startsWith("Truncated gzip stream");
            });
        }
    }
}
