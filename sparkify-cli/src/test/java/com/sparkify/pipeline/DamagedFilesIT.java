package com.sparkify.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.ingest.FileCounts;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.LocalFileSource;
import com.sparkify.source.SourceFile;
import com.sparkify.testing.DamagedGzip;
import com.sparkify.testing.FailingStream;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.postgres.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Good files next to truncated and corrupt {@code .json.gz} ones, through the whole etl on DuckDB (whose good
 * event logs take its own reader) and PostgreSQL: the records before the damage load, each damaged file is one
 * reject with its line, the other files load, and {@code --max-errors} decides. DuckDB's reader reads a gzip
 * without its trailer, or with a wrong CRC, without a word: such files must not be staged by it.
 */
class DamagedFilesIT {
    private static final int RECORDS = 6;
    /** Records whole before the cut of the truncated files. */
    private static final int BEFORE_CUT = 4;

    @TempDir
    Path dir;

    private Path songs;
    private Path logs;
    private long expectedEvents;
    private long expectedSongs;

    @BeforeEach
    void files() throws IOException {
        songs = Files.createDirectories(dir.resolve("song_data"));
        logs = Files.createDirectories(dir.resolve("log_data"));
        int file = 0;
        Files.writeString(logs.resolve("a-good.json"), String.join("", events(file++)));
        Files.write(logs.resolve("b-good.json.gz"), gzip(String.join("", events(file++))));
        Files.write(
                logs.resolve("c-truncated.json.gz"),
                DamagedGzip.of(events(file++)).cutInsideRecord(BEFORE_CUT));
        Files.write(
                logs.resolve("d-no-trailer.json.gz"),
                DamagedGzip.of(events(file++)).withoutTrailer());
        Files.write(
                logs.resolve("e-wrong-crc.json.gz"),
                DamagedGzip.of(events(file++)).withWrongCrc());
        Files.write(
                logs.resolve("f-not-gzip.json.gz"),
                DamagedGzip.of(events(file++)).withWrongMagic());
        Files.writeString(logs.resolve("g-good.json"), String.join("", events(file++)));
        // good files: 3 x RECORDS; truncated: BEFORE_CUT; no trailer and wrong CRC: every record
        expectedEvents = 3 * RECORDS + BEFORE_CUT + 2 * RECORDS;

        Files.writeString(songs.resolve("a-good.json"), String.join("", songs(file++)));
        Files.write(
                songs.resolve("b-truncated.json.gz"),
                DamagedGzip.of(songs(file++)).cutInsideRecord(BEFORE_CUT));
        Files.write(
                songs.resolve("c-wrong-crc.json.gz"),
                DamagedGzip.of(songs(file++)).withWrongCrc());
        Files.write(songs.resolve("d-good.json.gz"), gzip(String.join("", songs(file++))));
        expectedSongs = 2 * RECORDS + BEFORE_CUT + RECORDS;
    }

    private static List<String> events(int file) {
        List<String> lines = new ArrayList<>();
        for (int item = 0; item < RECORDS; item++) {
            lines.add("{\"ts\":" + (1541990217796L + 1000L * item) + ",\"page\":\"NextSong\",\"sessionId\":" + file
                    + ",\"itemInSession\":" + item + ",\"userId\":\"" + (file + 1) + "\",\"level\":\"free\","
                    + "\"song\":\"Song " + file + "-" + item + "\",\"artist\":\"Artist\",\"length\":200.5}\n");
        }
        return lines;
    }

    private static List<String> songs(int file) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add("{\"num_songs\": 1, \"artist_id\": \"AR" + file + "\", \"artist_name\": \"Artist\", "
                    + "\"song_id\": \"SO" + file + "X" + i + "\", \"title\": \"Song " + file + "-" + i
                    + "\", \"duration\": 200.5, \"year\": 2005}\n");
        }
        return records;
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private Warehouse open(String engine, String name) {
        return engine.equals("duckdb")
                ? TestWarehouses.open("jdbc:duckdb:" + dir.resolve(name + ".duckdb"))
                : TestWarehouses.open(TestPostgres.get().url(), Optional.of(TestPostgres.newSchema(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres"})
    void theRecordsBeforeTheDamageLoadAndEachDamagedFileIsOneReject(String engine) throws Exception {
        try (Warehouse warehouse = open(engine, "damaged")) {
            EtlResult result = TestWarehouses.etl(warehouse, songs, logs, false, 100);

            assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(result.events()).isEqualTo(new FileCounts(expectedEvents + 4, expectedEvents, 4));
            assertThat(result.songs()).isEqualTo(new FileCounts(expectedSongs + 2, expectedSongs, 2));
            assertThat(result.tables().songplays()).isEqualTo(expectedEvents);
            assertThat(Tables.count(TestWarehouses.jdbc(warehouse), "SELECT COUNT(*) FROM staging_events"))
                    .isEqualTo(expectedEvents);
            assertThat(Tables.rows(
                            TestWarehouses.jdbc(warehouse),
                            "SELECT kind, source_file, line_number, CASE WHEN reason LIKE 'Truncated gzip stream:%'"
                                    + " THEN 'Truncated gzip' WHEN reason LIKE 'Corrupt gzip data (%'"
                                    + " THEN 'Corrupt gzip' ELSE reason END FROM load_errors"
                                    + " ORDER BY kind, source_file"))
                    .containsExactly(
                            reject("events", logs.resolve("c-truncated.json.gz"), BEFORE_CUT + 1, "Truncated gzip"),
                            reject("events", logs.resolve("d-no-trailer.json.gz"), RECORDS + 1, "Truncated gzip"),
                            reject("events", logs.resolve("e-wrong-crc.json.gz"), RECORDS + 1, "Corrupt gzip"),
                            reject("events", logs.resolve("f-not-gzip.json.gz"), 1, "Corrupt gzip"),
                            reject("songs", songs.resolve("b-truncated.json.gz"), BEFORE_CUT + 1, "Truncated gzip"),
                            reject("songs", songs.resolve("c-wrong-crc.json.gz"), RECORDS + 1, "Corrupt gzip"));
            for (String file : List.of("c-truncated", "d-no-trailer", "e-wrong-crc", "f-not-gzip")) {
                long staged = Tables.count(
                        TestWarehouses.jdbc(warehouse),
                        "SELECT COUNT(*) FROM staging_events WHERE source_file = '" + logs.resolve(file + ".json.gz")
                                + "'");
                long expected = file.equals("c-truncated") ? BEFORE_CUT : file.equals("f-not-gzip") ? 0 : RECORDS;
                assertThat(staged).as(file).isEqualTo(expected);
            }

            // The damage is in the files' bytes: a rerun does not read them again.
            EtlResult rerun = TestWarehouses.etl(warehouse, songs, logs, false, 0);
            assertThat(rerun.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(rerun.events()).isEqualTo(FileCounts.ZERO);
            assertThat(rerun.songs()).isEqualTo(FileCounts.ZERO);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres"})
    void maxErrorsZeroRefusesTheRunAndPublishesNothing(String engine) throws Exception {
        try (Warehouse warehouse = open(engine, "refused")) {
            EtlResult result = TestWarehouses.etl(warehouse, songs, logs, false, 0);

            assertThat(result.status()).isEqualTo(RunStatus.TOO_MANY_REJECTS);
            assertThat(result.events().rejected() + result.songs().rejected()).isEqualTo(6);
            assertThat(Tables.count(TestWarehouses.jdbc(warehouse), "SELECT COUNT(*) FROM songplays"))
                    .isZero();
            assertThat(Tables.count(TestWarehouses.jdbc(warehouse), "SELECT COUNT(*) FROM songs"))
                    .isZero();
            assertThat(Tables.count(TestWarehouses.jdbc(warehouse), "SELECT COUNT(*) FROM etl_files"))
                    .isZero();
            assertThat(Tables.count(TestWarehouses.jdbc(warehouse), "SELECT COUNT(*) FROM staging_events"))
                    .isZero();
            assertThat(Tables.count(TestWarehouses.jdbc(warehouse), "SELECT COUNT(*) FROM load_errors"))
                    .isEqualTo(6);
        }
    }

    private static String reject(String kind, Path file, long line, String reason) {
        return kind + "|" + file + "|" + line + "|" + reason;
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres"})
    void aFileThatCouldNotBeReadHalfwayIsReadAgainByTheNextRun(String engine) throws Exception {
        Path good = Files.createDirectories(dir.resolve("good_logs"));
        Path broken = good.resolve("b-broken.json");
        Files.writeString(good.resolve("a.json"), String.join("", events(0)));
        List<String> lines = events(1);
        Files.writeString(broken, String.join("", lines));
        long failAt = lines.get(0).length() + lines.get(1).length() + 7;
        FileSource unreadable = new BrokenAt(new LocalFileSource(good, DataKind.EVENTS), broken.toString(), failAt);
        FileSource noSongs = new LocalFileSource(Files.createDirectories(dir.resolve("no_songs")), DataKind.SONGS);
        try (Warehouse warehouse = open(engine, "halfway")) {
            EtlResult first =
                    new EtlPipeline(warehouse, EtlListener.NONE).run(new EtlOptions(noSongs, unreadable, false, 1));

            assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(first.events()).isEqualTo(new FileCounts(RECORDS + 3, RECORDS + 2, 1));
            assertThat(Tables.rows(TestWarehouses.jdbc(warehouse), "SELECT line_number, reason FROM load_errors"))
                    .containsExactly("3|Read error (Input/output error); the 2 complete records before line 3 were"
                            + " read; run etl again");
            assertThat(Tables.count(TestWarehouses.jdbc(warehouse), "SELECT COUNT(*) FROM songplays"))
                    .isEqualTo(RECORDS + 2);

            EtlResult second = TestWarehouses.etl(warehouse, dir.resolve("no_songs"), good, false, 0);

            assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(second.filesChanged()).isEqualTo(1);
            assertThat(second.events()).isEqualTo(new FileCounts(RECORDS, RECORDS, 0));
            assertThat(Tables.count(TestWarehouses.jdbc(warehouse), "SELECT COUNT(*) FROM songplays"))
                    .isEqualTo(2 * RECORDS);
            assertThat(Tables.count(
                            TestWarehouses.jdbc(warehouse),
                            "SELECT COUNT(*) FROM etl_files WHERE change_marker LIKE '%incomplete'"))
                    .isZero();

            EtlResult third = TestWarehouses.etl(warehouse, dir.resolve("no_songs"), good, false, 0);
            assertThat(third.events()).isEqualTo(FileCounts.ZERO);
        }
    }

    /** A folder where one file cannot be read past a byte, as a disk with a bad sector. */
    private record BrokenAt(FileSource folder, String uri, long failAt) implements FileSource {
        @Override
        public List<SourceFile> list() {
            return folder.list();
        }

        @Override
        public InputStream open(SourceFile file) throws IOException {
            InputStream in = folder.open(file);
            if (!file.uri().equals(uri)) {
                return in;
            }
            return new FailingStream(in, failAt);
        }

        @Override
        public String describe() {
            return folder.describe();
        }
    }
}
