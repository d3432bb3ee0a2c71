package com.sparkify.pipeline;

import com.sparkify.ingest.RejectSink;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.JdbcWarehouse;
import com.sparkify.warehouse.LoadedFile;
import com.sparkify.warehouse.Phase;
import com.sparkify.warehouse.Row;
import com.sparkify.warehouse.RunShape;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.StagingLoader;
import com.sparkify.warehouse.Step;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseReader;
import com.sparkify.warehouse.WarehouseSession;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real warehouse that writes down, in order, the SQL a run sends through it: each statement of each script,
 * what its staging loader would print for the files it stages, and each commit. A hand-written recorder.
 */
final class RecordingWarehouse implements JdbcWarehouse {
    private final Warehouse real;
    private final List<String> sent = new ArrayList<>();
    private final List<Phase> entered = new ArrayList<>();

    RecordingWarehouse(Warehouse real) {
        this.real = real;
    }

    List<String> sent() {
        return List.copyOf(sent);
    }

    List<Phase> entered() {
        return List.copyOf(entered);
    }

    @Override
    public String engine() {
        return real.engine();
    }

    @Override
    public String describe() {
        return real.describe();
    }

    @Override
    public Connection connection() {
        return TestWarehouses.jdbc(real);
    }

    @Override
    public WarehouseSession session() {
        return new Recording(real.session());
    }

    @Override
    public WarehouseReader reader() {
        return real.reader();
    }

    @Override
    public WarehouseSession openSideSession() {
        return new Recording(real.openSideSession());
    }

    @Override
    public void acquireRunLock() {
        real.acquireRunLock();
    }

    @Override
    public StagingLoader stagingLoader() {
        StagingLoader loader = real.stagingLoader();
        return new StagingLoader() {
            @Override
            public void stage(
                    List<SourceFile> files, FileSource source, long loadId, RejectSink rejects, Listener listener) {
                sent.addAll(loader.plannedStatements(files, loadId));
                loader.stage(files, source, loadId, rejects, listener);
            }

            @Override
            public List<String> plannedStatements(List<SourceFile> files, long loadId) {
                return loader.plannedStatements(files, loadId);
            }
        };
    }

    @Override
    public void enter(Phase phase, RunShape shape) {
        entered.add(phase);
        real.enter(phase, shape);
    }

    @Override
    public void publish(RunShape shape) {
        real.publish(shape);
    }

    @Override
    public void execute(Step step) {
        sent.addAll(scripts().statements(step.script(), step.parameters()));
        real.execute(step);
    }

    @Override
    public void recordLoadedFiles(List<LoadedFile> files, long loadId) {
        sent.add(scripts().statement("ledger_insert"));
        real.recordLoadedFiles(files, loadId);
    }

    @Override
    public boolean supportsNarrowedChecks() {
        return real.supportsNarrowedChecks();
    }

    @Override
    public boolean keepsStagedRowsOfFailedRuns() {
        return real.keepsStagedRowsOfFailedRuns();
    }

    @Override
    public void close() {
        real.close();
    }

    private final class Recording implements WarehouseSession {
        private final WarehouseSession session;

        Recording(WarehouseSession session) {
            this.session = session;
        }

        @Override
        public SqlScripts scripts() {
            return session.scripts();
        }

        @Override
        public void execute(String script, Map<String, Long> parameters) {
            sent.addAll(scripts().statements(script, parameters));
            session.execute(script, parameters);
        }

        @Override
        public void update(String script, List<?> values) {
            sent.add(scripts().statement(script));
            session.update(script, values);
        }

        @Override
        public void updateAll(String script, List<? extends List<?>> rows) {
            if (!rows.isEmpty()) {
                sent.add(scripts().statement(script));
            }
            session.updateAll(script, rows);
        }

        @Override
        public List<Row> query(String sql) {
            sent.add(sql);
            return session.query(sql);
        }

        @Override
        public boolean hasTable(String table) {
            return session.hasTable(table);
        }

        @Override
        public void commit() {
            sent.add("COMMIT");
            session.commit();
        }

        @Override
        public void rollback() {
            sent.add("ROLLBACK");
            session.rollback();
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
