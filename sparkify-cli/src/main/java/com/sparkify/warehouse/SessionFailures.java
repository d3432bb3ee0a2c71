package com.sparkify.warehouse;

import com.sparkify.SparkifyException;
import java.sql.SQLException;

/** Names what failed in a session's failure, for the one-line error a user reads. */
public final class SessionFailures {
    private SessionFailures() {}

    /** {@code failure} told as a failure of {@code what}: "Cannot count rows in DuckDB file x.duckdb". */
    public static SparkifyException of(String what, SparkifyException failure) {
        if (failure.getCause() instanceof SQLException sql) {
            return WarehouseErrors.translate(what, sql);
        }
        return new SparkifyException(failure.code(), what + ": " + failure.getMessage(), failure);
    }
}
