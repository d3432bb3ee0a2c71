package com.sparkify.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.pipeline.EtlResult;
import com.sparkify.pipeline.RunStatus;
import com.sparkify.testing.Answers;
import com.sparkify.testing.RawAnswers;
import com.sparkify.testing.RawExpectations;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every named analysis, run on a loaded warehouse, against answers computed from the raw files. Each
 * subclass supplies a dataset.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnalysesContract {
    private static final int EVERY_ROW = Integer.MAX_VALUE;

    Path dir;
    Warehouse warehouse;
    AnalyticsQueries queries;
    RawAnswers answers;

    /** The dataset's song and log folders, written into {@code dir} if need be. */
    abstract Path[] dataset(Path dir);

    /** A period inside the dataset, with plays. */
    abstract Period somePeriod();

    @BeforeAll
    void load() throws IOException {
        dir = Files.createTempDirectory("analyses");
        Path[] data = dataset(dir);
        warehouse = TestWarehouses.open("jdbc:duckdb:" + dir.resolve("w.duckdb"));
        EtlResult result = TestWarehouses.etl(warehouse, data[0], data[1], false, 0);
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        queries = new AnalyticsQueries(warehouse);
        answers = new RawAnswers(RawExpectations.read(data[0], data[1]));
    }

    @AfterAll
    void close() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    private void assertAnswer(Analysis analysis, BiFunction<LocalDate, LocalDate, List<List<Object>>> expected) {
        Answers.assertSameRows(queries.run(analysis, EVERY_ROW, Period.ALL).rows(), expected.apply(null, null));
        Period period = somePeriod();
        LocalDate from = period.from().orElseThrow();
        LocalDate to = period.to().orElseThrow();
        Answers.assertSameRows(queries.run(analysis, EVERY_ROW, period).rows(), expected.apply(from, to));
    }

    @Test
    void topSongsCountEveryPlayAndItsCatalogMatches() {
        assertAnswer(Analysis.TOP_SONGS, answers::topSongs);
        QueryResult top = queries.run(Analysis.TOP_SONGS, Analysis.TOP_SONGS.defaultLimit(), Period.ALL);
        assertThat(top.rows())
                .hasSize(10)
                .isEqualTo(answers.topSongs(null, null).subList(0, 10));
        long plays = answers.plays(null, null).size();
        long matched = answers.plays(null, null).stream()
                .filter(play -> play.catalogSongId() != null)
                .count();
        assertThat(top.notes()).anyMatch(note -> note.contains(String.format("%,d of %,d plays", matched, plays)));
    }

    @Test
    void topArtists() {
        assertAnswer(Analysis.TOP_ARTISTS, answers::topArtists);
    }

    @Test
    void playsByDay() {
        assertAnswer(Analysis.PLAYS_BY_DAY, answers::playsByDay);
    }

    @Test
    void playsByHour() {
        assertAnswer(Analysis.PLAYS_BY_HOUR, answers::playsByHour);
    }

    @Test
    void playsByWeekday() {
        assertAnswer(Analysis.PLAYS_BY_WEEKDAY, answers::playsByWeekday);
    }

    @Test
    void freeVsPaid() {
        assertAnswer(Analysis.FREE_VS_PAID, answers::freeVsPaid);
    }

    @Test
    void mostActiveUsers() {
        assertAnswer(Analysis.MOST_ACTIVE_USERS, answers::mostActiveUsers);
    }

    @Test
    void busiestLocations() {
        assertAnswer(Analysis.BUSIEST_LOCATIONS, answers::busiestLocations);
    }

    @Test
    void userAgents() {
        assertAnswer(Analysis.USER_AGENTS, answers::userAgents);
    }

    @Test
    void sessionLengths() {
        assertAnswer(Analysis.SESSION_LENGTHS, answers::sessionLengths);
    }

    @Test
    void levelChanges() {
        assertAnswer(Analysis.LEVEL_CHANGES, answers::levelChanges);
        assertThat(answers.levelChanges(null, null))
                .as("the dataset changes levels")
                .isNotEmpty();
    }

    @Test
    void matchRate() {
        assertAnswer(Analysis.MATCH_RATE, answers::matchRate);
    }

    @Test
    void aPeriodWithoutPlaysIsEmpty() {
        Period future = new Period(Optional.of(LocalDate.of(2100, 1, 1)), Optional.empty());

        assertThatThrownBy(() -> queries.run(Analysis.TOP_SONGS, 10, future))
                .isInstanceOf(SparkifyException.class)
                .satisfies(e -> assertThat(((SparkifyException) e).code()).isEqualTo(ErrorCode.EMPTY))
                .hasMessageContaining("No songplays from 2100-01-01 to the end");
    }
}
