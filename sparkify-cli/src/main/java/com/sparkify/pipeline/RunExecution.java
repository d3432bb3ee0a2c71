package com.sparkify.pipeline;

import com.sparkify.Messages;
import com.sparkify.quality.CheckReport;
import com.sparkify.quality.QualityChecks;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.Phase;
import com.sparkify.warehouse.RunShape;
import com.sparkify.warehouse.Step;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseSession;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the steps of one run, in the run's session and its side session, and keeps what they find:
 * the run's id, the ledger's comparison, the files staged, and how the run ended.
 */
final class RunExecution implements RunStep.Work {
    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);

    private final Warehouse warehouse;
    private final WarehouseSession session;
    private final WarehouseSession side;
    private final EtlOptions options;
    private final List<SourceFile> found;
    private final EtlListener listener;
    private final RunProgress progress;
    private final StagedFiles staged;
    private Phase phase;
    private RunShape shape;
    private RunLog runLog;
    private long runId;
    private LoadErrorLog rejects;
    private LoadPlan plan;
    private RunOutcome outcome = RunOutcome.SUCCEEDED;
    private TableCounts tables;
    private CheckReport checks = new CheckReport(List.of());
    private boolean recordFinished;

    RunExecution(
            Warehouse warehouse,
            WarehouseSession side,
            EtlOptions options,
            List<SourceFile> found,
            EtlListener listener,
            RunProgress progress) {
        this.warehouse = warehouse;
        this.session = warehouse.session();
        this.side = side;
        this.options = options;
        this.found = found;
        this.listener = listener;
        this.progress = progress;
        this.staged = new StagedFiles(listener, progress);
        this.shape = RunShape.before(options.fullRefresh());
    }

    /** Carries out {@code steps} in order, entering each phase as its first step comes; false if the run stopped. */
    boolean run(List<RunStep> steps) {
        for (RunStep step : steps) {
            progress.stopIfCancelled();
            if (step.phase() != phase) {
                enter(step.phase());
            }
            if (!step.accept(this)) {
                return false;
            }
        }
        return true;
    }

    private void enter(Phase next) {
        switch (next) {
            case STAGE -> {
                progress.startStaging();
                LOG.debug("planned {} files to load", plan.toLoad().size());
                listener.planned(plan.toLoad().size(), plan.bytes());
            }
            case TRANSFORM -> listener.phase("transform");
            case CHECK -> listener.phase("checks");
            case COMMIT -> progress.startCommit();
            default -> {}
        }
        phase = next;
        warehouse.enter(next, shape);
    }

    @Override
    public boolean script(RunStep.Script step) {
        if (step.side()) {
            side.execute(step.step().script(), step.step().parameters());
        } else {
            warehouse.execute(step.step());
        }
        return true;
    }

    @Override
    public boolean startRun(RunStep.StartRun step) {
        runLog = new RunLog(side);
        runId = runLog.start();
        rejects = new LoadErrorLog(side, runId);
        return true;
    }

    @Override
    public boolean readLedger(RunStep.ReadLedger step) {
        plan = new LoadLedger(session).plan(found, step.fullRefresh());
        shape = RunPlan.shape(plan, options);
        return true;
    }

    @Override
    public boolean stage(RunStep.Stage step) {
        FileSource source = step.kind() == DataKind.SONGS ? options.songs() : options.logs();
        long started = System.nanoTime();
        warehouse.stagingLoader().stage(step.files(), source, runId, rejects, staged);
        LOG.debug(
                "staged {} {} files in {} ms", step.files().size(), step.kind().label(), millisSince(started));
        return true;
    }

    @Override
    public boolean recordUnknownKeys(RunStep.RecordUnknownKeys step) {
        UnknownKeyLog.write(side, runId, staged.unknownKeys().list());
        return true;
    }

    @Override
    public boolean limitRejects(RunStep.LimitRejects step) {
        rejects.flush();
        LOG.debug("staged {} files, {} records rejected", staged.count(), rejects.count());
        if (rejects.count() <= step.maxErrors()) {
            return true;
        }
        unpublish();
        outcome = new RunOutcome(
                RunStatus.TOO_MANY_REJECTS,
                Messages.count(rejects.count(), "rejected record") + ", more than --max-errors " + step.maxErrors());
        tables = TableCountsQuery.run(warehouse);
        return false;
    }

    @Override
    public boolean forgetChangedFiles(RunStep.ForgetChangedFiles step) {
        new LoadLedger(session).forget(step.files());
        return true;
    }

    @Override
    public boolean recordLedger(RunStep.RecordLedger step) {
        warehouse.recordLoadedFiles(staged.files(), runId);
        LOG.debug("ledger recorded {} files", staged.count());
        return true;
    }

    @Override
    public boolean countTables(RunStep.CountTables step) {
        tables = TableCountsQuery.run(warehouse);
        return true;
    }

    @Override
    public boolean check(RunStep.Check step) {
        boolean onlyChanged = step.mayNarrow() && !mostPlaysChanged();
        QualityChecks quality = new QualityChecks(warehouse.scripts());
        checks = quality.run(session, onlyChanged);
        CheckLog.write(side, runId, checks, quality.scopes(onlyChanged));
        if (checks.passed()) {
            return true;
        }
        unpublish();
        outcome = new RunOutcome(
                RunStatus.CHECKS_FAILED, Messages.count(checks.failures().size(), "data-quality check") + " failed");
        return false;
    }

    @Override
    public boolean commit(RunStep.Commit step) {
        long started = System.nanoTime();
        session.commit();
        if (step.phase() == Phase.COMMIT) {
            progress.markCommitted();
            LOG.debug("committed in {} ms", millisSince(started));
        }
        return true;
    }

    /** Finishes the run's record first: what readers see of the run includes how it ended. */
    @Override
    public boolean publish(RunStep.Publish step) {
        finishRecord();
        warehouse.publish(shape);
        return true;
    }

    /**
     * Whether this run touched at least half of the songplays (a re-delivery of every file, a moved data
     * folder). Then the checks of the changed rows read as much as the full checks and hold the changed keys
     * in memory besides, so the full checks run instead.
     */
    private boolean mostPlaysChanged() {
        long changed = session.queryLong(warehouse.scripts().statement("changed_plays_count"));
        return changed * 2 >= tables.songplays();
    }

    /** Rolls the run back, and drops what the engine staged in transactions of its own. */
    void unpublish() {
        session.rollback();
        phase = null;
        enter(Phase.RECOVER);
        if (warehouse.keepsStagedRowsOfFailedRuns()) {
            warehouse.execute(new Step("discard_unpublished_staging", Phase.RECOVER));
        }
        session.commit();
    }

    boolean started() {
        return runLog != null;
    }

    /** Whether the run's record says how it ended: after that, a failure (to publish) does not change it. */
    boolean recordFinished() {
        return recordFinished;
    }

    /** Writes how the run ended to its record, on the side session, once. */
    void finishRecord() {
        if (recordFinished) {
            return;
        }
        runLog.finish(
                runId,
                outcome.status(),
                staged.count(),
                staged.songs().plus(staged.events()),
                tables.songplays(),
                outcome.message());
        recordFinished = true;
    }

    /** Writes a run that failed with {@code failure} to its record; a failure to do so is kept on it. */
    void finishRecordQuietly(RunStatus failed, String reason, RuntimeException failure) {
        try {
            runLog.finish(runId, failed, 0, com.sparkify.ingest.FileCounts.ZERO, 0, reason);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    long runId() {
        return runId;
    }

    LoadPlan plan() {
        return plan;
    }

    EtlResult result(long millis, List<EmptySource> emptySources) {
        return new EtlResult(
                runId,
                outcome.status(),
                found.size(),
                staged.count(),
                plan.changed().size(),
                staged.songs(),
                staged.events(),
                rejects.sampleReasons(),
                tables,
                checks,
                options.maxErrors(),
                millis,
                emptySources,
                staged.unknownKeys().list());
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
