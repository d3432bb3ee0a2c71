package com.sparkify.generate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to generate. The same spec always gives byte-identical files.
 *
 * @param out folder that receives {@code song_data/} and {@code log_data/}
 * @param users number of distinct users
 * @param days number of daily event logs
 * @param seed random seed
 * @param firstDay date of the first daily log (UTC)
 */
public record GeneratorSpec(Path out, int users, int days, long seed, LocalDate firstDay) {
    public static final LocalDate DEFAULT_FIRST_DAY = LocalDate.of(2018, 11, 1);

    public GeneratorSpec {
        requireNonNull(out, "out is null");
        requireNonNull(firstDay, "firstDay is null");
        if (users < 1) {
            throw new IllegalArgumentException("users must be at least 1, was " + users);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, was " + days);
        }
    }
}
