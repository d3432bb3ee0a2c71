package com.sparkify.warehouse;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The time sparkify stamps its own records with ({@code etl_runs}, {@code etl_files}, {@code load_errors}): the
 * clock of the machine running sparkify, in UTC, bound to the scripts as a {@code TIMESTAMP} value. The server's
 * clock has no portable spelling: Redshift runs {@code CURRENT_TIMESTAMP} on its leader node only, and
 * PostgreSQL and DuckDB have no {@code GETDATE()}.
 */
public final class ClientClock {
    private ClientClock() {}

    /** Now, in UTC, to the microsecond, as the {@code TIMESTAMP} columns hold it. */
    public static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
