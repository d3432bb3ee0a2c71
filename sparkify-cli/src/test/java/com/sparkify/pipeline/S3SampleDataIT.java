package com.sparkify.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.sparkify.config.SettingsResolver;
import com.sparkify.ingest.FileCounts;
import com.sparkify.source.DataKind;
import com.sparkify.source.FaultInjectingProxy;
import com.sparkify.source.FaultInjectingProxy.Fault;
import com.sparkify.source.FileSource;
import com.sparkify.source.LocalFileSource;
import com.sparkify.source.S3Location;
import com.sparkify.source.S3Storage;
import com.sparkify.source.S3TestStore;
import com.sparkify.testing.RawExpectations;
import com.sparkify.testing.SampleData;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Loads the real public sample from an in-process S3-compatible server into DuckDB, and compares every star
 * table, row by row, with a load of the same files from the local folder.
 */
class S3SampleDataIT {
    private static final String CHANGED_LOG = "log_data/2018/11/2018-11-12-events.json";
    private static final Map<String, String> STAR_TABLES = Map.of(
            "songplays", "songplay_id",
            "users", "user_id",
            "songs", "song_id",
            "artists", "artist_id",
            "\"time\"", "start_time");

    @RegisterExtension
    static final S3MockExtension SERVER = S3TestStore.server("sample");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static String endpoint;
    private static S3Client client;
    private static Map<String, List<String>> localTables;
    private static List<String> localStaging;
    private static final String SONGS_URI = "s3://sample/song_data";
    private static final String LOGS_URI = "s3://sample/log_data";

    @BeforeAll
    static void uploadTheSampleAndLoadItLocally() throws Exception {
        endpoint = S3TestStore.endpoint(SERVER);
        client = S3TestStore.client(endpoint);
        for (String bucket : List.of("sample", "changing")) {
            client.createBucket(b -> b.bucket(bucket));
            S3TestStore.upload(client, bucket, SampleData.songs(), "song_data/");
            S3TestStore.upload(client, bucket, SampleData.logs(), "log_data/");
        }
        try (Warehouse warehouse = open(shared.resolve("local.duckdb"))) {
            EtlResult result = etl(
                    warehouse,
                    new LocalFileSource(SampleData.songs(), DataKind.SONGS),
                    new LocalFileSource(SampleData.logs(), DataKind.EVENTS));
            assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
            localTables = starTables(TestWarehouses.jdbc(warehouse));
            localStaging = staged(
                    TestWarehouses.jdbc(warehouse),
                    SampleData.songs().toString(),
                    SampleData.logs().toString());
        }
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private static Warehouse open(Path file) {
        return Warehouses.open(new SettingsResolver(Map.of(), file.getParent())
                .resolve(new SettingsResolver.Flags(
                        Optional.of("jdbc:duckdb:" + file), Optional.empty(), Optional.empty(), Optional.empty())));
    }

    private static EtlResult etl(Warehouse warehouse, FileSource songs, FileSource logs) {
        return new EtlPipeline(warehouse, EtlListener.NONE).run(new EtlOptions(songs, logs, false, 0));
    }

    private static EtlResult etlFromS3(Warehouse warehouse, S3Storage storage, String bucket) {
        return etl(
                warehouse,
                storage.source(S3Location.parse("s3://" + bucket + "/song_data"), DataKind.SONGS),
                storage.source(S3Location.parse("s3://" + bucket + "/log_data"), DataKind.EVENTS));
    }

    static Map<String, List<String>> starTables(Connection connection) throws Exception {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : STAR_TABLES.entrySet()) {
            tables.put(
                    table.getKey(),
                    Tables.rows(connection, "SELECT * FROM " + table.getKey() + " ORDER BY " + table.getValue()));
        }
        return tables;
    }

    /** Every staged row, with local folders in its lineage written as the S3 locations they were uploaded to. */
    private static List<String> staged(Connection connection, String songs, String logs) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("staging_songs", "staging_events")) {
            rows.addAll(Tables.rows(
                    connection,
                    "SELECT * REPLACE (replace(replace(source_file, '" + songs + "', '" + SONGS_URI + "'), '" + logs
                            + "', '" + LOGS_URI + "') AS source_file) FROM " + table
                            + " ORDER BY source_file, source_record"));
        }
        return rows;
    }

    @Test
    void buildsTheSameStarSchemaFromS3AsFromTheLocalFolder() throws Exception {
        try (Warehouse warehouse = open(dir.resolve("s3.duckdb"));
                S3Storage storage = S3TestStore.storage(endpoint)) {
            EtlResult result = etlFromS3(warehouse, storage, "sample");

            assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(result.filesLoaded()).isEqualTo(101);
            assertThat(result.events().staged()).isEqualTo(8056);
            assertThat(result.songs().staged()).isEqualTo(71);
            assertThat(result.total().rejected()).isZero();
            Map<String, List<String>> tables = starTables(TestWarehouses.jdbc(warehouse));
            assertThat(tables.get("songplays")).hasSize(6820);
            for (String table : STAR_TABLES.keySet()) {
                assertThat(tables.get(table)).as(table).isEqualTo(localTables.get(table));
            }
            assertThat(staged(TestWarehouses.jdbc(warehouse), SONGS_URI, LOGS_URI))
                    .isEqualTo(localStaging);
            assertThat(Tables.count(
                            TestWarehouses.jdbc(warehouse),
                            "SELECT COUNT(*) FROM etl_files WHERE path LIKE 's3://sample/%'"))
                    .isEqualTo(101);
        }
    }

    @Test
    void rerunIsANoOpAndAnOverwrittenObjectAloneIsReloaded() throws Exception {
        try (Warehouse warehouse = open(dir.resolve("s3.duckdb"));
                S3Storage storage = S3TestStore.storage(endpoint)) {
            etlFromS3(warehouse, storage, "changing");
            List<String> before = SampleDataIT.snapshot(TestWarehouses.jdbc(warehouse));

            EtlResult rerun = etlFromS3(warehouse, storage, "changing");

            assertThat(rerun.filesLoaded()).isZero();
            assertThat(rerun.total().read()).isZero();
            assertThat(SampleDataIT.snapshot(TestWarehouses.jdbc(warehouse))).isEqualTo(before);

            List<String> lines = Files.readAllLines(SampleData.folder().resolve(CHANGED_LOG));
            String firstHalf = String.join("\n", lines.subList(0, lines.size() / 2)) + "\n";
            S3TestStore.put(client, "changing", CHANGED_LOG, firstHalf);

            EtlResult changed = etlFromS3(warehouse, storage, "changing");

            assertThat(changed.filesLoaded()).isEqualTo(1);
            assertThat(changed.filesChanged()).isEqualTo(1);
            assertThat(changed.events().staged()).isEqualTo(lines.size() / 2);
            assertThat(starTables(TestWarehouses.jdbc(warehouse))).isEqualTo(localLoadWith(CHANGED_LOG, firstHalf));
            assertThat(Tables.count(
                            TestWarehouses.jdbc(warehouse),
                            "SELECT COUNT(*) FROM staging_events WHERE source_file = 's3://changing/" + CHANGED_LOG
                                    + "'"))
                    .isEqualTo(lines.size() / 2);
        }
    }

    /** The star tables of a fresh local load of the sample with one file's content replaced. */
    private Map<String, List<String>> localLoadWith(String relativePath, String content) throws Exception {
        Path copy = dir.resolve("copy");
        try (Stream<Path> files = Files.walk(SampleData.folder())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(SampleData.folder().relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Files.writeString(copy.resolve(relativePath), content);
        try (Warehouse warehouse = open(dir.resolve("local-changed.duckdb"))) {
            etl(
                    warehouse,
                    new LocalFileSource(copy.resolve("song_data"), DataKind.SONGS),
                    new LocalFileSource(copy.resolve("log_data"), DataKind.EVENTS));
            return starTables(TestWarehouses.jdbc(warehouse));
        }
    }

    @Test
    void loadsThousandsOfSmallObjects() throws Exception {
        client.createBucket(b -> b.bucket("many"));
        Path songs = Files.createDirectories(dir.resolve("many"));
        for (int i = 0; i < 3000; i++) {
            Path file =
                    songs.resolve((char) ('A' + i % 26) + "/" + (char) ('A' + i / 26 % 26) + "/TRGEN" + i + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    "{\"num_songs\": 1, \"artist_id\": \"ARGEN" + i % 1000 + "\", \"artist_latitude\": null,"
                            + " \"artist_longitude\": null, \"artist_location\": \"\", \"artist_name\": \"Artist "
                            + i % 1000 + "\", \"song_id\": \"SOGEN" + i + "\", \"title\": \"Song " + i
                            + "\", \"duration\": 200.5, \"year\": 2000}");
        }
        S3TestStore.upload(client, "many", songs, "song_data/");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.copy(SampleData.folder().resolve(CHANGED_LOG), logs.resolve("day.json"));

        try (Warehouse warehouse = open(dir.resolve("s3.duckdb"));
                S3Storage storage = S3TestStore.storage(endpoint)) {
            EtlResult result = etl(
                    warehouse,
                    storage.source(S3Location.parse("s3://many/song_data"), DataKind.SONGS),
                    new LocalFileSource(logs, DataKind.EVENTS));

            assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(result.filesLoaded()).isEqualTo(3001);
            assertThat(result.songs()).isEqualTo(new FileCounts(3000, 3000, 0));
            assertThat(result.tables().songs()).isEqualTo(3000);
            assertThat(result.tables().artists()).isEqualTo(1000);
            assertThat(Tables.count(
                            TestWarehouses.jdbc(warehouse), "SELECT COUNT(DISTINCT source_file) FROM staging_songs"))
                    .isEqualTo(3000);
        }
    }

    @Test
    void loadsThroughThrottlingAndServerErrors() throws Exception {
        RawExpectations raw = RawExpectations.read(SampleData.songs(), SampleData.logs());
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(
                        endpoint,
                        n -> n <= 2 || n % 17 == 0 ? Fault.SLOW_DOWN : n % 23 == 0 ? Fault.INTERNAL_ERROR : null);
                Warehouse warehouse = open(dir.resolve("s3.duckdb"));
                S3Storage storage = S3TestStore.storage(proxy.endpoint())) {
            EtlResult result = etlFromS3(warehouse, storage, "sample");

            assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(result.events().staged()).isEqualTo(raw.events.size());
            assertThat(result.songs().staged()).isEqualTo(raw.songs.size());
            assertThat(starTables(TestWarehouses.jdbc(warehouse))).isEqualTo(localTables);
            assertThat(proxy.served(Fault.SLOW_DOWN)).isGreaterThanOrEqualTo(5);
            assertThat(proxy.served(Fault.INTERNAL_ERROR)).isGreaterThanOrEqualTo(3);
            assertThat(proxy.forwarded()).isGreaterThanOrEqualTo(103);
        }
    }
}
