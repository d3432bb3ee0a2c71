package com.sparkify.warehouse.redshift;

import com.sparkify.Messages;
import com.sparkify.SparkifyException;
import com.sparkify.config.Settings;
import com.sparkify.warehouse.JdbcSession;
import com.sparkify.warehouse.JdbcWarehouse;
import com.sparkify.warehouse.StagingLoader;
import com.sparkify.warehouse.WarehouseErrors;
import com.sparkify.warehouse.WarehouseSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** A Redshift warehouse: a main session for the run's transaction, more sessions on demand. */
final class RedshiftWarehouse implements JdbcWarehouse {
    /** Opens a new session with auto-commit on. */
    @FunctionalInterface
    interface Sessions {
        Connection open();
    }

    private final Connection connection;
    private final Sessions sessions;
    private final String description;
    private final Settings settings;
    private final ManifestStore manifests;
    private final Copier copier;
    private final Duration lockWait;
    private RunLock lock;

    RedshiftWarehouse(
            Connection connection,
            Sessions sessions,
            String description,
            Settings settings,
            ManifestStore manifests,
            Copier copier,
            Duration lockWait) {
        this.connection = connection;
        this.sessions = sessions;
        this.description = description;
        this.settings = settings;
        this.manifests = manifests;
        this.copier = copier;
        this.lockWait = lockWait;
    }

    @Override
    public String engine() {
        return "redshift";
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public WarehouseSession openSideSession() {
        return new JdbcSession(sessions.open(), scripts());
    }

    /** The narrowed checks compare key pairs with {@code (a, b) IN (SELECT ...)}, which Redshift lacks. */
    @Override
    public boolean supportsNarrowedChecks() {
        return false;
    }

    @Override
    public void acquireRunLock() {
        if (lock == null) {
            lock = RunLock.acquire(sessions.open(), scripts(), lockWait, description);
        }
    }

    @Override
    public StagingLoader stagingLoader() {
        return new RedshiftStagingLoader(connection, CopySettings.of(settings), manifests, copier);
    }

    @Override
    public void close() {
        if (lock != null) {
            lock.close();
        }
        if (manifests instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Only an HTTP client pool to release; the run's outcome is already decided.
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing after a failure: the original error is the one worth reporting.
        }
    }

    static SparkifyException connectFailure(RedshiftTarget target, SQLException e) {
        return new SparkifyException(
                WarehouseErrors.code(e),
                "Cannot connect to " + target.describe() + ": " + target.redact(Messages.firstLine(e.getMessage()))
                        + "; check [CLUSTER] HOST and DB_PORT, the credentials, and that the cluster's security "
                        + "group lets this address in (sparkify cluster create opens it)",
                e);
    }
}
