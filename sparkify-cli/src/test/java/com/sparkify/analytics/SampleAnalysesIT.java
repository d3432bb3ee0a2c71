package com.sparkify.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.testing.RawAnswers;
import com.sparkify.testing.SampleData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The analyses on the real public sample, where only 1 of 6,820 plays matches the catalog. */
class SampleAnalysesIT extends AnalysesContract {
    @Override
    Path[] dataset(Path dir) {
        return new Path[] {SampleData.songs(), SampleData.logs()};
    }

    @Override
    Period somePeriod() {
        return new Period(Optional.of(LocalDate.of(2018, 11, 13)), Optional.of(LocalDate.of(2018, 11, 21)));
    }

    @Test
    void doubleEncodedNamesAreShownRepaired() {
        QueryResult artists = queries.run(Analysis.TOP_ARTISTS, 10, Period.ALL);

        assertThat(artists.column("artist")).contains("Björk").noneMatch(name -> String.valueOf(name)
                .contains("Ã"));
        assertThat(artists.notes()).anyMatch(note -> note.contains("double-encoded UTF-8 and shown repaired"));
    }

    @Test
    void doubleEncodedTextIsCountedPerColumn() {
        List<TextEncodingScan.ColumnCount> counts = new TextEncodingScan(warehouse).run();

        List<RawAnswers.Play> plays = answers.plays(null, null);
        assertThat(counts)
                .filteredOn(count -> count.column().equals("songplays.artist_name"))
                .singleElement()
                .satisfies(count -> {
                    assertThat(count.doubleEncodedValues())
                            .isEqualTo(doubleEncoded(plays, RawAnswers.Play::artist, true));
                    assertThat(count.doubleEncodedRows())
                            .isEqualTo(doubleEncoded(plays, RawAnswers.Play::artist, false));
                    assertThat(count.repairedExample()).isNotEqualTo(count.example());
                });
        assertThat(counts)
                .filteredOn(count -> count.column().equals("songplays.song_title"))
                .singleElement()
                .satisfies(count -> assertThat(count.doubleEncodedValues())
                        .isEqualTo(doubleEncoded(plays, RawAnswers.Play::song, true)));
        assertThat(counts)
                .filteredOn(count -> count.column().startsWith("songs."))
                .allSatisfy(count -> assertThat(count.doubleEncodedValues()).isZero());
        assertThat(TextEncodingScan.total(counts)).isEqualTo(113 + 82);
    }

    private static long doubleEncoded(
            List<RawAnswers.Play> plays, Function<RawAnswers.Play, String> text, boolean distinct) {
        var values = plays.stream().map(text).filter(value -> !RawAnswers.repaired(value)
                .equals(value));
        return distinct ? values.distinct().count() : values.count();
    }

    @Test
    void almostNoPlayMatchesTheCatalogYetTopSongsCoverEveryPlay() {
        QueryResult rate = queries.run(Analysis.MATCH_RATE, 10, Period.ALL);
        QueryResult top = queries.run(Analysis.TOP_SONGS, 1, Period.ALL);

        assertThat(rate.rows().get(0).subList(0, 2)).containsExactly(6820L, 1L);
        assertThat(top.rows().get(0)).containsExactly("You're The One", "Dwight Yoakam", 37L, 22L, 0L);
        assertThat(top.notes())
                .contains(
                        "Catalog: 1 of 6,820 plays (0.01%) matched a catalog song; the rest count by the played title and artist.");
    }
}
