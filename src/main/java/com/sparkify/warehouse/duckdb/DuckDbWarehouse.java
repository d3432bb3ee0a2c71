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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.duckdb.DuckDBConnection;

/** The embedded DuckDB warehouse. DuckDB's file lock already keeps a second process out. */
final class DuckDbWarehouse implements Warehouse {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DuckDbWarehouse.class);
    /** The types of the lists {@link #recordLoadedFiles} binds, one per column of {@code ledger_insert}. */
    private static final String[] LEDGER_TYPES = {
        "VARCHAR", "VARCHAR", "BIGINT", "VARCHAR", "BIGINT", "BIGINT", "BIGINT"
    };

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

    /** DuckDB's memory limit becomes the phase's: see {@link DuckDbMemory}. */
    @Override
    public String ledgerInsertScript() {
        return "ledger_insert_columns";
    }

    @Override
    public void recordLoadedFiles(List<LoadedFile> files, long loadId) {
        LedgerColumns.insert(connection, scripts(), files, loadId);
    }

    @Override
    public void enter(Phase phase, RunShape shape) {
        memory.enter(phase, shape);
    }

    /**
     * The ledger rows in one statement, a list per column ({@code sql/duckdb/ledger_insert.sql}): each insert
     * of a JDBC batch takes blocks of its own in the run's transaction, which it holds until the commit, so a
     * run of many files left its checks too little of the memory limit.
     */
    @Override
    public void recordLoadedFiles(List<LoadedFile> files, long loadId) {
        if (files.isEmpty()) {
            return;
        }
        Object[][] columns = new Object[LEDGER_TYPES.length][files.size()];
        for (int i = 0; i < files.size(); i++) {
            LoadedFile loaded = files.get(i);
            columns[0][i] = loaded.file().uri();
            columns[1][i] = loaded.file().kind().label();
            columns[2][i] = loaded.file().size();
            columns[3][i] = loaded.file().changeMarker();
            columns[4][i] = loaded.counts().read();
            columns[5][i] = loaded.counts().staged();
            columns[6][i] = loaded.counts().rejected();
        }
        try (PreparedStatement insert = connection.prepareStatement(scripts().statement("ledger_insert"))) {
            for (int column = 0; column < columns.length; column++) {
                insert.setArray(column + 1, connection.createArrayOf(LEDGER_TYPES[column], columns[column]));
            }
            insert.setLong(columns.length + 1, loadId);
            insert.execute();
        } catch (SQLException e) {
            throw WarehouseErrors.translate("The warehouse rejected script ledger_insert", e);
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
