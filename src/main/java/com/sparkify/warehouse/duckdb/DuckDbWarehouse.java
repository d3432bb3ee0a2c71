package com.sparkify.warehouse.duckdb;

import com.sparkify.warehouse.JdbcSession;
import com.sparkify.warehouse.LoadedFile;
import com.sparkify.warehouse.Phase;
import com.sparkify.warehouse.RunShape;
import com.sparkify.warehouse.StagingLoader;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseErrors;
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
 * writing publishes its snapshot ({@link WarehouseFiles#snapshot()}) for readers.
 */
final class DuckDbWarehouse implements Warehouse {
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
    private final Reconnect reconnect;
    /** Set once a full refresh swapped the compacted file in: the connection points to the old one. */
    private volatile boolean retired;

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
            throw new IllegalStateException(description + " was swapped for its compacted copy; open it again");
        }
        return connection;
    }

    @Override
    public WarehouseSession openSideSession() {
        try {
            Connection side = connection().unwrap(DuckDBConnection.class).duplicate();
            side.setAutoCommit(true);
            return new JdbcSession(side, scripts());
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
            return new DuckDbStagingLoader(connection().unwrap(DuckDBConnection.class), memory, readerConnections);
        } catch (SQLException e) {
            throw new IllegalStateException("not a DuckDB connection", e);
        }
    }

    /** In one statement: see {@link LedgerColumns}. */
    @Override
    public void recordLoadedFiles(List<LoadedFile> files, long loadId) {
        LedgerColumns.insert(connection(), scripts(), files, loadId);
    }

    /** DuckDB's memory limit becomes the phase's: see {@link DuckDbMemory}. */
    @Override
    public void enter(Phase phase, RunShape shape) {
        memory.enter(phase, shape);
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
     * Publishes the snapshot; a full refresh also swaps in a compacted copy of the file, after which this
     * warehouse is closed and refuses further use.
     */
    @Override
    public void publish(RunShape shape) {
        if (writing.isEmpty()) {
            return;
        }
        SnapshotPublisher publisher = new SnapshotPublisher(writing.get());
        if (shape.fullRefresh()) {
            retired = true;
            try {
                publisher.publishCompacted(connection);
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
     * Closes the warehouse. A writer whose marker is still there (a failed run, create-tables, a run that
     * stopped early) publishes first, so that readers see its run record; a publish that fails leaves the
     * marker for the next run or read, and never hides the error that ended the run.
     */
    @Override
    public void close() {
        if (!retired && writing.filter(WarehouseFiles::publishIsPending).isPresent()) {
            publishQuietly();
        }
        closeConnection();
    }

    private void publishQuietly() {
        try {
            if (connection.isClosed()) {
                // Interrupted: the lock went with the connection, and another writer may hold it now.
                try (Connection again = reconnect.open()) {
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
