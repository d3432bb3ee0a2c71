package com.sparkify.warehouse.redshift;

import com.sparkify.config.Settings;
import com.sparkify.warehouse.Row;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.StagingLoader;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseReader;
import com.sparkify.warehouse.WarehouseSession;
import java.util.List;
import java.util.Map;

/**
 * A Redshift warehouse that could not be reached, for {@code etl --plan} alone: it plans as for an empty
 * warehouse (every file new, run 1), and puts a placeholder where the COPY needs the role {@code sparkify
 * cluster create} writes into the config. Anything that would need the cluster fails.
 */
final class PlanWithoutCluster implements Warehouse {
    /** Stands for {@code [IAM_ROLE] ARN} in a planned COPY when the config has none yet. */
    static final String ROLE_PLACEHOLDER = "<[IAM_ROLE] ARN, written by sparkify cluster create>";

    private final String description;
    private final Settings settings;

    PlanWithoutCluster(String description, Settings settings) {
        this.description = description;
        this.settings = settings;
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
    public WarehouseSession session() {
        return new NoTables(scripts());
    }

    @Override
    public WarehouseReader reader() {
        throw notConnected();
    }

    @Override
    public WarehouseSession openSideSession() {
        throw notConnected();
    }

    @Override
    public boolean supportsNarrowedChecks() {
        return false;
    }

    @Override
    public void acquireRunLock() {
        throw notConnected();
    }

    @Override
    public StagingLoader stagingLoader() {
        return new RedshiftStagingLoader(null, CopySettings.of(settings).withRole(ROLE_PLACEHOLDER), null, null);
    }

    @Override
    public void close() {}

    private IllegalStateException notConnected() {
        return new IllegalStateException("not connected: " + description);
    }

    /** The session of a warehouse that has no tables yet; it answers that and nothing else. */
    private final class NoTables implements WarehouseSession {
        private final SqlScripts scripts;

        NoTables(SqlScripts scripts) {
            this.scripts = scripts;
        }

        @Override
        public SqlScripts scripts() {
            return scripts;
        }

        @Override
        public boolean hasTable(String table) {
            return false;
        }

        @Override
        public void execute(String script, Map<String, Long> parameters) {
            throw notConnected();
        }

        @Override
        public void update(String script, List<?> values) {
            throw notConnected();
        }

        @Override
        public void updateAll(String script, List<? extends List<?>> rows) {
            throw notConnected();
        }

        @Override
        public List<Row> query(String sql) {
            throw notConnected();
        }

        @Override
        public void commit() {}

        @Override
        public void rollback() {}

        @Override
        public void close() {}
    }
}
