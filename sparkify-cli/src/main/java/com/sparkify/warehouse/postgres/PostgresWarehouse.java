package com.sparkify.warehouse.postgres;

import com.sparkify.SparkifyException;
import com.sparkify.warehouse.JdbcWarehouse;
import com.sparkify.warehouse.Phase;
import com.sparkify.warehouse.RunShape;
import com.sparkify.warehouse.StagingLoader;
import com.sparkify.warehouse.Step;
import com.sparkify.warehouse.WarehouseSession;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * A PostgreSQL warehouse: every table in one schema, which the connections' search_path names so that the
 * shared SQL stays unqualified. A session-level advisory lock keeps a second run off the same schema.
 */
final class PostgresWarehouse implements JdbcWarehouse {
    private final Connection connection;
    private final PostgresConnector connector;
    private final PostgresFailures failures;
    private final PlannerStatistics statistics;
    private final WarehouseSession session;
    private final DeferredIndexes deferredIndexes;
    private RunLock runLock;

    PostgresWarehouse(Connection connection, PostgresConnector connector) {
        this.connection = connection;
        this.connector = connector;
        this.failures = connector.failures();
        this.statistics = new PlannerStatistics(connection);
        this.session = new PostgresSession(connection, scripts(), failures);
        this.deferredIndexes = new DeferredIndexes(connection, scripts());
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
    public WarehouseSession session() {
        return session;
    }

    @Override
    public WarehouseSession openSideSession() {
        return new PostgresSession(connector.open(true), scripts(), failures);
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
     * The schema the connections' search_path names is created with the tables, if missing. A first load
     * builds the indexes of the tables it fills after their rows are in: {@link DeferredIndexes}.
     */
    @Override
    public void enter(Phase phase, RunShape shape) {
        try {
            switch (phase) {
                case SCHEMA -> connector.createSchemaIfMissing(connection);
                case RECOVER -> deferredIndexes.rolledBack();
                case STAGE -> {
                    if (shape.fresh() && !shape.fullRefresh()) {
                        deferredIndexes.drop();
                    }
                }
                case CHECK, COMMIT -> deferredIndexes.build();
                default -> {}
            }
        } catch (SQLException e) {
            throw failures.failed(
                    phase == Phase.SCHEMA
                            ? "creating the schema"
                            : "preparing the " + phase.name().toLowerCase(java.util.Locale.ROOT) + " phase",
                    e);
        }
    }

    /**
     * As the shared one, and: a lost connection is said to be one, naming the server; the planner's
     * statistics of the tables a step rewrites are refreshed after a large load.
     */
    @Override
    public void execute(Step step) {
        try {
            JdbcWarehouse.super.execute(step);
            statistics.ran(step);
        } catch (SQLException e) {
            throw failures.failed("running " + step.script(), e);
        } catch (SparkifyException e) {
            if (e.getCause() instanceof SQLException sql && PostgresFailures.isConnectionLost(sql)) {
                throw failures.lost("running " + step.script(), sql);
            }
            throw e;
        }
    }

    /** It stages only in the run's transaction: a run that does not commit leaves no staged rows. */
    @Override
    public boolean keepsStagedRowsOfFailedRuns() {
        return false;
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
