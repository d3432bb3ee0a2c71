package com.sparkify.warehouse.duckdb;

import com.sparkify.warehouse.JdbcSession;
import com.sparkify.warehouse.JdbcWarehouse;
import com.sparkify.warehouse.LoadedFile;
import com.sparkify.warehouse.Phase;
import com.sparkify.warehouse.RunShape;
import com.sparkify.warehouse.StagingLoader;
import com.sparkify.warehouse.WarehouseErrors;
import com.sparkify.warehouse.WarehouseReader;
import com.sparkify.warehouse.WarehouseSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.duckdb.DuckDBConnection;

/**
 * The embedded DuckDB warehouse. DuckDB's file lock already keeps a second process out. A warehouse opened for
 * writing publishes its snapshot ({@link WarehouseFiles#snapshot()}) for readers, and builds a full refresh
 * into a new file that it swaps in ({@link FullRefreshBuild}).
 */
final class DuckDbWarehouse implements JdbcWarehouse {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DuckDbWarehouse.class);
    private final Connection connection;
    private final String description;
    private final DuckDbMemory memory;
    private final Set<Connection> readerConnections = ConcurrentHashMap.newKeySet();
    /** The files this open created, if it created the warehouse. */
    private final Optional<WarehouseFiles> created;
    /** The files this open marked as to publish: empty for a reader and an in-memory warehouse. */
    private final Optional<WarehouseFiles> writing;
    /** Reopens the file for a publish after the connection was closed from another thread. */
    private static final long REOPEN_PATIENCE_NANOS = 5_000_000_000L;

    private final Reconnect reconnect;
    /** Set once a full refresh swapped its new file in: the connection points to the old one. */
    private volatile boolean retired;
    /** The new file of a full refresh, while the run builds it; null otherwise. */
    private volatile FullRefreshBuild build;
    /** The connection of the last side session opened, which a full refresh moves to its new file. */
    private volatile Connection side;

    /** Opens the warehouse's file again. */
    interface Reconnect {
        Connection open() throws SQLException;
    }

    DuckDbWarehouse(
            Connection connection,
            String description,
            DuckDbMemory memory,
            Optional<WarehouseFiles> created,
            Optional<WarehouseFiles> writing,
            Reconnect reconnect) {
        this.connection = connection;
        this.description = description;
        this.memory = memory;
        this.created = created;
        this.writing = writing;
        this.reconnect = reconnect;
    }

    @Override
    public String engine() {
        return "duckdb";
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Connection connection() {
        if (retired) {
            throw new IllegalStateException(description + " was swapped for a full refresh's new file; open it again");
        }
        return connection;
    }

    @Override
    public WarehouseReader reader() {
        return new DuckDbReader(connection());
    }

    @Override
    public WarehouseSession openSideSession() {
        try {
            Connection opened = connection().unwrap(DuckDBConnection.class).duplicate();
            opened.setAutoCommit(true);
            side = opened;
            return new JdbcSession(opened, scripts());
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot open a second session on " + description, e);
        }
    }

    @Override
    public void acquireRunLock() {
        // The database file is locked by this process as long as the connection is open.
    }

    @Override
    public StagingLoader stagingLoader() {
        try {
            return new DuckDbStagingLoader(
                    connection().unwrap(DuckDBConnection.class), this::duplicate, memory, readerConnections);
        } catch (SQLException e) {
            throw new IllegalStateException("not a DuckDB connection", e);
        }
    }

    /**
     * A connection of the run's own, on the database the run writes: a duplicated connection starts on the
     * warehouse, whatever the default database of the one it was duplicated from.
     */
    private DuckDBConnection duplicate() throws SQLException {
        DuckDBConnection duplicate =
                (DuckDBConnection) connection().unwrap(DuckDBConnection.class).duplicate();
        FullRefreshBuild building = build;
        if (building != null) {
            try {
                building.use(duplicate);
            } catch (SQLException e) {
                duplicate.close();
                throw e;
            }
        }
        return duplicate;
    }

    /** In one statement: see {@link LedgerColumns}. */
    @Override
    public void recordLoadedFiles(List<LoadedFile> files, long loadId) {
        LedgerColumns.insert(connection(), scripts(), files, loadId);
    }

    /**
     * DuckDB's memory limit becomes the phase's: see {@link DuckDbMemory}. A full refresh of a file starts its
     * new file once the tables of the warehouse exist, and takes the run history into it once it committed.
     */
    @Override
    public void enter(Phase phase, RunShape shape) {
        memory.enter(phase, shape);
        if (phase == Phase.RECOVER && shape.fullRefresh() && writing.isPresent() && build == null) {
            build = FullRefreshBuild.start(connection(), writing.get(), scripts());
        } else if (phase == Phase.PUBLISH && build != null) {
            build.takeHistory(connection(), side, scripts());
        }
    }

    /**
     * DuckDB's driver interrupts the statement running on a connection that another thread closes: the main
     * one's and the JSON readers'. The database, and with it its spill folder, goes once the run has closed
     * its side connection on the way out.
     */
    @Override
    public void interrupt() {
        for (Connection reader : readerConnections) {
            try {
                reader.close();
            } catch (SQLException e) {
                // Its reader stops at its next batch instead.
            }
        }
        closeConnection();
    }

    /**
     * Publishes the snapshot; a full refresh publishes its new file and swaps it in, after which this warehouse
     * is closed and refuses further use.
     */
    @Override
    public void publish(RunShape shape) {
        if (writing.isEmpty()) {
            return;
        }
        SnapshotPublisher publisher = new SnapshotPublisher(writing.get());
        FullRefreshBuild building = build;
        if (building != null) {
            retired = true;
            try {
                building.finish(connection, side);
                build = null;
                publisher.publishRebuilt();
            } finally {
                closeConnection();
            }
        } else {
            publisher.publish(connection);
        }
    }

    @Override
    public void closeAndRemoveIfNew() {
        closeConnection();
        created.ifPresent(WarehouseFiles::removeAll);
    }

    /**
     * Closes the warehouse. A full refresh that did not publish drops its new file: the warehouse is as it was,
     * with the run's record. A writer whose marker is still there (a failed run, create-tables, a run that
     * stopped early) publishes first, so that readers see its run record; a publish that fails leaves the
     * marker for the next run or read, and never hides the error that ended the run.
     */
    @Override
    public void close() {
        if (!retired && build != null) {
            abandonBuildQuietly();
        }
        if (!retired && writing.filter(WarehouseFiles::publishIsPending).isPresent()) {
            publishQuietly();
        }
        closeConnection();
    }

    private void abandonBuildQuietly() {
        try {
            // Interrupted: the new file went with the connection, and is removed under the lock when reopened.
            if (!connection.isClosed()) {
                build.abandon(connection);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("could not drop the new file of {}, left for the next run: {}", description, e.getMessage());
        }
        build = null;
    }

    private void publishQuietly() {
        try {
            if (connection.isClosed()) {
                // Interrupted: the lock went with the connection, and another writer may hold it now.
                try (Connection again = reopen()) {
                    writing.get().removeCompacted();
                    new SnapshotPublisher(writing.get()).publish(again);
                }
            } else {
                new SnapshotPublisher(writing.get()).publish(connection);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug(
                    "could not publish {} on closing, left for the next run or read: {}", description, e.getMessage());
        }
    }

    /**
     * Opens the file again after an interrupt. The interrupted database shuts down on the signal's thread and
     * keeps the file's lock until it has, so a first attempt can find it still held: a few more follow.
     */
    private Connection reopen() throws SQLException {
        long deadline = System.nanoTime() + REOPEN_PATIENCE_NANOS;
        while (true) {
            try {
                return reconnect.open();
            } catch (SQLException | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void closeConnection() {
        long started = System.nanoTime();
        try {
            connection.close();
            LOG.debug("closed {} in {} ms", description, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            // Closing after a failure: the original error is the one worth reporting.
        }
    }
}
