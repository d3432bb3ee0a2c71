package com.sparkify.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.generate.DatasetGenerator;
import com.sparkify.generate.GeneratedDataset;
import com.sparkify.generate.GeneratorSpec;
import com.sparkify.pipeline.EtlResult;
import com.sparkify.pipeline.RunStatus;
import com.sparkify.quality.CheckResult;
import com.sparkify.testing.RawAnswers;
import com.sparkify.testing.RawAnswers.LevelRow;
import com.sparkify.testing.RawExpectations;
import com.sparkify.testing.SampleData;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The level history (user_levels, SCD type 2) against the sequence of levels in the raw events. */
class UserLevelsIT {
    @TempDir
    Path dir;

    @Test
    void sampleHistoryFollowsEveryEventOfEachUser() throws Exception {
        try (Warehouse warehouse = TestWarehouses.open("jdbc:duckdb:" + dir.resolve("w.duckdb"))) {
            EtlResult result = TestWarehouses.etl(warehouse, SampleData.songs(), SampleData.logs(), false, 0);

            assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(checks(result)).contains("user_levels_current", "user_levels_ranges");
            List<LevelRow> expected = expected(SampleData.songs(), SampleData.logs());
            assertThat(history(TestWarehouses.jdbc(warehouse))).isEqualTo(expected);
            assertThat(expected.size() - users(expected)).as("level changes").isEqualTo(9);
        }
    }

    @Test
    void incrementalRunsRebuildTheHistoryOfTouchedUsers() throws Exception {
        GeneratedDataset dataset = new DatasetGenerator()
                .generate(new GeneratorSpec(dir.resolve("data"), 30, 10, 11, GeneratorSpec.DEFAULT_FIRST_DAY));
        List<Path> days = files(dataset.logData());
        Path logs = Files.createDirectories(dir.resolve("logs"));
        try (Warehouse warehouse = TestWarehouses.open("jdbc:duckdb:" + dir.resolve("w.duckdb"))) {
            for (Path day : days.subList(0, 5)) {
                Files.copy(day, logs.resolve(day.getFileName()));
            }
            TestWarehouses.etl(warehouse, dataset.songData(), logs, false, 0);
            assertThat(history(TestWarehouses.jdbc(warehouse))).isEqualTo(expected(dataset.songData(), logs));

            for (Path day : days.subList(5, days.size())) {
                Files.copy(day, logs.resolve(day.getFileName()));
            }
            EtlResult second = TestWarehouses.etl(warehouse, dataset.songData(), logs, false, 0);

            assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
            List<LevelRow> expected = expected(dataset.songData(), logs);
            assertThat(history(TestWarehouses.jdbc(warehouse))).isEqualTo(expected);
            assertThat(expected.size() - users(expected)).as("level changes").isGreaterThan(5);

            Path changed = logs.resolve(days.get(7).getFileName());
            List<String> lines = Files.readAllLines(changed);
            Files.write(changed, lines.subList(0, lines.size() / 2));
            Files.setLastModifiedTime(changed, java.nio.file.attribute.FileTime.fromMillis(0));
            EtlResult third = TestWarehouses.etl(warehouse, dataset.songData(), logs, false, 0);

            assertThat(third.filesChanged()).isEqualTo(1);
            assertThat(history(TestWarehouses.jdbc(warehouse))).isEqualTo(expected(dataset.songData(), logs));
        }
    }

    @Test
    void aWarehouseLoadedBeforeUserLevelsExistedGetsTheWholeHistoryOnItsNextRun() throws Exception {
        try (Warehouse warehouse = TestWarehouses.open("jdbc:duckdb:" + dir.resolve("w.duckdb"))) {
            TestWarehouses.etl(warehouse, SampleData.songs(), SampleData.logs(), false, 0);
            try (Statement statement = TestWarehouses.jdbc(warehouse).createStatement()) {
                statement.execute("DROP TABLE user_levels");
            }
            TestWarehouses.jdbc(warehouse).commit();

            EtlResult rerun = TestWarehouses.etl(warehouse, SampleData.songs(), SampleData.logs(), false, 0);

            assertThat(rerun.filesLoaded()).isZero();
            assertThat(rerun.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(history(TestWarehouses.jdbc(warehouse)))
                    .isEqualTo(expected(SampleData.songs(), SampleData.logs()));
        }
    }

    @Test
    void changesWithinADayAreKeptFromEveryPageNotOnlyPlays() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.copy(
                SampleData.logs().resolve("2018/11/2018-11-01-events.json"),
                logs.resolve("a.json"),
                StandardCopyOption.REPLACE_EXISTING);
        // User 900: free at 10:00 (Home), paid from 10:05 (NextSong), free again at 10:30 (Logout): one day.
        long ten = LocalDateTime.of(2018, 11, 2, 10, 0).toEpochSecond(java.time.ZoneOffset.UTC) * 1000;
        Files.writeString(
                logs.resolve("b.json"),
                event(ten, "Home", "free", 1)
                        + event(ten + 300_000, "NextSong", "paid", 2)
                        + event(ten + 1_800_000, "Logout", "free", 3));
        try (Warehouse warehouse = TestWarehouses.open("jdbc:duckdb:" + dir.resolve("w.duckdb"))) {
            EtlResult result = TestWarehouses.etl(warehouse, SampleData.songs(), logs, false, 0);

            assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertLevelsOf900(
                    warehouse,
                    "free",
                    "free|2018-11-02 10:00:00|2018-11-02 10:05:00|false",
                    "paid|2018-11-02 10:05:00|2018-11-02 10:30:00|false",
                    "free|2018-11-02 10:30:00|null|true");
        }
    }

    @Test
    void aLateEventInsideTheCurrentLevelSplitsIt() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        long day1 = LocalDateTime.of(2018, 11, 1, 10, 0).toEpochSecond(java.time.ZoneOffset.UTC) * 1000;
        long day = 86_400_000L;
        // User 900 is free on day 1 and on day 3; a file arriving later says they were paid on day 2.
        Files.writeString(
                logs.resolve("a.json"), event(day1, "Home", "free", 1) + event(day1 + 2 * day, "Home", "free", 3));
        try (Warehouse warehouse = TestWarehouses.open("jdbc:duckdb:" + dir.resolve("w.duckdb"))) {
            TestWarehouses.etl(warehouse, SampleData.songs(), logs, false, 0);
            Files.writeString(logs.resolve("b.json"), event(day1 + day, "NextSong", "paid", 2));

            EtlResult late = TestWarehouses.etl(warehouse, SampleData.songs(), logs, false, 0);

            assertThat(late.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertLevelsOf900(
                    warehouse,
                    "free",
                    "free|2018-11-01 10:00:00|2018-11-02 10:00:00|false",
                    "paid|2018-11-02 10:00:00|2018-11-03 10:00:00|false",
                    "free|2018-11-03 10:00:00|null|true");
        }
    }

    /** User 900's level rows ({@code level|valid_from|valid_to|is_current}) and their level in users. */
    private static void assertLevelsOf900(Warehouse warehouse, String level, String... history) throws SQLException {
        assertThat(Tables.rows(
                        TestWarehouses.jdbc(warehouse),
                        "SELECT level, CAST(valid_from AS VARCHAR), CAST(valid_to AS VARCHAR), is_current"
                                + " FROM user_levels WHERE user_id = 900 ORDER BY valid_from"))
                .containsExactly(history);
        assertThat(Tables.rows(TestWarehouses.jdbc(warehouse), "SELECT level FROM users WHERE user_id = 900"))
                .containsExactly(level);
    }

    private static String event(long ts, String page, String level, int item) {
        String song = page.equals("NextSong")
                ? "\"artist\":\"Some Band\",\"song\":\"Some Song\",\"length\":200.5,"
                : "\"artist\":null,\"song\":null,\"length\":null,";
        return "{" + song + "\"auth\":\"Logged In\",\"firstName\":\"Ada\",\"gender\":\"F\",\"itemInSession\":" + item
                + ",\"lastName\":\"Lovelace\",\"level\":\"" + level + "\",\"location\":\"London, UK\","
                + "\"method\":\"GET\",\"page\":\"" + page + "\",\"registration\":1540000000000.0,\"sessionId\":9000,"
                + "\"status\":200,\"ts\":" + ts + ",\"userAgent\":\"Mozilla/5.0\",\"userId\":\"900\"}\n";
    }

    private static List<String> checks(EtlResult result) {
        return result.checks().results().stream()
                .filter(CheckResult::passed)
                .map(CheckResult::name)
                .toList();
    }

    private static List<LevelRow> expected(Path songs, Path logs) {
        return new RawAnswers(RawExpectations.read(songs, logs))
                .levelHistory().values().stream().flatMap(List::stream).toList();
    }

    private static long users(List<LevelRow> rows) {
        return rows.stream().map(LevelRow::userId).distinct().count();
    }

    private static List<LevelRow> history(Connection connection) throws SQLException {
        List<LevelRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT user_id, level, valid_from, valid_to, is_current FROM user_levels"
                                + " ORDER BY user_id, valid_from")) {
            while (result.next()) {
                LocalDateTime validTo = result.getObject(4, LocalDateTime.class);
                assertThat(result.getBoolean(5)).isEqualTo(validTo == null);
                rows.add(new LevelRow(
                        result.getLong(1), result.getString(2), result.getObject(3, LocalDateTime.class), validTo));
            }
        }
        return rows;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
