package com.sparkify.warehouse.redshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import com.sparkify.generate.DatasetGenerator;
import com.sparkify.generate.GeneratorSpec;
import com.sparkify.pipeline.DryRun;
import com.sparkify.pipeline.EtlListener;
import com.sparkify.pipeline.EtlOptions;
import com.sparkify.pipeline.EtlPipeline;
import com.sparkify.pipeline.EtlPreview;
import com.sparkify.pipeline.EtlResult;
import com.sparkify.pipeline.RunStatus;
import com.sparkify.source.DataKind;
import com.sparkify.source.LocalFileSource;
import com.sparkify.testing.DamagedGzip;
import com.sparkify.testing.SampleData;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Redshift engine's SQL (schema, staging from the COPY table, merges, checks, ledger, run lock) executed on
 * a real PostgreSQL, and compared with the DuckDB engine on the same files. Only COPY itself is faked.
 */
class RedshiftSqlOnPostgresIT {
    static final String CONFIG =
            """
            [IAM_ROLE]
            ARN = arn:aws:iam::123456789012:role/dwhRole

            [S3]
            MANIFEST_PREFIX = s3://sparkify-test/manifests/
            REGION = us-west-2
            """;

    private static RedshiftOnPostgres postgres;

    @TempDir
    Path dir;

    private String database;
    private Settings settings;
    private final FakeCopier copier = new FakeCopier();
    private final FakeManifestStore manifests = new FakeManifestStore();

    @BeforeAll
    static void start() {
        postgres = new RedshiftOnPostgres();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void newWarehouse() throws Exception {
        database = postgres.newDatabase();
        Files.writeString(dir.resolve("dwh.cfg"), CONFIG);
        settings = new SettingsResolver(Map.of(), dir).resolve(SettingsResolver.Flags.none());
    }

    private RedshiftWarehouse redshift() {
        return postgres.warehouse(database, settings, copier, manifests, Duration.ofMillis(500));
    }

    private EtlResult redshiftEtl(Path songs, Path logs, long maxErrors) {
        try (Warehouse warehouse = redshift()) {
            return new EtlPipeline(warehouse, EtlListener.NONE)
                    .run(new EtlOptions(
                            new S3Folder(songs, DataKind.SONGS, "s3://sparkify-test/song_data"),
                            new S3Folder(logs, DataKind.EVENTS, "s3://sparkify-test/log_data"),
                            false,
                            maxErrors));
        }
    }

    private Warehouse duckdb() {
        return Warehouses.open(new SettingsResolver(Map.of(), dir)
                .resolve(new SettingsResolver.Flags(
                        Optional.of("jdbc:duckdb:" + dir.resolve("w.duckdb")),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())));
    }

    private EtlResult duckdbEtl(Path songs, Path logs, long maxErrors) {
        try (Warehouse warehouse = duckdb()) {
            return new EtlPipeline(warehouse, EtlListener.NONE)
                    .run(new EtlOptions(
                            new LocalFileSource(songs, DataKind.SONGS),
                            new LocalFileSource(logs, DataKind.EVENTS),
                            false,
                            maxErrors));
        }
    }

    private <T> T onRedshift(SqlFunction<T> query) throws SQLException {
        try (Connection connection = postgres.session(database)) {
            return query.apply(connection);
        }
    }

    private <T> T onDuckDb(SqlFunction<T> query) throws SQLException {
        try (Warehouse warehouse = duckdb()) {
            return query.apply(TestWarehouses.jdbc(warehouse));
        }
    }

    private List<String> redshiftRows(String sql) throws SQLException {
        return onRedshift(connection -> StarTables.rows(connection, sql));
    }

    private long redshiftCount(String sql) throws SQLException {
        return onRedshift(connection -> StarTables.count(connection, sql));
    }

    private List<String> duckdbRows(String sql) throws SQLException {
        return onDuckDb(connection -> StarTables.rows(connection, sql));
    }

    @FunctionalInterface
    interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Same inputs, same star schema, same counts: on every run of a changing input. */
    private void assertSameAsDuckDb(EtlResult redshift, EtlResult duckdb) throws SQLException {
        assertThat(redshift.status()).isEqualTo(duckdb.status());
        assertThat(redshift.songs()).isEqualTo(duckdb.songs());
        assertThat(redshift.events()).isEqualTo(duckdb.events());
        assertThat(redshift.tables()).isEqualTo(duckdb.tables());
        assertThat(redshift.checks().failures()).isEmpty();
        Map<String, List<String>> expected = onDuckDb(StarTables::read);
        Map<String, List<String>> actual = onRedshift(StarTables::read);
        for (String table : expected.keySet()) {
            assertThat(actual.get(table)).as(table).containsExactlyElementsOf(expected.get(table));
        }
    }

    @Test
    void generatedDataWithBadRecordsLoadsAsOnDuckDbRunAfterRun() throws Exception {
        Path data = dir.resolve("data");
        new DatasetGenerator().generate(new GeneratorSpec(data, 8, 2, 7, GeneratorSpec.DEFAULT_FIRST_DAY));
        Path songs = data.resolve("song_data");
        Path logs = data.resolve("log_data");
        Path day = logs.resolve("2018/11/2018-11-01-events.json");
        Files.writeString(
                day,
                String.join(
                        "\n",
                        "{\"page\":\"NextSong\",\"sessionId\":9001,\"itemInSession\":0,\"ts\":1541105830796,"
                                + "\"userId\":\"\",\"song\":\"S\",\"artist\":\"A\",\"length\":1.5}",
                        "{\"page\":\"Home\",\"sessionId\":9001,\"itemInSession\":1,\"ts\":1541105830797,"
                                + "\"userId\":\"abc\"}",
                        "{\"page\":\"Home\",\"sessionId\":9001,\"itemInSession\":2,\"userId\":\"7\"}",
                        "{\"page\":\"Home\",\"sessionId\":9001,\"itemInSession\":2.5,\"ts\":1541105830798,"
                                + "\"userId\":\"7\"}",
                        "{not json",
                        ""),
                StandardOpenOption.APPEND);
        Files.createDirectories(songs.resolve("Z/Z/Z"));
        Files.writeString(
                songs.resolve("Z/Z/Z/TRZZZ.json"), "{\"artist_id\":\"AR1\",\"title\":\"No id\",\"duration\":1.0}\n");
        gzip(logs.resolve("2018/11/2018-11-02-events.json"));

        assertSameAsDuckDb(redshiftEtl(songs, logs, 100), duckdbEtl(songs, logs, 100));
        String checked = "SELECT line_number, reason, raw_text FROM load_errors"
                + " WHERE reason LIKE 'Missing%' OR reason LIKE '%userId%' ORDER BY reason, line_number";
        assertThat(redshiftRows(checked)).hasSize(4).isEqualTo(duckdbRows(checked));
        assertThat(redshiftCount("SELECT COUNT(*) FROM load_errors")).isEqualTo(6);

        EtlResult again = redshiftEtl(songs, logs, 100);
        assertThat(again.filesLoaded()).isZero();
        assertSameAsDuckDb(again, duckdbEtl(songs, logs, 100));

        List<String> lines = Files.readAllLines(day);
        Files.write(day, lines.subList(0, lines.size() / 2));
        Files.setLastModifiedTime(day, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        EtlResult changed = redshiftEtl(songs, logs, 100);
        assertThat(changed.filesChanged()).isEqualTo(1);
        assertSameAsDuckDb(changed, duckdbEtl(songs, logs, 100));
    }

    @Test
    void theRealSampleLoadsAsOnDuckDb() throws Exception {
        Path songs = SampleData.songs();
        Path logs = SampleData.logs();

        EtlResult redshift = redshiftEtl(songs, logs, 0);

        assertThat(redshift.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertSameAsDuckDb(redshift, duckdbEtl(songs, logs, 0));
    }

    @Test
    void stagingKeepsTheObjectRecordNumberAndLoadOfEveryRow() throws Exception {
        Path songs = Files.createDirectories(dir.resolve("songs"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(songs.resolve("a.json"), song("SO1", "T1", "AR1"));
        Files.writeString(
                logs.resolve("day.json"),
                play(1541105830796L, 5, 2, "7", "T1") + "\n" + play(1541105830001L, 5, 1, "7", "T1") + "\n");

        EtlResult result = redshiftEtl(songs, logs, 0);

        assertThat(redshiftRows(
                        "SELECT source_file, source_record, load_id, ts FROM staging_events ORDER BY source_record"))
                .containsExactly(
                        "s3://sparkify-test/log_data/day.json|1|" + result.runId() + "|1541105830001",
                        "s3://sparkify-test/log_data/day.json|2|" + result.runId() + "|1541105830796");
        assertThat(redshiftRows("SELECT start_time FROM songplays ORDER BY start_time"))
                .containsExactly("2018-11-01T20:57:10.001", "2018-11-01T20:57:10.796");
        assertThat(redshiftRows("SELECT weekday, week, hour FROM \"time\"")).containsOnly("4|44|20");
    }

    @Test
    void eachObjectIsCopiedThroughAManifestOfItsOwn() throws Exception {
        Path songs = Files.createDirectories(dir.resolve("songs"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(songs.resolve("a.json"), song("SO1", "T1", "AR1"));
        Files.writeString(logs.resolve("day.json"), play(1541105830796L, 5, 2, "7", "T1") + "\n");
        gzip(logs.resolve("day.json"));

        EtlResult result = redshiftEtl(songs, logs, 0);

        String run = "s3://sparkify-test/manifests/run-" + result.runId();
        assertThat(manifests.objects)
                .containsOnlyKeys(
                        "s3://sparkify-test/manifests/jsonpaths/songs.json",
                        run + "/songs-000001.manifest",
                        "s3://sparkify-test/manifests/jsonpaths/events.json",
                        run + "/events-000001.manifest");
        assertThat(manifests.objects.get(run + "/events-000001.manifest"))
                .contains("\"url\" : \"s3://sparkify-test/log_data/day.json.gz\"", "\"mandatory\" : true")
                .doesNotContain("a.json");
        assertThat(copier.statements.get(1))
                .startsWith("COPY etl_copy_events (artist, auth, first_name")
                .contains("FROM '" + run + "/events-000001.manifest'", "GZIP", "REGION 'us-west-2'", "MANIFEST");

        redshiftEtl(songs, logs, 0);

        assertThat(copier.statements).hasSize(2);
    }

    @Test
    void aValueLongerThanItsColumnIsRejectedNotCut() throws Exception {
        Path songs = Files.createDirectories(dir.resolve("songs"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(songs.resolve("a.json"), song("SO1", "T1", "AR1"));
        Files.writeString(
                logs.resolve("day.json"),
                play(1541105830796L, 5, 1, "7", "x".repeat(70_000)) + "\n" + play(1541105830797L, 5, 2, "7", "T1")
                        + "\n");

        EtlResult refused = redshiftEtl(songs, logs, 0);

        assertThat(refused.status()).isEqualTo(RunStatus.TOO_MANY_REJECTS);
        assertThat(refused.events().rejected()).isEqualTo(1);
        assertThat(redshiftRows("SELECT line_number, reason FROM load_errors"))
                .containsExactly("1|String length exceeds DDL length (column song, value '" + "x".repeat(60) + "')");
        assertThat(redshiftCount("SELECT COUNT(*) FROM songplays")).isZero();
        assertThat(redshiftCount("SELECT COUNT(*) FROM etl_files")).isZero();

        EtlResult accepted = redshiftEtl(songs, logs, 1);

        assertThat(accepted.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(redshiftCount("SELECT COUNT(*) FROM songplays")).isEqualTo(1);
    }

    @Test
    void aDamagedGzipFailsItsCopyAndTheRunPublishesNothing() throws Exception {
        Path songs = Files.createDirectories(dir.resolve("songs"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(songs.resolve("a.json"), song("SO1", "T1", "AR1"));
        Files.writeString(logs.resolve("a.json"), play(1541105830796L, 5, 1, "7", "T1") + "\n");
        Files.write(
                logs.resolve("b.json.gz"),
                DamagedGzip.of(List.of(
                                play(1541105830797L, 5, 2, "7", "T1") + "\n",
                                play(1541105830798L, 5, 3, "7", "T1") + "\n"))
                        .cutInsideRecord(1));

        assertThatThrownBy(() -> redshiftEtl(songs, logs, 100))
                .isInstanceOf(SparkifyException.class)
                .hasMessageStartingWith("Cannot stage s3://sparkify-test/log_data/b.json.gz on Redshift: ")
                .satisfies(e -> assertThat(((SparkifyException) e).code()).isEqualTo(ErrorCode.WAREHOUSE_FAILED))
                .hasMessageContaining("cannot decompress s3://sparkify-test/log_data/b.json.gz");
        assertThat(redshiftCount("SELECT COUNT(*) FROM songplays")).isZero();
        assertThat(redshiftCount("SELECT COUNT(*) FROM etl_files")).isZero();
    }

    @Test
    void recordsCopyDidNotReadAfterMalformedJsonAreCountedAndRecorded() throws Exception {
        Path songs = Files.createDirectories(dir.resolve("songs"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(songs.resolve("a.json"), song("SO1", "T1", "AR1"));
        Files.writeString(
                logs.resolve("day.json"),
                String.join(
                        "\n",
                        play(1541105830796L, 5, 1, "7", "T1"),
                        "{\"broken\": ",
                        play(1541105830797L, 5, 2, "7", "T1"),
                        play(1541105830798L, 5, 3, "7", "T1"),
                        ""));

        EtlResult result = redshiftEtl(songs, logs, 10);

        assertThat(result.events()).isEqualTo(new com.sparkify.ingest.FileCounts(4, 1, 3));
        assertThat(redshiftRows("SELECT line_number, reason FROM load_errors ORDER BY reason"))
                .hasSize(2)
                .anyMatch(row -> row.startsWith("2|COPY read 2 of the 4 records of this file: the 2 others, after the "
                        + "error on line 2, were not loaded"))
                .anyMatch(row -> row.startsWith("2|Invalid JSON"));
    }

    @Test
    void thePlanIsTheSqlOfTheRunInOrderAndChangesNothing() throws Exception {
        Path songs = Files.createDirectories(dir.resolve("songs"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(songs.resolve("a.json"), song("SO1", "T1", "AR1"));
        Files.writeString(logs.resolve("day1.json"), play(1541105830796L, 5, 1, "7", "T1") + "\n");
        Files.writeString(logs.resolve("day2.json"), play(1541192230796L, 6, 1, "7", "T1") + "\n");
        gzip(logs.resolve("day2.json"));
        EtlOptions options = new EtlOptions(
                new S3Folder(songs, DataKind.SONGS, "s3://sparkify-test/song_data"),
                new S3Folder(logs, DataKind.EVENTS, "s3://sparkify-test/log_data"),
                false,
                0);

        EtlPreview first;
        try (Warehouse warehouse = redshift()) {
            first = new DryRun(warehouse).preview(options);
        }

        Golden.assertMatches("plan.sql", printed(first));
        assertThat(first.loadId()).isEqualTo(1);
        assertThat(first.files()).extracting(EtlPreview.PlannedFile::action).containsOnly(EtlPreview.Action.NEW);
        assertThat(redshiftCount("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"))
                .isZero();
        assertThat(manifests.objects).isEmpty();
        assertThat(copier.statements).isEmpty();

        redshiftEtl(songs, logs, 0);
        EtlPreview second;
        try (Warehouse warehouse = redshift()) {
            second = new DryRun(warehouse).preview(options);
        }

        assertThat(second.loadId()).isEqualTo(2);
        assertThat(second.files()).extracting(EtlPreview.PlannedFile::action).containsOnly(EtlPreview.Action.UNCHANGED);
        assertThat(second.statements()).noneMatch(statement -> statement.startsWith("COPY"));
    }

    static String printed(EtlPreview preview) {
        StringBuilder text = new StringBuilder();
        for (String statement : preview.statements()) {
            text.append(statement.startsWith("--") ? statement : statement + ";")
                    .append("\n\n");
        }
        return text.toString();
    }

    @Test
    void withASchemaEveryTableLivesThere() throws Exception {
        settings = new SettingsResolver(Map.of(), dir)
                .resolve(new SettingsResolver.Flags(
                        Optional.empty(),
                        Optional.of("sparkify_it"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        Path songs = Files.createDirectories(dir.resolve("songs"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(songs.resolve("a.json"), song("SO1", "T1", "AR1"));
        Files.writeString(logs.resolve("day.json"), play(1541105830796L, 5, 1, "7", "T1") + "\n");

        EtlResult result = redshiftEtl(songs, logs, 0);

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(redshiftRows("SELECT table_schema, COUNT(*) FROM information_schema.tables "
                        + "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') GROUP BY table_schema"))
                .containsExactly("sparkify_it|15");
        assertThat(redshiftCount("SELECT COUNT(*) FROM sparkify_it.songplays")).isEqualTo(1);
    }

    @Test
    void aSecondRunWaitsForTheLockThenGivesUp() throws Exception {
        try (Warehouse first = redshift()) {
            first.acquireRunLock();
            try (Warehouse second = redshift()) {
                assertThatThrownBy(second::acquireRunLock)
                        .isInstanceOf(SparkifyException.class)
                        .hasMessageStartingWith("Another sparkify run is loading Redshift-on-PostgreSQL")
                        .extracting(e -> ((SparkifyException) e).code())
                        .isEqualTo(ErrorCode.BUSY);
            }
        }
        try (Warehouse third = redshift()) {
            third.acquireRunLock();
        }
    }

    static String song(String songId, String title, String artistId) {
        return "{\"num_songs\":1,\"artist_id\":\"" + artistId + "\",\"artist_latitude\":null,\"artist_longitude\":null,"
                + "\"artist_location\":\"\",\"artist_name\":\"Artist " + artistId + "\",\"song_id\":\"" + songId
                + "\",\"title\":\"" + title + "\",\"duration\":200.5,\"year\":0}\n";
    }

    static String play(long ts, long session, long item, String userId, String song) {
        return "{\"artist\":\"Artist AR1\",\"auth\":\"Logged In\",\"firstName\":\"Ann\",\"gender\":\"F\","
                + "\"itemInSession\":" + item + ",\"lastName\":\"Lee\",\"length\":200.5,\"level\":\"paid\","
                + "\"location\":\"Austin, TX\",\"method\":\"PUT\",\"page\":\"NextSong\",\"registration\":1.540919166796E12,"
                + "\"sessionId\":" + session + ",\"song\":\"" + song + "\",\"status\":200,\"ts\":" + ts
                + ",\"userAgent\":\"Mozilla/5.0\",\"userId\":\"" + userId + "\"}";
    }

    static void gzip(Path file) throws Exception {
        Path zipped = file.resolveSibling(file.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(zipped))) {
            out.write(Files.readString(file).getBytes(StandardCharsets.UTF_8));
        }
        Files.delete(file);
    }
}
