package com.sparkify.pipeline;

import com.sparkify.SparkifyException;
import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.Phase;
import com.sparkify.warehouse.SessionFailures;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code etl --plan}: the ledger's comparison and the SQL of a run, the steps {@link RunPlan} declares for
 * {@link EtlPipeline}, with nothing run but two reads (the ledger and the next run id) when their tables exist.
 */
public final class DryRun {
    private final Warehouse warehouse;

    public DryRun(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public EtlPreview preview(EtlOptions options) {
        List<SourceFile> found = new ArrayList<>(options.songs().list());
        found.addAll(options.logs().list());
        WarehouseSession session = warehouse.session();
        LoadPlan plan;
        long loadId;
        try {
            // Looked up as the run's statements will name them: through the search path, whose schema need
            // not exist yet (the catalog would then answer for another schema).
            plan = session.hasTable("etl_files")
                    ? new LoadLedger(session).plan(found, options.fullRefresh())
                    : new LoadPlan(found, List.of(), 0, true);
            loadId = session.hasTable("etl_runs")
                    ? session.queryLong(session.scripts().statement("run_next_id"))
                    : 1;
            session.rollback();
        } catch (SparkifyException e) {
            throw SessionFailures.of("Cannot read the ledger of " + warehouse.describe(), e);
        }
        List<RunStep> steps = new ArrayList<>(RunPlan.opening(warehouse, options));
        steps.addAll(RunPlan.of(warehouse, plan, options, loadId));
        return new EtlPreview(warehouse.describe(), loadId, files(found, plan), statements(steps, loadId));
    }

    /** The SQL of {@code steps}, in order; {@code --} comments stand for work that is not SQL. */
    List<String> statements(List<RunStep> steps, long loadId) {
        Printer printer = new Printer(warehouse, loadId);
        for (RunStep step : steps) {
            printer.next(step);
            step.accept(printer);
        }
        return printer.sql;
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

    private static Set<String> uris(List<SourceFile> files) {
        Set<String> uris = new HashSet<>();
        files.forEach(file -> uris.add(file.uri()));
        return uris;
    }

    /** Prints each step as the SQL it sends, and says where the run's session and its transaction begin. */
    private static final class Printer implements RunStep.Work {
        private final Warehouse warehouse;
        private final SqlScripts scripts;
        private final long loadId;
        private final List<String> sql = new ArrayList<>();
        private boolean onSide;
        private Phase phase;

        Printer(Warehouse warehouse, long loadId) {
            this.warehouse = warehouse;
            this.scripts = warehouse.scripts();
            this.loadId = loadId;
        }

        /** The comments that go before {@code step}: a note of its own, and the session it runs on. */
        void next(RunStep step) {
            boolean side = step instanceof RunStep.StartRun || step instanceof RunStep.Script script && script.side();
            if (step instanceof RunStep.Script script && !script.note().isEmpty()) {
                sql.add("-- " + script.note());
            } else if (onSide && !side) {
                sql.add("-- on the run's session");
            }
            if (step.phase() == Phase.STAGE && phase != Phase.STAGE) {
                sql.add("-- the run, in one transaction");
            }
            onSide = side;
            phase = step.phase();
        }

        @Override
        public boolean script(RunStep.Script step) {
            sql.addAll(scripts.statements(step.step().script(), step.step().parameters()));
            return true;
        }

        @Override
        public boolean startRun(RunStep.StartRun step) {
            sql.add(scripts.statement("run_next_id"));
            sql.add(scripts.statement("run_start"));
            return true;
        }

        @Override
        public boolean readLedger(RunStep.ReadLedger step) {
            if (!step.fullRefresh()) {
                sql.add(scripts.statement("ledger_select"));
            }
            return true;
        }

        @Override
        public boolean stage(RunStep.Stage step) {
            sql.addAll(warehouse.stagingLoader().plannedStatements(step.files(), loadId));
            return true;
        }

        @Override
        public boolean recordUnknownKeys(RunStep.RecordUnknownKeys step) {
            return true;
        }

        @Override
        public boolean limitRejects(RunStep.LimitRejects step) {
            sql.add("-- with more rejects than --max-errors " + step.maxErrors() + ": ROLLBACK here");
            return true;
        }

        @Override
        public boolean forgetChangedFiles(RunStep.ForgetChangedFiles step) {
            sql.add("-- for each of the " + step.files().size() + " changed files:");
            sql.add(scripts.statement("reload_file_insert"));
            return true;
        }

        @Override
        public boolean recordLedger(RunStep.RecordLedger step) {
            sql.add("-- the ledger rows of the " + step.files() + " files loaded, in bulk:");
            sql.add(scripts.statement("ledger_insert"));
            return true;
        }

        @Override
        public boolean countTables(RunStep.CountTables step) {
            return true;
        }

        @Override
        public boolean check(RunStep.Check step) {
            sql.add("-- the checks; when one fails: ROLLBACK here");
            sql.addAll(SqlScripts.split(scripts.text("checks")));
            sql.add("-- on the side session, each check's outcome, passed or failed:");
            sql.add(scripts.statement("check_insert"));
            sql.add("-- on the run's session");
            return true;
        }

        @Override
        public boolean commit(RunStep.Commit step) {
            sql.add("COMMIT");
            return true;
        }

        @Override
        public boolean publish(RunStep.Publish step) {
            return true;
        }
    }
}
