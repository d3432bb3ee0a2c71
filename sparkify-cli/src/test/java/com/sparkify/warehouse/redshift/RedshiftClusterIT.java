package com.sparkify.warehouse.redshift;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import com.sparkify.ingest.FileCounts;
import com.sparkify.pipeline.EtlListener;
import com.sparkify.pipeline.EtlOptions;
import com.sparkify.pipeline.EtlPipeline;
import com.sparkify.pipeline.EtlResult;
import com.sparkify.pipeline.RunStatus;
import com.sparkify.pipeline.Schema;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.LocalFileSource;
import com.sparkify.source.SourceFile;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Redshift engine on a real cluster: what no test on this machine can show (COPY, stl_load_errors, the
 * SQL dialect itself). Runs only when {@code SPARKIFY_TEST_REDSHIFT_URL} (a JDBC URL with user and password of
 * a database whose sparkify tables the test may drop) and {@code SPARKIFY_TEST_REDSHIFT_CONFIG} (a dwh.cfg with
 * [IAM_ROLE] ARN and a writable [S3] MANIFEST_PREFIX, plus [S3] REGION if needed) are set, with AWS credentials
 * that may write to that prefix; skipped with a message otherwise.
 */
class RedshiftClusterIT {
    @TempDir
    Path dir;

    private Settings settings;

    @BeforeEach
    void cluster() {
        String url = System.getenv("SPARKIFY_TEST_REDSHIFT_URL");
        String config = System.getenv("SPARKIFY_TEST_REDSHIFT_CONFIG");
        Assumptions.assumeTrue(
                url != null && !url.isBlank() && config != null && !config.isBlank(),
                "no Redshift cluster: set SPARKIFY_TEST_REDSHIFT_URL and SPARKIFY_TEST_REDSHIFT_CONFIG to run this");
        settings = new SettingsResolver(Map.of(), dir)
                .resolve(new SettingsResolver.Flags(
                        Optional.of(url), Optional.of(Path.of(config)), Optional.empty(), Optional.empty()));
    }

    @Test
    void theDialectDoesWhatTheSqlSays() throws Exception {
        try (Warehouse warehouse = Warehouses.open(settings)) {
            String start = "TIMESTAMP '1970-01-01' + (%1$d / 86400000) * INTERVAL '1 day'"
                    + " + (%1$d %% 86400000) * INTERVAL '1 millisecond'";
            assertThat(StarTables.rows(
                            TestWarehouses.jdbc(warehouse),
                            "SELECT " + String.format(start, 1541105830796L) + ", "
                                    + String.format(start, 253402300799999L)
                                    + ", EXTRACT(dow FROM TIMESTAMP '2018-11-04 10:00:00'),"
                                    + " EXTRACT(week FROM TIMESTAMP '2018-12-31 10:00:00'),"
                                    + " md5('7:1')"))
                    .containsExactly("2018-11-01T20:57:10.796|9999-12-31T23:59:59.999|0|1|" + md5("7:1"));
            TestWarehouses.jdbc(warehouse).rollback();
        }
    }

    @Test
    void aRunOnTheClusterEqualsTheSameRunOnDuckDb() throws Exception {
        Path songs = Files.createDirectories(dir.resolve("song_data"));
        Path logs = Files.createDirectories(dir.resolve("log_data"));
        Files.writeString(songs.resolve("a.json"), RedshiftSqlOnPostgresIT.song("SO1", "T1", "AR1"));
        Files.writeString(
                logs.resolve("day.json"),
                String.join(
                        "\n",
                        RedshiftSqlOnPostgresIT.play(1541105830796L, 5, 1, "7", "T1"),
                        RedshiftSqlOnPostgresIT.play(1541105830797L, 5, 2, "abc", "T1"),
                        RedshiftSqlOnPostgresIT.play(1541105830799L, 5, 4, "7", "T2"),
                        "{\"broken\": ",
                        ""));
        // Too long for Redshift's VARCHAR(65535): rejected there, loaded by DuckDB, so compared apart.
        Files.writeString(
                logs.resolve("long.json"), RedshiftSqlOnPostgresIT.play(1541105830798L, 5, 3, "7", "x".repeat(70_000)));
        S3ManifestStore s3 = new S3ManifestStore(settings.aws().dataRegion());
        String prefix = settings.aws().manifestPrefix().orElseThrow() + "/it-" + System.nanoTime();
        FileSource songFiles = uploaded(s3, songs, DataKind.SONGS, prefix + "/song_data");
        FileSource logFiles = uploaded(s3, logs, DataKind.EVENTS, prefix + "/log_data");

        EtlResult redshift;
        try (Warehouse warehouse = Warehouses.open(settings)) {
            Schema.recreate(warehouse);
            redshift = new EtlPipeline(warehouse, EtlListener.NONE).run(new EtlOptions(songFiles, logFiles, false, 10));
        }

        assertThat(redshift.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(redshift.events()).isEqualTo(new FileCounts(5, 2, 3));
        try (Warehouse warehouse = Warehouses.open(settings)) {
            assertThat(StarTables.rows(
                            TestWarehouses.jdbc(warehouse), "SELECT line_number, reason FROM load_errors ORDER BY 1"))
                    .anyMatch(row -> row.contains("Expected a numeric userId, found \"abc\""))
                    .anyMatch(row -> row.startsWith("1|String length exceeds DDL length"))
                    .hasSizeGreaterThanOrEqualTo(3);
            assertThat(StarTables.read(TestWarehouses.jdbc(warehouse)))
                    .isEqualTo(duckdb(songs, logs.resolve("day.json")));
        }
    }

    private Map<String, List<String>> duckdb(Path songs, Path logs) throws Exception {
        Settings local = new SettingsResolver(Map.of(), dir)
                .resolve(new SettingsResolver.Flags(
                        Optional.of("jdbc:duckdb:" + dir.resolve("w.duckdb")),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        try (Warehouse warehouse = Warehouses.open(local)) {
            new EtlPipeline(warehouse, EtlListener.NONE)
                    .run(new EtlOptions(
                            new LocalFileSource(songs, DataKind.SONGS),
                            new LocalFileSource(logs, DataKind.EVENTS),
                            false,
                            10));
            return StarTables.read(TestWarehouses.jdbc(warehouse));
        }
    }

    /** The files of {@code folder}, written to S3 under {@code prefix}, listed as the S3 source would. */
    private static FileSource uploaded(S3ManifestStore s3, Path folder, DataKind kind, String prefix) {
        S3Folder objects = new S3Folder(folder, kind, prefix);
        for (SourceFile file : objects.list()) {
            try {
                s3.put(file.uri(), Files.readString(file.localPath().orElseThrow()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new FileSource() {
            @Override
            public List<SourceFile> list() {
                return objects.list();
            }

            @Override
            public InputStream open(SourceFile file) throws IOException {
                return objects.open(file);
            }

            @Override
            public String describe() {
                return prefix;
            }
        };
    }

    private static String md5(String text) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("MD5")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }
}
