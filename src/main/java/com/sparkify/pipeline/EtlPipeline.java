package com.sparkify.pipeline;

import com.sparkify.ingest.FileCounts;
import com.sparkify.ingest.UnknownKeys;
import com.sparkify.quality.CheckReport;
import com.sparkify.quality.QualityChecks;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.StagingLoader;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseErrors;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code etl} run: plan from the ledger, stage new and changed files, merge into the star schema,
 * check, and commit all of it or nothing. Rejects and the run record are kept either way.
 */
public final class EtlPipeline {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EtlPipeline.class);
    static final List<String> MERGE_SCRIPTS =
            List.of("merge_songs", "merge_artists", "merge_songplays", "merge_users", "merge_user_levels");

    private final Warehouse warehouse;
    private final EtlListener listener;
    private final SqlScripts scripts;
    private final RunProgress progress = new RunProgress();

    public EtlPipeline(Warehouse warehouse, EtlListener listener) {
        this.warehouse = warehouse;
        this.listener = listener;
        this.scripts = warehouse.scripts();
    }

    public EtlResult run(EtlOptions options) {
        return run(options, SourceListing.lazy(options));
    }

    /** Runs with the files of {@code listing}, which may have been listed while the warehouse opened. */
    public EtlResult run(EtlOptions options, SourceListing listing) {
        long started = System.currentTimeMillis();
        try {
            return attempt(options, listing, started);
        } catch (RuntimeException first) {
            if (progress.cancelled() || !warehouse.mayRetry(first)) {
                throw first;
            }
            LOG.warn("{}; running it again with the whole memory limit", first.getMessage());
            try {
                return attempt(options, listing, started);
            } catch (RuntimeException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private EtlResult attempt(EtlOptions options, SourceListing listing, long started) {
        progress.waitFor(listing);
        progress.stopIfCancelled();
        warehouse.acquireRunLock();
        // Listed before any table is created: a source that cannot be listed leaves the warehouse as it was.
        List<SourceFile> found = listing.files();
        progress.stopIfCancelled();
        Schema.ensure(warehouse);
        try (Connection side = warehouse.openSideConnection()) {
            RunLog runLog = new RunLog(side, scripts);
            long runId = runLog.start();
            try (LoadErrorLog rejects = new LoadErrorLog(side, scripts, runId)) {
                RunOutcome outcome = load(options, found, runId, rejects, side);
                runLog.finish(
                        runId,
                        outcome.status,
                        outcome.loaded.size(),
                        outcome.songs.plus(outcome.events),
                        outcome.tables.songplays(),
                        outcome.message);
                return new EtlResult(
                        runId,
                        outcome.status,
                        found.size(),
                        outcome.loaded.size(),
                        outcome.changed,
                        outcome.songs,
                        outcome.events,
                        rejects.sampleReasons(),
                        outcome.tables,
                        outcome.checks,
                        options.maxErrors(),
                        System.currentTimeMillis() - started,
                        listing.emptySources(),
                        outcome.unknownKeys.list());
            } catch (RuntimeException | SQLException e) {
                rollbackQuietly();
                if (progress.cancelled()) {
                    finishQuietly(runLog, runId, RunStatus.INTERRUPTED, RunProgress.INTERRUPTED, e);
                } else {
                    finishQuietly(runLog, runId, RunStatus.FAILED, String.valueOf(e.getMessage()), e);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Run failed on " + warehouse.describe(), e);
        }
    }

    /** What {@link #load} ended with. */
    private static final class RunOutcome {
        RunStatus status = RunStatus.SUCCEEDED;
        final Map<SourceFile, FileCounts> loaded = new LinkedHashMap<>();
        int changed;
        FileCounts songs = FileCounts.ZERO;
        FileCounts events = FileCounts.ZERO;
        TableCounts tables;
        CheckReport checks = new CheckReport(List.of());
        String message;
        final UnknownKeys unknownKeys = new UnknownKeys();
    }

    private RunOutcome load(
            EtlOptions options, List<SourceFile> found, long runId, LoadErrorLog rejects, Connection side)
            throws SQLException {
        Connection connection = warehouse.connection();
        LoadLedger ledger = new LoadLedger(connection, scripts);
        warehouse.execute("discard_unpublished_staging", Map.of());
        LoadPlan plan = ledger.plan(found, options.fullRefresh());
        connection.commit();
        progress.startStaging();
        LOG.debug("planned {} files to load", plan.toLoad().size());
        listener.planned(plan.toLoad().size(), plan.bytes());
        RunOutcome outcome = new RunOutcome();
        outcome.changed = plan.changed().size();

        StagingLoader loader = warehouse.stagingLoader();
        StagingLoader.Listener stagedListener = new StagingLoader.Listener() {
            @Override
            public void staged(SourceFile file, FileCounts counts) {
                outcome.loaded.put(file, counts);
                if (file.kind() == DataKind.SONGS) {
                    outcome.songs = outcome.songs.plus(counts);
                } else {
                    outcome.events = outcome.events.plus(counts);
                }
                listener.staged(file, counts);
                progress.stopIfCancelled();
            }

            @Override
            public void unknownKeys(SourceFile file, Map<String, Long> recordsByKey) {
                outcome.unknownKeys.add(file.kind(), file.uri(), recordsByKey);
            }
        };
        connection.setAutoCommit(true);
        try {
            loader.prefetch(plan.toLoad(DataKind.EVENTS), options.logs(), runId, stagedListener);
        } finally {
            connection.setAutoCommit(false);
        }
        // Staging comes before the run's first statement: an engine may stage in transactions of its own
        // (DuckDB does), since rows of this load count only once the run commits its ledger, and the
        // statements below keep them.
        long staging = System.nanoTime();
        stage(loader, plan.toLoad(DataKind.SONGS), options.songs(), runId, rejects, stagedListener);
        stage(loader, plan.toLoad(DataKind.EVENTS), options.logs(), runId, rejects, stagedListener);
        rejects.flush();
        UnknownKeyLog.write(side, scripts, runId, outcome.unknownKeys.list());
        progress.stopIfCancelled();
        LOG.debug(
                "staged {} files, {} records rejected, in {} ms",
                outcome.loaded.size(),
                rejects.count(),
                (System.nanoTime() - staging) / 1_000_000);

        if (rejects.count() > options.maxErrors()) {
            unpublish();
            outcome.status = RunStatus.TOO_MANY_REJECTS;
            outcome.message = rejects.count() + " rejected records, more than --max-errors " + options.maxErrors();
            outcome.tables = tableCounts();
            return outcome;
        }

        Map<String, Long> load = Map.of("load_id", runId);
        warehouse.execute("prepare_changes", Map.of());
        if (options.fullRefresh()) {
            warehouse.execute("truncate_all", load);
        } else if (!plan.changed().isEmpty()) {
            ledger.forget(plan.changed());
            warehouse.execute("forget_reloaded_files", load);
        }

        listener.phase("transform");
        warehouse.startTransform(plan.bytes());
        try {
            warehouse.execute("collect_changed_plays", plan.mergeParameters(runId));
            warehouse.execute("collect_changes", plan.mergeParameters(runId));
            for (String script : MERGE_SCRIPTS) {
                warehouse.execute(script, plan.mergeParameters(runId));
            }
            if (options.fullRefresh()
                    || !plan.toLoad(DataKind.SONGS).isEmpty()
                    || !plan.changed().isEmpty()) {
                warehouse.execute("rematch_songplays", Map.of());
            }
            warehouse.execute("prune_time", Map.of());
            warehouse.execute("merge_time", plan.mergeParameters(runId));
            ledger.record(outcome.loaded, runId);
            LOG.debug("ledger recorded {} files", outcome.loaded.size());

            listener.phase("checks");
            // The checks change nothing: the tables are counted before them, and the count of songplays
            // tells whether this run touched most of them.
            outcome.tables = tableCounts();
            boolean onlyChanged = !plan.fresh() && !mostPlaysChanged(connection, outcome.tables.songplays());
            warehouse.startChecks();
            outcome.checks = new QualityChecks(scripts).run(connection, onlyChanged);
        } finally {
            warehouse.endTransform();
        }
        if (!outcome.checks.passed()) {
            unpublish();
            outcome.status = RunStatus.CHECKS_FAILED;
            outcome.message = outcome.checks.failures().size() + " data-quality checks failed";
            return outcome;
        }
        long committing = System.nanoTime();
        progress.startCommit();
        connection.commit();
        progress.markCommitted();
        warehouse.committed();
        LOG.debug("committed in {} ms", (System.nanoTime() - committing) / 1_000_000);
        return outcome;
    }

    /**
     * Stops the run from another thread (a signal's shutdown hook), unless it has started to commit: its
     * running statement is interrupted where the engine allows it, and it fails at its next step without
     * publishing anything. Returns false when the commit had started; the run then ends on its own.
     */
    public boolean cancel() {
        if (!progress.cancel()) {
            return false;
        }
        warehouse.interrupt();
        return true;
    }

    /** Whether the run staged any file: before that, a run that fails has written nothing but its run record. */
    public boolean startedStaging() {
        return progress.startedStaging();
    }

    /** Whether the run's transaction committed. */
    public boolean committed() {
        return progress.committed();
    }

    private static void stage(
            StagingLoader loader,
            List<SourceFile> files,
            FileSource source,
            long runId,
            LoadErrorLog rejects,
            StagingLoader.Listener listener) {
        if (!files.isEmpty()) {
            loader.stage(files, source, runId, rejects, listener);
        }
    }

    /**
     * Whether this run touched at least half of the songplays (a re-delivery of every file, a moved data
     * folder). Then the checks of the changed rows read as much as the full checks, and hold the changed
     * keys in memory besides: on DuckDB they ran out of their share of the memory limit, and the whole run
     * was repeated. The full checks run instead.
     */
    private boolean mostPlaysChanged(Connection connection, long songplays) {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(scripts.text("changed_plays_count"))) {
            row.next();
            return row.getLong(1) * 2 >= songplays;
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot count the songplays this run changed", e);
        }
    }

    private TableCounts tableCounts() {
        return TableCountsQuery.run(warehouse);
    }

    /** Rolls the run back, and drops what an engine staged ahead of the transaction. */
    private void unpublish() throws SQLException {
        Connection connection = warehouse.connection();
        connection.rollback();
        warehouse.execute("discard_unpublished_staging", Map.of());
        connection.commit();
    }

    private void rollbackQuietly() {
        try {
            unpublish();
        } catch (SQLException | RuntimeException e) {
            // The connection is gone; the server rolls back on its own and the next run discards the rest.
        }
    }

    private static void finishQuietly(RunLog runLog, long runId, RunStatus status, String message, Exception cause) {
        try {
            runLog.finish(runId, status, 0, FileCounts.ZERO, 0, message);
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
