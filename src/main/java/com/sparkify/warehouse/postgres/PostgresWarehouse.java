package com.sparkify.warehouse.postgres;

import com.sparkify.SparkifyException;
import com.sparkify.warehouse.StagingLoader;
import com.sparkify.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * A PostgreSQL warehouse: every table in one schema, which the connections' search_path names so that the
 * shared SQL stays unqualified. A session-level advisory lock keeps a second run off the same schema.
 */
final class PostgresWarehouse implements Warehouse {
    private final Connection connection;
    private final PostgresConnector connector;
    private final PostgresFailures failures;
    private final PlannerStatistics statistics;
    private RunLock runLock;

    PostgresWarehouse(Connection connection, PostgresConnector connector) {
        this.connection = connection;
        this.connector = connector;
        this.failures = connector.failures();
        this.statistics = new PlannerStatistics(connection);
    }

    @Override
    public String engine() {
        return "postgres";
    }

    @Override
    public String describe() {
        return connector.target().describe();
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public Connection openSideConnection() {
        return connector.open(true);
    }

    @Override
    public void acquireRunLock() {
        RunLock lock = new RunLock(connection, connector.target(), failures);
        lock.acquire();
        runLock = lock;
    }

    @Override
    public StagingLoader stagingLoader() {
        try {
            return new PostgresStagingLoader(connection.unwrap(PGConnection.class), failures, statistics);
        } catch (SQLException e) {
            throw new IllegalStateException("not a pgjdbc connection", e);
        }
    }

    /**
     * As the shared one, and: the schema is created (if missing) with the tables; a lost connection is said
     * to be one, naming the server; the planner's statistics are refreshed after a merge that rebuilt much
     * of a table.
     */
    @Override
    public void execute(String script, Map<String, Long> parameters) {
        try {
            if (script.equals("schema")) {
                connector.createSchemaIfMissing(connection);
            }
            Warehouse.super.execute(script, parameters);
            statistics.ran(script);
        } catch (SQLException e) {
            throw failures.failed("running " + script, e);
        } catch (SparkifyException e) {
            if (e.getCause() instanceof SQLException sql && PostgresFailures.isConnectionLost(sql)) {
                throw failures.lost("running " + script, sql);
            }
            throw e;
        }
    }

    /** The server cancels the running statement; the session stays, so the run can still roll back. */
    @Override
    public void interrupt() {
        try {
            connection.unwrap(PGConnection.class).cancelQuery();
        } catch (SQLException e) {
            // The run then stops at its next step instead.
        }
    }

    @Override
    public void close() {
        try {
            if (runLock != null) {
                runLock.release();
            }
        } catch (SQLException e) {
            // The session is gone, and its lock with it.
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing after a failure: the original error is the one worth reporting.
        }
    }
}
