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

/** The embedded DuckDB warehouse. DuckDB's file lock already keeps a second process out. */
final class DuckDbWarehouse implements Warehouse {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DuckDbWarehouse.class);
    private final Connection connection;
    private final String description;
    private final DuckDbMemory memory;
    private final Set<Connection> readerConnections = ConcurrentHashMap.newKeySet();
    /** The files this open created, if it created the warehouse. */
    private final Optional<WarehouseFiles> created;

    DuckDbWarehouse(Connection connection, String description, DuckDbMemory memory, Optional<WarehouseFiles> created) {
        this.connection = connection;
        this.description = description;
        this.memory = memory;
        this.created = created;
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
        return connection;
    }

    @Override
    public WarehouseSession openSideSession() {
        try {
            Connection side = connection.unwrap(DuckDBConnection.class).duplicate();
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
            return new DuckDbStagingLoader(connection.unwrap(DuckDBConnection.class), memory, readerConnections);
        } catch (SQLException e) {
            throw new IllegalStateException("not a DuckDB connection", e);
        }
    }

    /** In one statement: see {@link LedgerColumns}. */
    @Override
    public void recordLoadedFiles(List<LoadedFile> files, long loadId) {
        LedgerColumns.insert(connection, scripts(), files, loadId);
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
        close();
    }

    @Override
    public void closeAndRemoveIfNew() {
        close();
        created.ifPresent(WarehouseFiles::removeAll);
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        try {
            connection.close();
            LOG.debug("closed {} in {} ms", description, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            // Closing after a failure: the original error is the one worth reporting.
        }
    }
}
