package com.sparkify.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.analytics.report.TimeBuckets.Unit;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TimeBucketsTest {
    private static final LocalDate FIRST = LocalDate.of(2016, 3, 15);

    @Test
    void theUnitGrowsWithThePeriodSoThatAChartKeepsAboutAHundredColumns() {
        assertThat(TimeBuckets.between(FIRST, FIRST).unit()).isEqualTo(Unit.DAY);
        assertThat(TimeBuckets.between(FIRST, FIRST.plusDays(119)).unit()).isEqualTo(Unit.DAY);
        assertThat(TimeBuckets.between(FIRST, FIRST.plusDays(120)).unit()).isEqualTo(Unit.WEEK);
        assertThat(TimeBuckets.between(FIRST, FIRST.plusDays(731)).unit()).isEqualTo(Unit.WEEK);
        assertThat(TimeBuckets.between(FIRST, FIRST.plusDays(732)).unit()).isEqualTo(Unit.MONTH);
        // Ten years of daily logs, as `generate --days 3750`: 124 months (Nov 2018 to Feb 2029) instead of 3,750 days.
        LocalDate first = LocalDate.of(2018, 11, 1);
        assertThat(TimeBuckets.between(first, first.plusDays(3749)).labels())
                .hasSize(124)
                .startsWith("2018-11", "2018-12", "2019-01")
                .endsWith("2029-02");
        assertThat(TimeBuckets.between(FIRST, FIRST.plusDays(731)).labels()).hasSizeBetween(104, 106);
    }

    @Test
    void eachColumnHoldsTheSumOfTheDaysItCovers() {
        Random random = new Random(23);
        LocalDate last = LocalDate.of(2019, 8, 20);
        Map<LocalDate, Long> byDay = new HashMap<>();
        for (LocalDate day = FIRST.minusDays(40); !day.isAfter(last.plusDays(40)); day = day.plusDays(1)) {
            if (random.nextInt(5) > 0) {
                byDay.put(day, (long) random.nextInt(1000));
            }
        }
        Map<String, Long> months = new TreeMap<>();
        Map<String, Long> weeks = new TreeMap<>();
        Map<String, Long> days = new TreeMap<>();
        LocalDate weekFirst = last.minusDays(300);
        LocalDate dayFirst = last.minusDays(59);
        byDay.forEach((day, plays) -> {
            if (!day.isBefore(FIRST) && !day.isAfter(last)) {
                months.merge(String.format("%04d-%02d", day.getYear(), day.getMonthValue()), plays, Long::sum);
            }
            if (!day.isBefore(weekFirst) && !day.isAfter(last)) {
                // The Monday of the day's ISO week, counted back by its weekday number (Monday = 1).
                weeks.merge(day.minusDays(day.getDayOfWeek().getValue() - 1).toString(), plays, Long::sum);
            }
            if (!day.isBefore(dayFirst) && !day.isAfter(last)) {
                days.merge(day.toString(), plays, Long::sum);
            }
        });

        assertColumns(TimeBuckets.between(FIRST, last), byDay, Unit.MONTH, months, 42);
        assertColumns(TimeBuckets.between(weekFirst, last), byDay, Unit.WEEK, weeks, 44);
        assertColumns(TimeBuckets.between(dayFirst, last), byDay, Unit.DAY, days, 60);
    }

    /** Columns without any day of the map hold 0; the oracle lists only columns with days. */
    private static void assertColumns(
            TimeBuckets buckets, Map<LocalDate, Long> byDay, Unit unit, Map<String, Long> oracle, int columns) {
        assertThat(buckets.unit()).isEqualTo(unit);
        List<String> labels = buckets.labels();
        List<Long> sums = buckets.sums(byDay);
        assertThat(labels).hasSize(columns).isSorted().doesNotHaveDuplicates();
        assertThat(sums).hasSize(columns);
        Map<String, Long> actual = new TreeMap<>();
        for (int i = 0; i < columns; i++) {
            assertThat(labels.get(i)).matches(unit == Unit.MONTH ? "20\\d\\d-\\d\\d" : "20\\d\\d-\\d\\d-\\d\\d");
            if (sums.get(i) != 0) {
                actual.put(labels.get(i), sums.get(i));
            }
        }
        assertThat(actual).isEqualTo(oracle);
        assertThat(sums.stream().mapToLong(Long::longValue).sum())
                .isEqualTo(oracle.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void weeksStartOnMondayAndTheFirstColumnMayStartBeforeTheFirstDay() {
        // 2019-08-22 is a Thursday.
        TimeBuckets weeks = new TimeBuckets(Unit.WEEK, LocalDate.of(2019, 8, 22), LocalDate.of(2019, 9, 2));

        assertThat(weeks.labels()).containsExactly("2019-08-19", "2019-08-26", "2019-09-02");
        assertThat(weeks.sums(Map.of(
                        LocalDate.of(2019, 8, 21), 100L, // before the first day: left out
                        LocalDate.of(2019, 8, 22), 1L,
                        LocalDate.of(2019, 8, 25), 2L,
                        LocalDate.of(2019, 8, 26), 4L,
                        LocalDate.of(2019, 9, 2), 8L,
                        LocalDate.of(2019, 9, 3), 100L)))
                .containsExactly(3L, 4L, 8L);
    }
}
