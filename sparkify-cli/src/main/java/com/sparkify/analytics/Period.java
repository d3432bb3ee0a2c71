package com.sparkify.analytics;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The days an analysis covers, in UTC, both ends included; an open end is unbounded. Analyses filter
 * songplays on {@code start_time >= from 00:00} and {@code < the day after to}.
 *
 * @param from first day, if bounded
 * @param to last day, if bounded
 */
public record Period(Optional<LocalDate> from, Optional<LocalDate> to) {
    /** Every day. */
    public static final Period ALL = new Period(Optional.empty(), Optional.empty());

    // Far enough to hold any event, near enough for every engine's TIMESTAMP.
    private static final LocalDateTime EARLIEST = LocalDateTime.of(1, 1, 1, 0, 0);
    private static final LocalDateTime LATEST = LocalDateTime.of(9999, 1, 1, 0, 0);

    public Period {
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new SparkifyException(
                    ErrorCode.USAGE, "Expected --from on or before --to, found " + from.get() + " after " + to.get());
        }
    }

    /** Parses {@code --from} and {@code --to} values (YYYY-MM-DD, either may be null). */
    public static Period parse(String from, String to) {
        return new Period(day("--from", from), day("--to", to));
    }

    private static Optional<LocalDate> day(String flag, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new SparkifyException(
                    ErrorCode.USAGE, "Expected " + flag + " as a date YYYY-MM-DD (UTC), found '" + value + "'");
        }
    }

    /** The first instant covered. */
    public LocalDateTime start() {
        return from.map(LocalDate::atStartOfDay).orElse(EARLIEST);
    }

    /** The first instant after the period. */
    public LocalDateTime end() {
        return to.map(day -> day.plusDays(1).atStartOfDay()).orElse(LATEST);
    }

    public boolean bounded() {
        return from.isPresent() || to.isPresent();
    }

    /** "2018-11-01 to 2018-11-30", with "the start" / "the end" for an open end. */
    public String describe() {
        return from.map(LocalDate::toString).orElse("the start") + " to "
                + to.map(LocalDate::toString).orElse("the end");
    }
}
