package com.sparkify.warehouse;

import com.sparkify.ErrorCode;
import com.sparkify.Messages;
import com.sparkify.SparkifyException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a driver's SQLException into the one-line error a user can act on, with the exit code that says
 * whether to retry: a warehouse that cannot be reached is worth another try, a rejected statement is not.
 */
public final class WarehouseErrors {
    /** PostgreSQL's disk_full and out_of_memory-like storage classes. */
    private static final String POSTGRES_DISK_FULL = "53100";

    /**
     * Besides class 08 (connection exception): the server shutting down or terminating the session, not
     * accepting connections yet, or full of connections.
     */
    private static final Set<String> UNREACHABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

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
        return new SparkifyException(code(e), what + ": " + message, e);
    }

    /**
     * {@link ErrorCode#WAREHOUSE_UNREACHABLE} when {@code e} or a cause is a failure to connect, a lost
     * connection or a timeout (by SQLState, by the driver's exception type, or by the network exception
     * under it); {@link ErrorCode#WAREHOUSE_FAILED} for everything else the warehouse did.
     */
    public static ErrorCode code(Throwable e) {
        return isUnreachable(e) ? ErrorCode.WAREHOUSE_UNREACHABLE : ErrorCode.WAREHOUSE_FAILED;
    }

    static boolean isUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || UNREACHABLE_STATES.contains(state)) {
                    return true;
                }
            }
            // SocketTimeoutException is an InterruptedIOException; ConnectException a SocketException.
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLTimeoutException
                    || cause instanceof SocketException
                    || cause instanceof InterruptedIOException
                    || cause instanceof UnknownHostException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
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
