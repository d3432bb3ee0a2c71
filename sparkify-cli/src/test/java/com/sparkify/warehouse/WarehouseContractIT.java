package com.sparkify.warehouse;

import static com.sparkify.warehouse.Fixtures.T0;
import static com.sparkify.warehouse.Fixtures.page;
import static com.sparkify.warehouse.Fixtures.play;
import static com.sparkify.warehouse.Fixtures.song;
import static com.sparkify.warehouse.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.config.Settings;
import com.sparkify.ingest.FileCounts;
import com.sparkify.pipeline.EtlListener;
import com.sparkify.pipeline.EtlOptions;
import com.sparkify.pipeline.EtlPipeline;
import com.sparkify.pipeline.EtlResult;
import com.sparkify.pipeline.RunStatus;
import com.sparkify.pipeline.Schema;
import com.sparkify.pipeline.TableCounts;
import com.sparkify.source.DataKind;
import com.sparkify.source.LocalFileSource;
import com.sparkify.testing.TestWarehouses;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link Warehouse} promises, run against each engine by a subclass. Each test gets a new, empty
 * warehouse and folders {@link #songs} and {@link #logs} to write raw files into.
 */
public abstract class WarehouseContractIT {
    /** Text that the staging path must carry unchanged: tab, newline, backslash, quotes, accents, emoji. */
    protected static final String TRICKY_TITLE = "Café \\N \"Noir\"\tpart\n2 \\ ☕ 𝄞";

    protected static final String TRICKY_ARTIST = "Zoë & the Backslash \\\\ Band";

    private static final Map<String, List<String>> COLUMNS = Map.of(
            "staging_events",
            List.of(
                    "artist",
                    "auth",
                    "first_name",
                    "gender",
                    "item_in_session",
                    "last_name",
                    "length",
                    "level",
                    "location",
                    "method",
                    "page",
                    "registration",
                    "session_id",
                    "song",
                    "status",
                    "ts",
                    "user_agent",
                    "user_id",
                    "source_file",
                    "source_record",
                    "load_id"),
            "staging_songs",
            List.of(
                    "num_songs",
                    "artist_id",
                    "artist_latitude",
                    "artist_longitude",
                    "artist_location",
                    "artist_name",
                    "song_id",
                    "title",
                    "duration",
                    "year",
                    "source_file",
                    "source_record",
                    "load_id"),
            "songplays",
            List.of(
                    "songplay_id",
                    "start_time",
                    "user_id",
                    "level",
                    "song_id",
                    "artist_id",
                    "session_id",
                    "item_in_session",
                    "location",
                    "user_agent",
                    "song_title",
                    "artist_name",
                    "song_length"),
            "users",
            List.of("user_id", "first_name", "last_name", "gender", "level"),
            "songs",
            List.of("song_id", "title", "artist_id", "year", "duration"),
            "artists",
            List.of("artist_id", "name", "location", "latitude", "longitude"),
            "\"time\"",
            List.of("start_time", "hour", "day", "week", "month", "year", "weekday"),
            "load_errors",
            List.of("load_id", "kind", "source_file", "line_number", "reason", "raw_text", "logged_at"),
            "etl_files",
            List.of(
                    "path",
                    "kind",
                    "size_bytes",
                    "change_marker",
                    "rows_read",
                    "rows_staged",
                    "rows_rejected",
                    "load_id",
                    "loaded_at"),
            "etl_runs",
            List.of(
                    "run_id",
                    "started_at",
                    "ended_at",
                    "status",
                    "files_loaded",
                    "rows_read",
                    "rows_staged",
                    "rows_rejected",
                    "songplays",
                    "message"));

    protected static final String LEDGER =
            "SELECT path, kind, size_bytes, change_marker, rows_read, rows_staged, rows_rejected, load_id"
                    + " FROM etl_files ORDER BY path";

    @TempDir
    protected Path dir;

    protected Path songs;
    protected Path logs;
    private Settings settings;

    /** Settings of a new, empty warehouse of the engine under test; called once per test. */
    protected abstract Settings newWarehouse(Path dir);

    @BeforeEach
    void createWarehouse() {
        songs = dir.resolve("song_data");
        logs = dir.resolve("log_data");
        settings = newWarehouse(dir);
        write(songs.resolve("README.txt"), "song files go here");
        write(logs.resolve("README.txt"), "event logs go here");
    }

    protected Settings settings() {
        return settings;
    }

    protected Warehouse open() {
        return Warehouses.open(settings);
    }

    protected EtlResult etl(long maxErrors) {
        return etl(maxErrors, false);
    }

    protected EtlResult etl(long maxErrors, boolean fullRefresh) {
        try (Warehouse warehouse = open()) {
            return new EtlPipeline(warehouse, EtlListener.NONE)
                    .run(new EtlOptions(
                            new LocalFileSource(songs, DataKind.SONGS),
                            new LocalFileSource(logs, DataKind.EVENTS),
                            fullRefresh,
                            maxErrors));
        }
    }

    protected EtlResult etl() {
        return etl(0);
    }

    protected List<String> query(String sql) {
        try (Warehouse warehouse = open()) {
            return Rows.of(TestWarehouses.jdbc(warehouse), sql);
        }
    }

    protected Map<String, List<String>> star() {
        try (Warehouse warehouse = open()) {
            return Rows.star(TestWarehouses.jdbc(warehouse));
        }
    }

    /**
     * Two catalog songs (one with text that needs escaping) and one event log: user 7 plays both songs, the
     * second time as a paid user, and visits Home in between; user 8 plays a song outside the catalog; a
     * logged-out visitor sees Home.
     */
    protected void writeFixture() {
        write(songs.resolve("A/A/TRAAA.json"), song("SOAAA", "Hold On", "ARAAA", "The Band", 200.5, 2001));
        write(songs.resolve("B/B/TRBBB.json"), song("SOBBB", TRICKY_TITLE, "ARBBB", TRICKY_ARTIST, 180.25, 0));
        write(
                logs.resolve("2018/11/2018-11-01-events.json"),
                play(T0, 10, 0, 7, "Ann", "free", "Hold On", "The Band", 200.5),
                page(T0 + 1_000, 10, 1, "7", "free", "Home"),
                play(T0 + 60_000, 10, 2, 7, "Ann", "paid", TRICKY_TITLE, TRICKY_ARTIST, 180.25),
                play(T0 + 120_000, 20, 0, 8, "Bob", "paid", "Not In Catalog", "Nobody", 99.0),
                page(T0 + 5, 30, 0, "", "free", "Home"));
    }

    @Test
    void createTablesMakesEveryTableEmptyWithTheSameColumns() throws SQLException {
        try (Warehouse warehouse = open()) {
            Schema.recreate(warehouse);
            for (Map.Entry<String, List<String>> table : COLUMNS.entrySet()) {
                assertThat(columns(TestWarehouses.jdbc(warehouse), table.getKey()))
                        .as(table.getKey())
                        .isEqualTo(table.getValue());
                assertThat(Rows.single(TestWarehouses.jdbc(warehouse), "SELECT COUNT(*) FROM " + table.getKey()))
                        .isEqualTo("0");
            }
        }
    }

    @Test
    void etlLoadsTheFixtureIntoTheStarSchema() {
        writeFixture();

        EtlResult result = etl();

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.checks().passed()).isTrue();
        assertThat(result.songs()).isEqualTo(new FileCounts(2, 2, 0));
        assertThat(result.events()).isEqualTo(new FileCounts(5, 5, 0));
        assertThat(result.tables()).isEqualTo(new TableCounts(3, 2, 2, 2, 3, 2));
        assertThat(query("SELECT session_id, item_in_session, user_id, level, song_id, artist_id, song_title"
                        + " FROM songplays ORDER BY session_id, item_in_session"))
                .containsExactly(
                        "10 | 0 | 7 | 'free' | 'SOAAA' | 'ARAAA' | 'Hold On'",
                        "10 | 2 | 7 | 'paid' | 'SOBBB' | 'ARBBB' | '" + TRICKY_TITLE.replace("'", "''") + "'",
                        "20 | 0 | 8 | 'paid' | NULL | NULL | 'Not In Catalog'");
        assertThat(query("SELECT title FROM songs WHERE song_id = 'SOBBB'")).containsExactly("'" + TRICKY_TITLE + "'");
        assertThat(query("SELECT name FROM artists WHERE artist_id = 'ARBBB'"))
                .containsExactly("'" + TRICKY_ARTIST + "'");
        assertThat(query("SELECT year FROM songs ORDER BY song_id")).containsExactly("2001", "NULL");
    }

    @Test
    void aRerunChangesNothing() {
        writeFixture();
        etl();
        Map<String, List<String>> before = star();
        List<String> ledgerBefore = query(LEDGER);
        List<String> stagedBefore = query("SELECT COUNT(*), SUM(load_id) FROM staging_events");

        EtlResult rerun = etl();

        assertThat(rerun.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(rerun.filesLoaded()).isZero();
        assertThat(rerun.total()).isEqualTo(FileCounts.ZERO);
        assertThat(star()).isEqualTo(before);
        assertThat(query(LEDGER)).isEqualTo(ledgerBefore).hasSize(3);
        assertThat(query("SELECT COUNT(*), SUM(load_id) FROM staging_events")).isEqualTo(stagedBefore);
    }

    @Test
    void aChangedFileReplacesItsOldRows() {
        writeFixture();
        etl();
        write(
                logs.resolve("2018/11/2018-11-01-events.json"),
                play(T0, 10, 0, 7, "Ann", "free", "Hold On", "The Band", 200.5),
                play(T0 + 60_000, 10, 2, 7, "Ann", "paid", TRICKY_TITLE, TRICKY_ARTIST, 180.25),
                play(T0 + 180_000, 40, 0, 9, "Cy", "free", "Hold On", "The Band", 200.5));

        EtlResult result = etl();

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.filesChanged()).isEqualTo(1);
        assertThat(
                        query(
                                "SELECT session_id, item_in_session, user_id FROM songplays ORDER BY session_id, item_in_session"))
                .containsExactly("10 | 0 | 7", "10 | 2 | 7", "40 | 0 | 9");
        assertThat(query("SELECT user_id FROM users ORDER BY user_id")).containsExactly("7", "9");
        assertThat(query("SELECT COUNT(*) FROM staging_events")).containsExactly("3");
        assertThat(query("SELECT rows_read FROM etl_files WHERE kind = 'events'"))
                .containsExactly("3");
    }

    @Test
    void aFullRefreshRebuildsTheSameTables() {
        writeFixture();
        etl();
        Map<String, List<String>> before = star();
        List<String> staged = query("SELECT COUNT(*) FROM staging_events");

        EtlResult refresh = etl(0, true);

        assertThat(refresh.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(refresh.filesLoaded()).isEqualTo(3);
        assertThat(star()).isEqualTo(before);
        assertThat(query("SELECT COUNT(*) FROM staging_events")).isEqualTo(staged);
        assertThat(query("SELECT DISTINCT load_id FROM etl_files")).containsExactly(String.valueOf(refresh.runId()));
    }

    @Test
    void aRedeliveredEventNeverDoublesAndItsLatestCopyWins() {
        writeFixture();
        etl();
        write(
                logs.resolve("2018/11/2018-11-02-events.json"),
                play(T0 + 500, 10, 0, 7, "Ann", "paid", "Hold On", "The Band", 200.5));

        EtlResult result = etl();

        assertThat(result.tables().songplays()).isEqualTo(3);
        assertThat(query("SELECT start_time, level FROM songplays WHERE session_id = 10 AND item_in_session = 0"))
                .containsExactly("2018-11-01 20:57:11.296 | 'paid'");
        assertThat(result.checks().passed()).isTrue();
    }

    @Test
    void badRecordsGoToLoadErrorsWithTheirLines() {
        Path file = write(
                logs.resolve("bad.json"),
                play(T0, 1, 0, 5, "Eve", "free", "Hold On", "The Band", 200.5),
                "{\"ts\": 1541105830796, \"page\": \"NextSong\"",
                "",
                "{\"page\": \"Home\", \"sessionId\": 1, \"itemInSession\": 1}",
                page(T0 + 1, 1, 2, "5", "free", "Home"));

        EtlResult result = etl(10);

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.events()).isEqualTo(new FileCounts(4, 2, 2));
        List<String> errors = query(
                "SELECT load_id, kind, source_file, line_number, reason FROM load_errors" + " ORDER BY line_number");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith(result.runId() + " | 'events' | '" + file + "' | 2 | 'Malformed JSON");
        assertThat(errors.get(1))
                .isEqualTo(result.runId() + " | 'events' | '" + file + "' | 4 | 'Missing required key \"ts\"'");
        assertThat(query("SELECT raw_text FROM load_errors WHERE line_number = 4"))
                .containsExactly("'{\"page\": \"Home\", \"sessionId\": 1, \"itemInSession\": 1}'");
        assertThat(query("SELECT rows_read, rows_staged, rows_rejected FROM etl_files"))
                .containsExactly("4 | 2 | 2");
        assertThat(query("SELECT rows_read, rows_staged, rows_rejected, status FROM etl_runs"))
                .containsExactly("4 | 2 | 2 | 'succeeded'");
    }

    @Test
    void runsFilesAndRejectsAreStampedWithThisMachinesClockInUtc() throws SQLException {
        writeFixture();
        write(logs.resolve("bad.json"), "not json");
        TimeZone zone = TimeZone.getDefault();
        // Fourteen hours from UTC: a stamp in the JVM's or the server session's local time falls outside.
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
        List<LocalDateTime> stamps = new ArrayList<>();
        LocalDateTime before;
        LocalDateTime after;
        try {
            before = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            assertThat(etl(10).status()).isEqualTo(RunStatus.SUCCEEDED);
            after = LocalDateTime.now(ZoneOffset.UTC);
            try (Warehouse warehouse = open()) {
                for (String column : List.of(
                        "etl_runs.started_at", "etl_runs.ended_at", "etl_files.loaded_at", "load_errors.logged_at")) {
                    stamps.addAll(stamps(TestWarehouses.jdbc(warehouse), column));
                }
            }
        } finally {
            TimeZone.setDefault(zone);
        }

        assertThat(stamps).hasSize(2 + 4 + 1).allSatisfy(stamp -> assertThat(stamp)
                .isBetween(before, after));
    }

    /** The values of {@code table.column} as the warehouse writes them in text, read without a driver's zone. */
    private static List<LocalDateTime> stamps(Connection connection, String column) throws SQLException {
        String[] parts = column.split("\\.");
        List<LocalDateTime> stamps = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT CAST(" + parts[1] + " AS VARCHAR) FROM " + parts[0])) {
            while (rows.next()) {
                stamps.add(LocalDateTime.parse(rows.getString(1).replace(' ', 'T')));
            }
        }
        return stamps;
    }

    @Test
    void tooManyRejectsPublishNothingButKeepTheRejects() {
        writeFixture();
        etl();
        Map<String, List<String>> before = star();
        List<String> ledgerBefore = query(LEDGER);
        write(
                logs.resolve("2018/11/2018-11-02-events.json"),
                "not json",
                play(T0 + 86_400_000, 50, 0, 9, "Cy", "free", "Hold On", "The Band", 200.5),
                "{\"page\": \"NextSong\"}");

        EtlResult result = etl(1);

        assertThat(result.status()).isEqualTo(RunStatus.TOO_MANY_REJECTS);
        assertThat(result.events()).isEqualTo(new FileCounts(3, 1, 2));
        assertThat(star()).isEqualTo(before);
        assertThat(query(LEDGER)).isEqualTo(ledgerBefore);
        assertThat(query("SELECT COUNT(*) FROM staging_events WHERE session_id = 50"))
                .containsExactly("0");
        assertThat(query("SELECT line_number FROM load_errors ORDER BY line_number"))
                .containsExactly("1", "3");
        assertThat(query("SELECT status FROM etl_runs ORDER BY run_id"))
                .containsExactly("'succeeded'", "'too_many_rejects'");
    }

    @Test
    void aPlayOutsideTheCatalogIsMatchedWhenItsSongArrives() {
        writeFixture();
        etl();
        assertThat(query("SELECT song_id FROM songplays WHERE session_id = 20")).containsExactly("NULL");

        write(songs.resolve("C/C/TRCCC.json"), song("SOCCC", "Not In Catalog", "ARCCC", "Nobody", 99.0, 1999));
        EtlResult result = etl();

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(query("SELECT song_id, artist_id FROM songplays WHERE session_id = 20"))
                .containsExactly("'SOCCC' | 'ARCCC'");
        assertThat(result.tables().matchedSongplays()).isEqualTo(3);
    }

    @Test
    void aSongFileChangedToAnotherSongMovesItsMatches() {
        writeFixture();
        etl();

        write(songs.resolve("A/A/TRAAA.json"), song("SOAAA", "Not In Catalog", "ARAAA", "Nobody", 99.0, 2001));
        EtlResult result = etl();

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(query("SELECT session_id, item_in_session, song_id, artist_id FROM songplays"
                        + " ORDER BY session_id, item_in_session"))
                .containsExactly("10 | 0 | NULL | NULL", "10 | 2 | 'SOBBB' | 'ARBBB'", "20 | 0 | 'SOAAA' | 'ARAAA'");
        assertThat(result.tables().matchedSongplays()).isEqualTo(2);
    }

    @Test
    void aUsersLevelIsThatOfTheirLatestEvent() {
        write(
                logs.resolve("a.json"),
                play(T0 + 10_000, 1, 5, 5, "Eve", "paid", "Hold On", "The Band", 200.5),
                page(T0 + 5_000, 1, 4, "5", "free", "Upgrade"));
        write(logs.resolve("b.json"), play(T0, 1, 3, 5, "Eve", "free", "Hold On", "The Band", 200.5));

        etl();

        assertThat(query("SELECT user_id, first_name, level FROM users")).containsExactly("5 | 'Eve' | 'paid'");
        assertThat(query("SELECT level FROM songplays ORDER BY item_in_session"))
                .containsExactly("'free'", "'paid'");
    }

    @Test
    void duplicateSongAndArtistIdsCollapseToOneRow() {
        write(
                songs.resolve("X/TRX1.json"),
                song("SODUP", "First", "ARDUP", "Dup", 100.0, 1990),
                song("SODUP", "First Again", "ARDUP", "Dup", 100.0, 1990));
        write(songs.resolve("X/TRX2.json"), song("SODUP", "Second", "ARDUP", "Dup Band", 101.0, 1991));
        write(songs.resolve("X/TRX3.json"), song("SOOTH", "Other", "ARDUP", "Dup Band", 102.0, 1992));

        EtlResult result = etl();

        assertThat(result.songs()).isEqualTo(new FileCounts(4, 4, 0));
        assertThat(query("SELECT song_id, title, artist_id, year FROM songs ORDER BY song_id"))
                .containsExactly("'SODUP' | 'Second' | 'ARDUP' | 1991", "'SOOTH' | 'Other' | 'ARDUP' | 1992");
        assertThat(query("SELECT artist_id, name FROM artists")).containsExactly("'ARDUP' | 'Dup Band'");
        assertThat(result.checks().passed()).isTrue();
    }

    @Test
    void startTimeKeepsMilliseconds() {
        writeFixture();

        etl();

        assertThat(query("SELECT start_time FROM songplays WHERE session_id = 10 AND item_in_session = 0"))
                .containsExactly("2018-11-01 20:57:10.796");
        assertThat(query("SELECT * FROM \"time\" ORDER BY start_time"))
                .first()
                .isEqualTo("2018-11-01 20:57:10.796 | 20 | 1 | 44 | 11 | 2018 | 4");
        assertThat(query("SELECT COUNT(*) FROM songplays sp JOIN staging_events_timed e"
                        + " ON e.start_time = sp.start_time AND e.session_id = sp.session_id"
                        + " AND e.item_in_session = sp.item_in_session"))
                .containsExactly("3");
    }

    @Test
    void startTimeIsExactFromYear1ToYear9999() {
        long[] times = {-62_135_596_800_000L, -30_000_000_000_001L, -1, 123_456_789_012_345L, 253_402_300_799_999L};
        List<String> plays = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            plays.add(play(times[i], 90, i, 7, "Ann", "free", "Hold On", "The Band", 200.5));
        }
        write(logs.resolve("edges.json"), plays);

        EtlResult result = etl();

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(query("SELECT start_time FROM songplays ORDER BY item_in_session"))
                .containsExactly(
                        "0001-01-01 00:00:00.000",
                        "1019-05-04 18:39:59.999",
                        "1969-12-31 23:59:59.999",
                        "5882-03-11 00:30:12.345",
                        "9999-12-31 23:59:59.999");
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                names.add(rows.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
            }
            return names;
        }
    }
}
