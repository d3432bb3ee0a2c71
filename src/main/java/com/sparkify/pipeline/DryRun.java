package com.sparkify.pipeline;

import com.sparkify.source.DataKind;
import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.StagingLoader;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseErrors;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code etl --plan}: the ledger's comparison and the SQL of a run, in the order {@link EtlPipeline} sends it,
 * with nothing run but two reads (the ledger and the next run id) when their tables exist.
 */
public final class DryRun {
    private final Warehouse warehouse;
    private final SqlScripts scripts;

    public DryRun(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.scripts = warehouse.scripts();
    }

    public EtlPreview preview(EtlOptions options) {
        List<SourceFile> found = new ArrayList<>(options.songs().list());
        found.addAll(options.logs().list());
        try {
            Connection connection = warehouse.connection();
            Set<String> tables = existingTables(connection);
            LoadPlan plan = tables.contains("etl_files")
                    ? new LoadLedger(connection, scripts).plan(found, options.fullRefresh())
                    : new LoadPlan(found, List.of(), 0, true);
            long loadId = tables.contains("etl_runs") ? nextRunId(connection) : 1;
            connection.rollback();
            return new EtlPreview(warehouse.describe(), loadId, files(found, plan), statements(options, plan, loadId));
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot read the ledger of " + warehouse.describe(), e);
        }
    }

    private static List<EtlPreview.PlannedFile> files(List<SourceFile> found, LoadPlan plan) {
        Set<String> toLoad = uris(plan.toLoad());
        Set<String> changed = uris(plan.changed());
        return found.stream()
                .map(file -> new EtlPreview.PlannedFile(
                        file.uri(),
                        file.kind().label(),
                        file.size(),
                        changed.contains(file.uri())
                                ? EtlPreview.Action.CHANGED
                                : toLoad.contains(file.uri()) ? EtlPreview.Action.NEW : EtlPreview.Action.UNCHANGED))
                .toList();
    }

    private List<String> statements(EtlOptions options, LoadPlan plan, long loadId) {
        Map<String, Long> load = Map.of("load_id", loadId);
        List<String> sql = new ArrayList<>();
        sql.add("-- missing tables only; existing tables and their rows stay");
        sql.addAll(scripts.statements("schema", Map.of()));
        sql.add("-- on a second session, each statement committed at once: the run's row, and every reject");
        sql.addAll(scripts.statements("run_mark_interrupted", Map.of()));
        sql.add(one("run_next_id"));
        sql.add(one("run_start"));
        sql.add("-- the run, in one transaction");
        sql.addAll(scripts.statements("discard_unpublished_staging", Map.of()));
        sql.add(one("ledger_select"));
        sql.addAll(scripts.statements("prepare_changes", Map.of()));
        if (options.fullRefresh()) {
            sql.addAll(scripts.statements("truncate_all", load));
        } else if (!plan.changed().isEmpty()) {
            sql.add("-- for each of the " + plan.changed().size() + " changed files:");
            sql.add(one("reload_file_insert"));
            sql.addAll(scripts.statements("forget_reloaded_files", load));
        }
        StagingLoader loader = warehouse.stagingLoader();
        for (DataKind kind : List.of(DataKind.SONGS, DataKind.EVENTS)) {
            List<SourceFile> files = plan.toLoad(kind);
            if (!files.isEmpty()) {
                sql.addAll(loader.plannedStatements(files, loadId));
            }
        }
        sql.add("-- with more rejects than --max-errors " + options.maxErrors() + ": ROLLBACK here");
        sql.addAll(scripts.statements("collect_changed_plays", plan.mergeParameters(loadId)));
        sql.addAll(scripts.statements("collect_changes", plan.mergeParameters(loadId)));
        for (String script : EtlPipeline.MERGE_SCRIPTS) {
            sql.addAll(scripts.statements(script, plan.mergeParameters(loadId)));
        }
        if (options.fullRefresh()
                || !plan.toLoad(DataKind.SONGS).isEmpty()
                || !plan.changed().isEmpty()) {
            sql.addAll(scripts.statements("rematch_songplays", Map.of()));
        }
        sql.addAll(scripts.statements("prune_time", Map.of()));
        sql.addAll(scripts.statements("merge_time", plan.mergeParameters(loadId)));
        sql.add("-- for each of the " + plan.toLoad().size() + " files loaded:");
        sql.add(one("ledger_insert"));
        sql.add("-- the checks; when one fails: ROLLBACK here");
        sql.addAll(SqlScripts.split(scripts.text("checks")));
        sql.add("COMMIT");
        return sql;
    }

    /** A one-statement script, without its comments and semicolon. */
    private String one(String script) {
        return SqlScripts.split(scripts.text(script)).get(0);
    }

    /**
     * The ledger tables the warehouse has, looked up as the run's statements will name them: through the
     * search path, whose schema need not exist yet (the catalog would then answer for another schema).
     */
    private static Set<String> existingTables(Connection connection) throws SQLException {
        Set<String> tables = new HashSet<>();
        for (String table : List.of("etl_files", "etl_runs")) {
            try (Statement statement = connection.createStatement()) {
                statement
                        .executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0")
                        .close();
                tables.add(table);
            } catch (SQLException missing) {
                // A failed statement ends PostgreSQL's transaction: start another.
                connection.rollback();
            }
        }
        return tables;
    }

    private long nextRunId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(scripts.text("run_next_id"))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Set<String> uris(List<SourceFile> files) {
        Set<String> uris = new HashSet<>();
        files.forEach(file -> uris.add(file.uri()));
        return uris;
    }
}
