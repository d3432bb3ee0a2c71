package com.sparkify.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs after runs on DuckDB: changed files, refused runs, killed runs, full refresh, a growing catalog. */
class IncrementalRunsIT {
    @TempDir
    Path dir;

    private Path songs;
    private Path logs;

    @BeforeEach
    void folders() throws Exception {
        songs = Files.createDirectories(dir.resolve("song_data/A/B/C"));
        logs = Files.createDirectories(dir.resolve("log_data"));
    }

    private Warehouse open() {
        return TestWarehouses.open("jdbc:duckdb:" + dir.resolve("w.duckdb"));
    }

    private EtlResult etl(boolean fullRefresh, long maxErrors) {
        return TestWarehouses.etl(
                "jdbc:duckdb:" + dir.resolve("w.duckdb"), dir.resolve("song_data"), logs, fullRefresh, maxErrors);
    }

    private List<String> query(String sql) throws Exception {
        try (Warehouse warehouse = open()) {
            return Tables.rows(TestWarehouses.jdbc(warehouse), sql);
        }
    }

    static String play(long session, long item, long ts, String user, String level, String song) {
        return "{\"artist\":\"Band\",\"auth\":\"Logged In\",\"firstName\":\"Ann\",\"gender\":\"F\",\"itemInSession\":"
                + item + ",\"lastName\":\"Lee\",\"length\":200.5,\"level\":\"" + level + "\",\"location\":\"X\","
                + "\"method\":\"PUT\",\"page\":\"NextSong\",\"registration\":1.0,\"sessionId\":" + session
                + ",\"song\":\"" + song + "\",\"status\":200,\"ts\":" + ts + ",\"userAgent\":\"UA\",\"userId\":\""
                + user + "\"}\n";
    }

    private void write(String name, String content) throws Exception {
        Path file = logs.resolve(name);
        Files.writeString(file, content);
        // A fresh modification time even within the file system's clock resolution.
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + content.length()));
    }

    @Test
    void aChangedFileReplacesItsOldRowsEverywhere() throws Exception {
        write("day1.json", play(1, 0, 1000, "7", "free", "A") + play(1, 1, 2000, "7", "free", "B"));
        write("day2.json", play(2, 0, 3000, "8", "free", "C"));
        etl(false, 0);

        write("day1.json", play(1, 0, 1000, "7", "paid", "A"));
        EtlResult second = etl(false, 0);

        assertThat(second.filesLoaded()).isEqualTo(1);
        assertThat(second.filesChanged()).isEqualTo(1);
        assertThat(query("SELECT session_id, item_in_session, level FROM songplays ORDER BY 1, 2"))
                .containsExactly("1|0|paid", "2|0|free");
        assertThat(query("SELECT user_id, level FROM users ORDER BY 1")).containsExactly("7|paid", "8|free");
        assertThat(query("SELECT COUNT(*) FROM staging_events")).containsExactly("2");
        assertThat(query("SELECT COUNT(*) FROM \"time\"")).containsExactly("2");
    }

    @Test
    void aRunThatTouchesMostSongplaysChecksEveryRow() throws Exception {
        write(
                "day1.json",
                play(1, 0, 1000, "7", "free", "A")
                        + play(1, 1, 2000, "7", "free", "B")
                        + play(1, 2, 3000, "7", "free", "C"));
        etl(false, 0);
        // An old play loses its time row behind sparkify's back: only a check of every row can see it.
        try (Warehouse warehouse = open();
                Statement sql = TestWarehouses.jdbc(warehouse).createStatement()) {
            sql.execute("DELETE FROM \"time\" WHERE start_time = make_timestamp(1000 * 1000)");
            TestWarehouses.jdbc(warehouse).commit();
        }

        // One new play of four: the checks look at the rows the run touched, and pass.
        write("day2.json", play(2, 0, 4000, "7", "free", "D"));
        assertThat(etl(false, 0).status()).isEqualTo(RunStatus.SUCCEEDED);

        // Five new plays of nine (a re-delivery, a moved folder): every row is checked, and the old one fails.
        StringBuilder day3 = new StringBuilder();
        for (int item = 0; item < 5; item++) {
            day3.append(play(3, item, 5000 + item, "7", "free", "E"));
        }
        write("day3.json", day3.toString());
        EtlResult third = etl(false, 0);

        assertThat(third.status()).isEqualTo(RunStatus.CHECKS_FAILED);
        assertThat(third.checks().failures().stream().map(com.sparkify.quality.CheckResult::name))
                .containsExactly("songplays_time");
    }

    @Test
    void aLedgerEmptiedByHandReplacesTheStarRowsInsteadOfDoublingThem() throws Exception {
        write("day1.json", play(1, 0, 1000, "7", "free", "A") + play(1, 1, 2000, "7", "paid", "B"));
        etl(false, 0);
        try (Warehouse warehouse = open();
                Statement statement = TestWarehouses.jdbc(warehouse).createStatement()) {
            statement.execute("DELETE FROM etl_files");
            TestWarehouses.jdbc(warehouse).commit();
        }

        EtlResult again = etl(false, 0);

        assertThat(again.filesLoaded()).isEqualTo(1);
        assertThat(again.checks().passed()).isTrue();
        assertThat(query("SELECT session_id, item_in_session, level FROM songplays ORDER BY 1, 2"))
                .containsExactly("1|0|free", "1|1|paid");
        assertThat(query("SELECT COUNT(*) FROM \"time\"")).containsExactly("2");
    }

    @Test
    void aRefusedRunLeavesNoStagedRowsAndTheNextRunRetries() throws Exception {
        write("good.json", play(1, 0, 1000, "7", "free", "A"));
        write("bad.json", play(2, 0, 2000, "8", "free", "B") + "{oops\n");

        EtlResult refused = etl(false, 0);

        assertThat(refused.status()).isEqualTo(RunStatus.TOO_MANY_REJECTS);
        assertThat(query("SELECT COUNT(*) FROM staging_events")).containsExactly("0");
        assertThat(query("SELECT COUNT(*) FROM etl_files")).containsExactly("0");
        assertThat(query("SELECT COUNT(*) FROM load_errors")).containsExactly("1");

        EtlResult accepted = etl(false, 1);

        assertThat(accepted.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(accepted.filesLoaded()).isEqualTo(2);
        assertThat(query("SELECT COUNT(*) FROM songplays")).containsExactly("2");
        assertThat(query("SELECT status FROM etl_runs ORDER BY run_id"))
                .containsExactly("too_many_rejects", "succeeded");
    }

    @Test
    void rowsOfAKilledRunAreDiscardedAndTheRunIsMarkedInterrupted() throws Exception {
        write("day1.json", play(1, 0, 1000, "7", "free", "A"));
        etl(false, 0);
        try (Warehouse warehouse = open();
                Statement statement = TestWarehouses.jdbc(warehouse).createStatement()) {
            statement.execute("INSERT INTO etl_runs (run_id, started_at, status) VALUES (2, now(), 'running')");
            statement.execute("INSERT INTO staging_events (page, session_id, item_in_session, ts, user_id, source_file,"
                    + " source_record, load_id) VALUES ('NextSong', 9, 9, 9, '9', '/gone.json', 1, 2)");
            TestWarehouses.jdbc(warehouse).commit();
        }

        EtlResult next = etl(false, 0);

        assertThat(next.checks().passed()).isTrue();
        assertThat(query("SELECT COUNT(*) FROM staging_events WHERE load_id = 2"))
                .containsExactly("0");
        assertThat(query("SELECT run_id, status FROM etl_runs ORDER BY run_id"))
                .containsExactly("1|succeeded", "2|interrupted", "3|succeeded");
    }

    @Test
    void fullRefreshRebuildsTheSameTables() throws Exception {
        write("day1.json", play(1, 0, 1000, "7", "free", "A") + play(1, 1, 2000, "7", "paid", "B"));
        etl(false, 0);
        List<String> before = query("SELECT * FROM songplays ORDER BY songplay_id");

        EtlResult refresh = etl(true, 0);

        assertThat(refresh.filesLoaded()).isEqualTo(1);
        assertThat(query("SELECT * FROM songplays ORDER BY songplay_id")).isEqualTo(before);
        assertThat(query("SELECT COUNT(*) FROM staging_events")).containsExactly("2");
    }

    @Test
    void aPlayRecordedBeforeItsSongArrivesIsMatchedLater() throws Exception {
        write("day1.json", play(1, 0, 1000, "7", "free", "Late Song"));
        etl(false, 0);
        assertThat(query("SELECT song_id, song_title FROM songplays")).containsExactly("null|Late Song");

        Files.writeString(
                songs.resolve("TRABC1.json"),
                "{\"num_songs\": 1, \"artist_id\": \"AR1\", \"artist_latitude\": null, \"artist_longitude\": null,"
                        + " \"artist_location\": \"\", \"artist_name\": \"Band\", \"song_id\": \"SO1\","
                        + " \"title\": \"Late Song\", \"duration\": 200.5, \"year\": 0}");
        EtlResult second = etl(false, 0);

        assertThat(second.tables().matchedSongplays()).isEqualTo(1);
        assertThat(query("SELECT song_id, artist_id FROM songplays")).containsExactly("SO1|AR1");
        assertThat(query("SELECT song_id, year FROM songs")).containsExactly("SO1|null");
        assertThat(query("SELECT artist_id, location FROM artists")).containsExactly("AR1|null");
    }

    @Test
    void aRedeliveryWithAnotherTsMovesTheTimeRow() throws Exception {
        write("day1.json", play(1, 0, 1000, "7", "free", "A"));
        etl(false, 0);

        write("day1-late.json", play(1, 0, 5000, "7", "free", "A"));
        EtlResult second = etl(false, 0);

        assertThat(second.checks().passed()).isTrue();
        assertThat(query("SELECT epoch_ms(start_time) FROM songplays")).containsExactly("5000");
        assertThat(query("SELECT epoch_ms(start_time) FROM \"time\"")).containsExactly("5000");
    }

    @Test
    void aRedeliveredEventNeverDoubles() throws Exception {
        write("day1.json", play(1, 0, 1000, "7", "free", "A"));
        write("day1-again.json", play(1, 0, 1000, "7", "free", "A"));

        EtlResult result = etl(false, 0);

        assertThat(result.events().staged()).isEqualTo(2);
        assertThat(result.tables().songplays()).isEqualTo(1);
        assertThat(result.checks().passed()).isTrue();
    }
}
