package com.sparkify.warehouse.postgres;

import com.sparkify.ErrorCode;
import com.sparkify.Messages;
import com.sparkify.SparkifyException;
import com.sparkify.warehouse.WarehouseErrors;
import java.sql.SQLException;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns pgjdbc's failures into one line that names the server (host, port, database) and says what to do;
 * never the password. Decided by SQLState: class 08 is the connection, 28 authorization, 3D000 a missing
 * database, 57P0x a server shutting down or terminating the session.
 */
final class PostgresFailures {
    private static final Set<String> SESSION_ENDED = Set.of("57P01", "57P02", "57P03");

    private final PostgresTarget target;

    PostgresFailures(PostgresTarget target) {
        this.target = target;
    }

    /** A failure to open a connection. */
    SparkifyException connecting(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        String detail = detail(e);
        String advice;
        // A server that turns the login away will do so again: only a server not reached is worth a retry.
        ErrorCode code = ErrorCode.WAREHOUSE_FAILED;
        if (state.equals("28P01") || detail.contains("no password was provided")) {
            advice = "check the user and password (user=/password= in --warehouse, [CLUSTER] DB_USER/DB_PASSWORD"
                    + " of the config, or PGUSER/PGPASSWORD)";
        } else if (state.startsWith("28")) {
            advice = "check the user, and that the server's pg_hba.conf lets it in from here";
        } else if (state.equals("3D000")) {
            advice = "create the database (CREATE DATABASE " + target.database() + ") or fix --warehouse";
        } else {
            advice = "check that the server is running and that host and port in --warehouse are right";
            code = WarehouseErrors.code(e);
        }
        return new SparkifyException(
                code,
                target.redact("Cannot connect to PostgreSQL " + target.location() + ": " + detail + "; " + advice),
                e);
    }

    /** Whether {@code e} means the session is gone: nothing sent since was done, and nothing will be. */
    static boolean isConnectionLost(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || SESSION_ENDED.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The connection was lost while {@code doing}; the server rolls back the open transaction. */
    SparkifyException lost(String doing, SQLException e) {
        return new SparkifyException(
                ErrorCode.WAREHOUSE_UNREACHABLE,
                target.redact("Lost the connection to PostgreSQL " + target.location() + " while " + doing + ": "
                        + detail(e) + "; the server rolled back the unfinished work, so nothing of this run was"
                        + " published; run again when the server is reachable"),
                e);
    }

    /** Any other failure while {@code doing}: a lost connection, else as every engine's (disk full, ...). */
    SparkifyException failed(String doing, SQLException e) {
        if (isConnectionLost(e)) {
            return lost(doing, e);
        }
        SparkifyException translated =
                WarehouseErrors.translate("PostgreSQL " + target.location() + " failed while " + doing, e);
        return new SparkifyException(translated.code(), target.redact(translated.getMessage()), e);
    }

    /** The server's own message without severity, else the driver's first line and its cause. */
    static String detail(SQLException e) {
        if (e instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                return server.getMessage();
            }
        }
        // pgjdbc's own messages add advice of their own after the first sentence; ours follows instead.
        String message = firstSentence(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message = message + " (" + cause.getClass().getSimpleName() + ": " + Messages.firstLine(cause) + ")";
        }
        return message;
    }

    private static String firstSentence(String message) {
        String line = Messages.firstLine(message);
        int end = line.indexOf(". ");
        String sentence = end < 0 ? line : line.substring(0, end);
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }
}
