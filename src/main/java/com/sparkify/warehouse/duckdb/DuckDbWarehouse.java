package com.sparkify.warehouse.duckdb;

import com.sparkify.warehouse.JdbcSession;
import com.sparkify.warehouse.LoadedFile;
import com.sparkify.warehouse.Phase;
import com.sparkify.warehouse.RunShape;
import com.sparkify.warehouse.StagingLoader;
import com.sparkify.warehouse.Step;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseErrors;
import com.sparkify.warehouse.WarehouseSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
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
    /** Whether this run's commit should checkpoint: see {@link #setCheckpointThreshold}. */
    private boolean checkpointAtCommit;

    private boolean thresholdLowered;

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

    @Override
    public void enter(Phase phase, RunShape shape) {
        switch (phase) {
            case RECOVER -> memory.endTransform();
            case TRANSFORM -> {
                memory.startTransform(shape.inputBytes());
                resetCheckpointThreshold();
                checkpointAtCommit = shape.inputBytes() >= DuckDbMemory.SHARED_FROM;
            }
            case CHECK -> memory.forChecks();
            case COMMIT -> {
                memory.endTransform();
                if (checkpointAtCommit) {
                    thresholdLowered = setCheckpointThreshold("SET checkpoint_threshold = '1KB'");
                }
            }
            case PUBLISH -> resetCheckpointThreshold();
            default -> {}
        }
    }

    @Override
    public void execute(Step step) {
        memory.forScript(step.script());
        Warehouse.super.execute(step);
    }

    /** All rows in one statement, a list per column: DuckDB's driver runs a JDBC batch one row at a time. */
    @Override
    public void recordLoadedFiles(List<LoadedFile> files, long loadId) {
        int n = files.size();
        Object[][] columns = new Object[7][n];
        for (int i = 0; i < n; i++) {
            LoadedFile loaded = files.get(i);
            columns[0][i] = loaded.file().uri();
            columns[1][i] = loaded.file().kind().label();
            columns[2][i] = loaded.file().size();
            columns[3][i] = loaded.file().changeMarker();
            columns[4][i] = loaded.counts().read();
            columns[5][i] = loaded.counts().staged();
            columns[6][i] = loaded.counts().rejected();
        }
        String[] types = {"VARCHAR", "VARCHAR", "BIGINT", "VARCHAR", "BIGINT", "BIGINT", "BIGINT"};
        try (PreparedStatement statement = connection.prepareStatement(scripts().statement("ledger_insert_columns"))) {
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
            }
            statement.setLong(columns.length + 1, loadId);
            statement.execute();
        } catch (SQLException e) {
            throw WarehouseErrors.translate("The warehouse rejected the ledger rows", e);
        }
    }

    private void resetCheckpointThreshold() {
        if (thresholdLowered) {
            thresholdLowered = !setCheckpointThreshold("RESET checkpoint_threshold");
        }
    }

    /**
     * A large run commits by checkpointing: DuckDB writes the transaction's tables straight into the file
     * when its commit triggers a checkpoint, and otherwise first into the write-ahead log. Whether the
     * default 16 MB threshold is crossed depended on DuckDB's estimate of the transaction: a 1M-event load
     * wrote 217 MB of log and took 460 ms to commit instead of 64 ms, a 10M one 7.8 s (BENCHMARKS.md).
     */
    private boolean setCheckpointThreshold(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return true;
        } catch (SQLException e) {
            // After a failed statement DuckDB refuses any other until the rollback: the failure is reported.
            LOG.debug("DuckDB did not take {}: {}", sql, e.getMessage());
            return false;
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
