package com.sparkify.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.sparkify.ingest.UnknownKey;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.LocalFileSource;
import com.sparkify.source.S3Location;
import com.sparkify.source.S3Storage;
import com.sparkify.source.S3TestStore;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.postgres.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Keys the schema does not know are recorded per run, with the records that held them and a file that has
 * them, on every path that sees the records: DuckDB's read_json (local event files), the Java parser (song
 * files, an event file with a bad record, S3), and PostgreSQL. The corpus knows its counts by construction.
 */
class UnknownKeysIT {
    @RegisterExtension
    static final S3MockExtension SERVER = S3TestStore.server("unknown-keys");

    @TempDir
    Path dir;

    private Path songs;
    private Path logs;

    /** Built by {@link #corpus}: the keys every run over it must record, by kind and key. */
    private final List<String> expected = new ArrayList<>();

    private static String event(int item, String extra) {
        return "{\"artist\":\"A\",\"auth\":\"Logged In\",\"firstName\":\"Ann\",\"itemInSession\":" + item
                + ",\"length\":200.5,\"level\":\"free\",\"page\":\"NextSong\",\"sessionId\":1,\"song\":\"T\","
                + "\"ts\":" + (1541105830796L + item) + ",\"userId\":\"7\"" + extra + "}\n";
    }

    private static String song(String id, String extra) {
        return "{\"num_songs\":1,\"artist_id\":\"AR1\",\"artist_name\":\"A\",\"song_id\":\"" + id + "\",\"title\":\"T"
                + id + "\",\"duration\":200.5,\"year\":0" + extra + "}";
    }

    @BeforeEach
    void corpus() throws IOException {
        songs = Files.createDirectories(dir.resolve("song_data/A/B"));
        logs = Files.createDirectories(dir.resolve("log_data"));
        // 7 events with "newField" in two clean files, which DuckDB stages with read_json
        StringBuilder a = new StringBuilder();
        for (int item = 1; item <= 5; item++) {
            a.append(event(item, item <= 4 ? ",\"newField\":{\"nested\":" + item + "}" : ""));
        }
        Files.writeString(logs.resolve("a.json"), a);
        Files.writeString(
                logs.resolve("b.json"),
                event(6, ",\"newField\":\"x\"")
                        + event(7, ",\"newField\":null")
                        + event(8, ",\"newField\":1")
                        + event(9, ""));
        // a bad record sends c.json to the Java parser; its own unknown key is not counted: it was not staged
        Files.writeString(
                logs.resolve("c.json"),
                event(10, ",\"retry\":true") + event(11, ",\"retry\":1,\"retry\":2") + event(12, "")
                        + "{\"page\":\"Home\",\"sessionId\":1,\"itemInSession\":13,\"newField\":1,\"retry\":1}\n");
        // 3 songs with "bpm": a single object, and an array whose second element lacks it
        Files.writeString(songs.resolve("TRA.json"), song("SOA", ",\"bpm\":120"));
        Files.writeString(
                songs.resolve("TRB.json"),
                "[" + song("SOB", ",\"bpm\":90.5") + "," + song("SOC", "") + "," + song("SOD", ",\"bpm\":null") + "]");
        Files.writeString(songs.resolve("TRC.json"), song("SOE", ""));
        expected.add("events|newField|7|" + logs.resolve("a.json"));
        expected.add("events|retry|2|" + logs.resolve("c.json"));
        expected.add("songs|bpm|3|" + songs.resolve("TRA.json"));
    }

    private static EtlResult etl(Warehouse warehouse, FileSource songs, FileSource logs) {
        return new EtlPipeline(warehouse, EtlListener.NONE).run(new EtlOptions(songs, logs, false, 1));
    }

    private EtlResult etlLocal(Warehouse warehouse) {
        return etl(
                warehouse,
                new LocalFileSource(dir.resolve("song_data"), DataKind.SONGS),
                new LocalFileSource(logs, DataKind.EVENTS));
    }

    private static List<String> texts(List<UnknownKey> keys) {
        return keys.stream()
                .map(key -> key.kind() + "|" + key.key() + "|" + key.records() + "|" + key.exampleFile())
                .toList();
    }

    private static List<String> recorded(Warehouse warehouse, long loadId) throws Exception {
        return Tables.rows(
                TestWarehouses.jdbc(warehouse),
                "SELECT kind, json_key, records, example_file FROM etl_unknown_keys WHERE load_id = " + loadId
                        + " ORDER BY kind, json_key");
    }

    private void assertRecordsAndRerun(Warehouse warehouse, Function<Warehouse, EtlResult> run) throws Exception {
        EtlResult first = run.apply(warehouse);
        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(first.events().staged()).isEqualTo(12);
        assertThat(first.songs().staged()).isEqualTo(5);
        assertThat(texts(first.unknownKeys())).isEqualTo(expected);
        assertThat(recorded(warehouse, first.runId())).isEqualTo(expected);
        assertThat(texts(UnknownKeyLog.published(warehouse))).isEqualTo(expected);

        EtlResult again = run.apply(warehouse);
        assertThat(again.filesLoaded()).isZero();
        assertThat(again.unknownKeys()).isEmpty();
        assertThat(recorded(warehouse, again.runId())).isEmpty();
    }

    @Test
    void duckDbRecordsTheKeysOfBothStagingPaths() throws Exception {
        try (Warehouse warehouse = TestWarehouses.open("jdbc:duckdb:" + dir.resolve("w.duckdb"))) {
            assertRecordsAndRerun(warehouse, this::etlLocal);
            // the clean files were staged by read_json, which never sees the other keys
            assertThat(Tables.count(
                            TestWarehouses.jdbc(warehouse),
                            "SELECT COUNT(*) FROM staging_events WHERE source_file LIKE '%c.json'"))
                    .isEqualTo(3);
        }
    }

    @Test
    void postgresRecordsTheSameKeys() throws Exception {
        try (Warehouse warehouse =
                TestWarehouses.open(TestPostgres.get().url(), Optional.of(TestPostgres.newSchema("unknown_keys")))) {
            assertRecordsAndRerun(warehouse, this::etlLocal);
        }
    }

    @Test
    void duckDbFromS3RecordsTheKeysWithTheObjectsAsExamples() throws Exception {
        String endpoint = S3TestStore.endpoint(SERVER);
        String bucket = "drift-" + Long.toString(System.nanoTime(), 36);
        try (S3Client client = S3TestStore.client(endpoint)) {
            client.createBucket(b -> b.bucket(bucket));
            S3TestStore.upload(client, bucket, dir.resolve("song_data"), "song_data/");
            S3TestStore.upload(client, bucket, logs, "log_data/");
        }
        expected.replaceAll(row -> row.replace(dir.toString(), "s3://" + bucket));
        try (Warehouse warehouse = TestWarehouses.open("jdbc:duckdb:" + dir.resolve("s3.duckdb"));
                S3Storage storage = S3TestStore.storage(endpoint)) {
            assertRecordsAndRerun(
                    warehouse,
                    w -> etl(
                            w,
                            storage.source(S3Location.parse("s3://" + bucket + "/song_data"), DataKind.SONGS),
                            storage.source(S3Location.parse("s3://" + bucket + "/log_data"), DataKind.EVENTS)));
        }
    }
}
