package com.sparkify.warehouse;

import com.sparkify.ErrorCode;
import com.sparkify.Messages;
import com.sparkify.SparkifyException;
import java.sql.SQLException;
import java.util.Locale;

/** Turns a driver's SQLException into the one-line error a user can act on. */
public final class WarehouseErrors {
    /** PostgreSQL's disk_full and out_of_memory-like storage classes. */
    private static final String POSTGRES_DISK_FULL = "53100";

    private WarehouseErrors() {}

    /**
     * @param what what was being done, for the message: "Cannot commit to DuckDB file x.duckdb"
     */
    public static SparkifyException translate(String what, SQLException e) {
        String message = Messages.firstLine(e);
        if (isDiskFull(e)) {
            return new SparkifyException(
                    ErrorCode.DISK_FULL,
                    what + ": the disk is full (" + message + "); free some space and run again. "
                            + "Nothing of this run was published",
                    e);
        }
        return new SparkifyException(ErrorCode.WAREHOUSE, what + ": " + message, e);
    }

    static boolean isDiskFull(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("no space left on device") || message.contains("disk full")) {
                return true;
            }
            if (cause instanceof SQLException sql && POSTGRES_DISK_FULL.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
