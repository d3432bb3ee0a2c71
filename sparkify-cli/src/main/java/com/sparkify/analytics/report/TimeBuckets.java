package com.sparkify.analytics.report;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a chart over time: days on a short period, ISO weeks (from Monday) on a longer one, months
 * beyond, so that a chart keeps about a hundred columns whatever the period. A column holds the sum of the
 * days it covers, and its label carries the year.
 *
 * @param unit the length of a column
 * @param first the first day shown
 * @param last the last day shown
 */
record TimeBuckets(Unit unit, LocalDate first, LocalDate last) {
    /** Days shown one by one up to this many. */
    static final int MOST_DAYS = 120;
    /** Weeks shown one by one up to this many days; months beyond. */
    static final int MOST_DAYS_IN_WEEKS = 2 * 366;

    /** The length of a column. */
    enum Unit {
        DAY("day"),
        WEEK("week"),
        MONTH("month");

        private final String word;

        Unit(String word) {
            this.word = word;
        }

        /** As in "Plays per week". */
        String word() {
            return word;
        }
    }

    TimeBuckets {
        requireNonNull(unit, "unit is null");
        requireNonNull(first, "first is null");
        requireNonNull(last, "last is null");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("Expected first <= last, found " + first + " > " + last);
        }
    }

    /** The columns from {@code first} to {@code last}, both included, in the unit their span calls for. */
    static TimeBuckets between(LocalDate first, LocalDate last) {
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        Unit unit = days <= MOST_DAYS ? Unit.DAY : days <= MOST_DAYS_IN_WEEKS ? Unit.WEEK : Unit.MONTH;
        return new TimeBuckets(unit, first, last);
    }

    /** The first day of the column holding {@code day}. */
    LocalDate start(LocalDate day) {
        return switch (unit) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The first day of each column, in order; the first column starts on or before {@code first}. */
    List<LocalDate> starts() {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate start = start(first); !start.isAfter(last); start = next(start)) {
            starts.add(start);
        }
        return starts;
    }

    /** One label per column: {@code 2018-11-05} for a day or the week from that Monday, {@code 2018-11} for a month. */
    List<String> labels() {
        return starts().stream()
                .map(start -> unit == Unit.MONTH ? start.toString().substring(0, 7) : start.toString())
                .toList();
    }

    /**
     * The sum of the values of the days each column covers, one per column. Days outside {@code first ..
     * last} do not count; days without a value count 0.
     */
    List<Long> sums(Map<LocalDate, Long> byDay) {
        Map<LocalDate, Long> sums = new LinkedHashMap<>();
        starts().forEach(start -> sums.put(start, 0L));
        byDay.forEach((day, value) -> {
            if (!day.isBefore(first) && !day.isAfter(last) && value != null) {
                sums.merge(start(day), value, Long::sum);
            }
        });
        return List.copyOf(sums.values());
    }

    private LocalDate next(LocalDate start) {
        return switch (unit) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}
