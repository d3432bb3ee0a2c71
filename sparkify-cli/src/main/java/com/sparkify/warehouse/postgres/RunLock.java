package com.sparkify.warehouse.postgres;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The session-level advisory lock of one schema. It is held until the session ends, so a run that dies
 * releases it with its connection; advisory locks are per database, so the key only needs the schema.
 */
final class RunLock {
    private final Connection connection;
    private final PostgresTarget target;
    private final PostgresFailures failures;

    RunLock(Connection connection, PostgresTarget target, PostgresFailures failures) {
        this.connection = connection;
        this.target = target;
        this.failures = failures;
    }

    /** A stable 64-bit key: the first 8 bytes of SHA-256 of the schema name. */
    static long key(String schema) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("sparkify run lock: " + schema).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    void acquire() {
        long key = key(target.schema());
        boolean acquired;
        try {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, key);
                try (ResultSet rows = lock.executeQuery()) {
                    rows.next();
                    acquired = rows.getBoolean(1);
                }
            }
            String holder = acquired ? "" : holder(key);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            if (!acquired) {
                throw new SparkifyException(
                        ErrorCode.BUSY,
                        "Another sparkify run is loading " + target.describe() + holder
                                + "; wait for it to finish, then run again");
            }
        } catch (SQLException e) {
            throw failures.failed("taking the run lock", e);
        }
    }

    /**
     * Releases the lock now rather than when the server ends the session: closing a connection returns
     * before the server process exits, and a run started right after must not find the lock still held.
     */
    void release() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, key(target.schema()));
            unlock.executeQuery().close();
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** Which server process holds the lock, to find the other run in pg_stat_activity. */
    private String holder(long key) throws SQLException {
        String sql = "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND classid = CAST(? AS OID) AND objid = CAST(? AS OID)";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, key >>> 32);
            query.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? " (server process " + rows.getInt(1) + ")" : "";
            }
        }
    }
}
