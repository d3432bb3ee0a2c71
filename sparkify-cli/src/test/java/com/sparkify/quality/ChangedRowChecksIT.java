package com.sparkify.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.pipeline.Schema;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Phase;
import com.sparkify.warehouse.Step;
import com.sparkify.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental run checks the songplays it touched and their start times; the full checks ({@code
 * sparkify check}) look at every row. A broken row among the touched ones must fail either way.
 */
class ChangedRowChecksIT {
    @TempDir
    Path dir;

    @Test
    void narrowedChecksSeeTouchedRowsAndOnlyThem() throws SQLException {
        try (Warehouse warehouse = preparedWarehouse()) {
            try (Statement sql = TestWarehouses.jdbc(warehouse).createStatement()) {
                sql.execute("INSERT INTO users VALUES (1, 'A', 'B', 'F', 'free')");
                sql.execute("INSERT INTO user_levels VALUES (1, 'free', TIMESTAMP '2018-11-01 00:00:00', NULL, TRUE)");
                // an old songplay without its time row, and ids that are not the md5 of their keys: all untouched by
                // the run
                sql.execute(play("'dup-old'", 1, 1, "2018-11-01 00:00:01"));
                sql.execute(play("'dup-old'", 1, 2, "2018-11-01 00:00:01"));
                sql.execute(play("md5('2:1')", 2, 1, "2018-11-02 00:00:00"));
                sql.execute("INSERT INTO \"time\" VALUES (TIMESTAMP '2018-11-02 00:00:00', 0, 2, 44, 11, 2018, 5)");
                sql.execute(staged(1, 1));
                sql.execute(staged(1, 2));
                sql.execute(staged(2, 1));
                sql.execute("INSERT INTO etl_changed_plays VALUES (2, 1)");
            }
            QualityChecks checks = new QualityChecks(warehouse.scripts());

            assertThat(failed(checks.run(warehouse.session(), true))).isEmpty();
            assertThat(failed(checks.run(warehouse.session(), false))).contains("songplays_key", "songplays_time");

            // the run touches a play that now shares an id with an old one, has no time row, and is doubled
            try (Statement sql = TestWarehouses.jdbc(warehouse).createStatement()) {
                sql.execute(play("'dup-old'", 3, 1, "2018-11-03 00:00:00"));
                sql.execute(play("'x'", 3, 1, "2018-11-03 00:00:00"));
                sql.execute(staged(3, 1));
                sql.execute("INSERT INTO etl_changed_plays VALUES (3, 1)");
            }
            assertThat(failed(checks.run(warehouse.session(), true)))
                    .containsExactly("songplays_key", "songplays_time", "songplays_complete");
            TestWarehouses.jdbc(warehouse).rollback();
        }
    }

    @Test
    void aDoubledPlayFailsTheKeyCheckEvenWithCorrectIds() throws SQLException {
        try (Warehouse warehouse = preparedWarehouse()) {
            QualityChecks checks = new QualityChecks(warehouse.scripts());
            try (Statement sql = TestWarehouses.jdbc(warehouse).createStatement()) {
                sql.execute(play("md5('5:1')", 5, 1, "2018-11-05 00:00:00"));
                sql.execute("INSERT INTO etl_changed_plays VALUES (5, 1)");
            }
            assertThat(failed(checks.run(warehouse.session(), true))).doesNotContain("songplays_key");
            assertThat(failed(checks.run(warehouse.session(), false))).doesNotContain("songplays_key");

            try (Statement sql = TestWarehouses.jdbc(warehouse).createStatement()) {
                sql.execute(play("md5('5:1')", 5, 1, "2018-11-05 00:00:00"));
            }
            assertThat(failed(checks.run(warehouse.session(), true))).contains("songplays_key");
            assertThat(failed(checks.run(warehouse.session(), false))).contains("songplays_key");
            TestWarehouses.jdbc(warehouse).rollback();
        }
    }

    /** Written in the checks' own transaction, as a run writes its songplays before checking them. */
    @Test
    void aSongplayOfAnUnknownUserFailsTheUsersCheck() throws SQLException {
        try (Warehouse warehouse = preparedWarehouse()) {
            QualityChecks checks = new QualityChecks(warehouse.scripts());
            try (Statement sql = TestWarehouses.jdbc(warehouse).createStatement()) {
                sql.execute("INSERT INTO users VALUES (1, 'A', 'B', 'F', 'free')");
                sql.execute(play("md5('6:1')", 6, 1, "2018-11-06 00:00:00"));
            }
            assertThat(failed(checks.run(warehouse.session(), false))).doesNotContain("songplays_users");

            try (Statement sql = TestWarehouses.jdbc(warehouse).createStatement()) {
                sql.execute(play("md5('6:2')", 6, 2, "2018-11-06 00:00:01").replace(", 1, 'free',", ", 2, 'free',"));
                sql.execute("INSERT INTO etl_changed_plays VALUES (6, 2)");
            }
            assertThat(failed(checks.run(warehouse.session(), false))).contains("songplays_users");
            assertThat(failed(checks.run(warehouse.session(), true))).contains("songplays_users");
            TestWarehouses.jdbc(warehouse).rollback();
        }
    }

    /**
     * The narrowed checks of references see a touched play that refers to a missing user, song or artist,
     * and an untouched play whose user, song or artist the run deleted; not an untouched play that was
     * already broken.
     */
    @Test
    void referenceChecksSeeTouchedPlaysAndDeletedRows() throws SQLException {
        List<String> references = List.of("songplays_users", "songplays_songs", "songplays_artists");
        try (Warehouse warehouse = preparedWarehouse()) {
            QualityChecks checks = new QualityChecks(warehouse.scripts());
            try (Statement sql = TestWarehouses.jdbc(warehouse).createStatement()) {
                sql.execute("INSERT INTO users VALUES (1, 'A', 'B', 'F', 'free')");
                sql.execute("INSERT INTO songs VALUES ('SO1', 'T', 'AR1', NULL, 1.0)");
                sql.execute("INSERT INTO artists VALUES ('AR1', 'N', NULL, NULL, NULL)");
                sql.execute(play("md5('7:1')", 7, 1, "2018-11-07 00:00:00", 1, "'SO1'", "'AR1'"));
                sql.execute(play("md5('7:2')", 7, 2, "2018-11-07 00:00:01", 3, "'SO3'", "'AR3'"));
            }
            assertThat(failed(checks.run(warehouse.session(), true))).doesNotContainAnyElementsOf(references);
            assertThat(failed(checks.run(warehouse.session(), false))).containsAll(references);

            try (Statement sql = TestWarehouses.jdbc(warehouse).createStatement()) {
                sql.execute("INSERT INTO etl_changed_plays VALUES (7, 2)");
            }
            assertThat(failed(checks.run(warehouse.session(), true))).containsAll(references);
            try (Statement sql = TestWarehouses.jdbc(warehouse).createStatement()) {
                sql.execute("DELETE FROM etl_changed_plays");
                sql.execute("DELETE FROM songplays WHERE item_in_session = 2");
                sql.execute("DELETE FROM users");
                sql.execute("INSERT INTO etl_changed_users VALUES (1)");
                sql.execute("DELETE FROM songs");
                sql.execute("INSERT INTO etl_changed_songs VALUES ('SO1')");
                sql.execute("DELETE FROM artists");
                sql.execute("INSERT INTO etl_changed_artists VALUES ('AR1')");
            }
            assertThat(failed(checks.run(warehouse.session(), true))).containsAll(references);
            TestWarehouses.jdbc(warehouse).rollback();
        }
    }

    /** A DuckDB warehouse with its tables and a run's temp tables of changed keys, as the checks find them. */
    private Warehouse preparedWarehouse() {
        Warehouse warehouse = TestWarehouses.open("jdbc:duckdb:" + dir.resolve("w.duckdb"));
        Schema.ensure(warehouse);
        warehouse.execute(new Step("prepare_changes", Phase.PREPARE));
        return warehouse;
    }

    private static String play(String id, long session, long item, String time) {
        return play(id, session, item, time, 1, "NULL", "NULL");
    }

    private static String play(String id, long session, long item, String time, long user, String song, String artist) {
        return "INSERT INTO songplays (songplay_id, start_time, user_id, level, session_id, item_in_session, song_id,"
                + " artist_id) VALUES (" + id + ", TIMESTAMP '" + time + "', " + user + ", 'free', " + session + ", "
                + item + ", " + song + ", " + artist + ")";
    }

    private static String staged(long session, long item) {
        return "INSERT INTO staging_events (page, session_id, item_in_session, ts, user_id, level, source_file,"
                + " source_record, load_id) VALUES ('NextSong', " + session + ", " + item + ", 0, '1', 'free', 'f', "
                + item + ", 1)";
    }

    private static java.util.List<String> failed(CheckReport report) {
        return report.failures().stream().map(CheckResult::name).toList();
    }
}
