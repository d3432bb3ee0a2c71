package com.sparkify.warehouse.duckdb;

import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.JdbcWarehouse;
import com.sparkify.warehouse.LoadedFile;
import com.sparkify.warehouse.Phase;
import com.sparkify.warehouse.RunShape;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.StagingLoader;
import com.sparkify.warehouse.Step;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseReader;
import com.sparkify.warehouse.WarehouseSession;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A warehouse that does all its work through another, and tells which files DuckDB's {@code read_json}
 * staged whole: the loader's own account, so a test need not infer it from the order files are reported in.
 * The loaders it hands out are the warehouse's own, unchanged.
 */
public final class ReadJsonObserver implements JdbcWarehouse {
    private final Warehouse warehouse;
    private final List<DuckDbStagingLoader> loaders = new CopyOnWriteArrayList<>();

    public ReadJsonObserver(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** The URIs of the files read_json staged whole through this warehouse's loaders. */
    public Set<String> keptByReadJson() {
        Set<String> kept = new HashSet<>();
        loaders.forEach(loader -> kept.addAll(loader.keptByReadJson()));
        return kept;
    }

    @Override
    public StagingLoader stagingLoader() {
        StagingLoader loader = warehouse.stagingLoader();
        if (loader instanceof DuckDbStagingLoader duckDb) {
            loaders.add(duckDb);
        }
        return loader;
    }

    @Override
    public String engine() {
        return warehouse.engine();
    }

    @Override
    public String describe() {
        return warehouse.describe();
    }

    @Override
    public Connection connection() {
        return TestWarehouses.jdbc(warehouse);
    }

    @Override
    public WarehouseSession session() {
        return warehouse.session();
    }

    @Override
    public WarehouseReader reader() {
        return warehouse.reader();
    }

    @Override
    public WarehouseSession openSideSession() {
        return warehouse.openSideSession();
    }

    @Override
    public void acquireRunLock() {
        warehouse.acquireRunLock();
    }

    @Override
    public SqlScripts scripts() {
        return warehouse.scripts();
    }

    @Override
    public void enter(Phase phase, RunShape shape) {
        warehouse.enter(phase, shape);
    }

    @Override
    public void execute(Step step) {
        warehouse.execute(step);
    }

    @Override
    public void recordLoadedFiles(List<LoadedFile> files, long loadId) {
        warehouse.recordLoadedFiles(files, loadId);
    }

    @Override
    public boolean supportsNarrowedChecks() {
        return warehouse.supportsNarrowedChecks();
    }

    @Override
    public boolean keepsStagedRowsOfFailedRuns() {
        return warehouse.keepsStagedRowsOfFailedRuns();
    }

    @Override
    public void interrupt() {
        warehouse.interrupt();
    }

    @Override
    public void close() {
        warehouse.close();
    }

    @Override
    public void closeAndRemoveIfNew() {
        warehouse.closeAndRemoveIfNew();
    }
}
