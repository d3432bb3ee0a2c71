package com.sparkify.warehouse.redshift;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.WarehouseErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The run lock of a Redshift warehouse: {@code LOCK etl_lock} in a session of its own whose transaction stays
 * open until the run ends. Redshift has no advisory locks, and the run's own sessions commit several times,
 * while a LOCK lasts until the end of a transaction. A dead session frees the lock with its transaction.
 */
final class RunLock implements AutoCloseable {
    private final Connection session;

    private RunLock(Connection session) {
        this.session = session;
    }

    /**
     * Takes the lock, waiting at most {@code wait}.
     *
     * @throws SparkifyException with {@link ErrorCode#BUSY} when another run holds it
     */
    static RunLock acquire(Connection session, SqlScripts scripts, Duration wait, String warehouse) {
        Map<String, Long> timeout = Map.of("wait_ms", wait.toMillis());
        try {
            try {
                session.setAutoCommit(true);
                scripts.execute(session, "run_lock_table", timeout);
                session.setAutoCommit(false);
                scripts.execute(session, "run_lock", Map.of());
            } catch (SparkifyException e) {
                if (e.getCause() instanceof SQLException sql && isTimeout(sql)) {
                    throw new SparkifyException(
                            ErrorCode.BUSY,
                            "Another sparkify run is loading " + warehouse + " (it holds LOCK etl_lock, waited "
                                    + String.format(Locale.ROOT, "%.1f", wait.toMillis() / 1000.0)
                                    + " s); wait for it to finish, then run again",
                            e);
                }
                throw e;
            }
            return new RunLock(session);
        } catch (SQLException e) {
            SparkifyException failure = WarehouseErrors.translate("Cannot take the run lock on " + warehouse, e);
            closeQuietly(session, failure);
            throw failure;
        } catch (RuntimeException e) {
            closeQuietly(session, e);
            throw e;
        }
    }

    /** PostgreSQL and Redshift both report a statement timeout as SQLSTATE 57014, query_canceled. */
    static boolean isTimeout(SQLException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return "57014".equals(e.getSQLState())
                || message.contains("statement timeout")
                || message.contains("cancelled on user's request");
    }

    @Override
    public void close() {
        try {
            session.rollback();
        } catch (SQLException e) {
            // The session is gone, and the lock with it.
        }
        closeQuietly(session, null);
    }

    private static void closeQuietly(Connection session, Exception cause) {
        try {
            session.close();
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }
}
