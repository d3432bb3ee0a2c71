package com.sparkify.pipeline;

import com.sparkify.source.DataKind;
import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.Phase;
import com.sparkify.warehouse.RunShape;
import com.sparkify.warehouse.Step;
import com.sparkify.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps of an {@code etl} run, in order: the one place that order is written. {@link #opening} comes
 * before the run knows what it loads; {@link #of} follows from the ledger's comparison.
 */
final class RunPlan {
    private RunPlan() {}

    /** The steps up to the ledger's comparison: tables, recovery, the run's record, the ledger read. */
    static List<RunStep> opening(Warehouse warehouse, EtlOptions options) {
        List<RunStep> steps = new ArrayList<>();
        steps.add(new RunStep.Script(
                new Step("schema", Phase.SCHEMA), false, "missing tables only; existing tables and their rows stay"));
        steps.add(new RunStep.Commit(Phase.SCHEMA));
        steps.add(new RunStep.Script(
                new Step("run_mark_interrupted", Phase.RECOVER),
                true,
                "on a second session, each statement committed at once: the run's row, and every reject"));
        steps.add(new RunStep.StartRun(Phase.RECOVER));
        if (warehouse.keepsStagedRowsOfFailedRuns()) {
            steps.add(new RunStep.Script(
                    new Step("discard_unpublished_staging", Phase.RECOVER),
                    false,
                    "on the run's session: rows staged by a run that did not commit go"));
        }
        steps.add(new RunStep.ReadLedger(Phase.PLAN, options.fullRefresh()));
        steps.add(new RunStep.Commit(Phase.PLAN));
        return steps;
    }

    /** The steps after the ledger's comparison, for a run with id {@code loadId} that loads {@code plan}. */
    static List<RunStep> of(Warehouse warehouse, LoadPlan plan, EtlOptions options, long loadId) {
        Map<String, Long> load = Map.of("load_id", loadId);
        Map<String, Long> merge = plan.mergeParameters(loadId);
        List<RunStep> steps = new ArrayList<>();
        for (DataKind kind : List.of(DataKind.SONGS, DataKind.EVENTS)) {
            List<SourceFile> files = plan.toLoad(kind);
            if (!files.isEmpty()) {
                steps.add(new RunStep.Stage(Phase.STAGE, kind, files));
            }
        }
        steps.add(new RunStep.RecordUnknownKeys(Phase.STAGE));
        steps.add(new RunStep.LimitRejects(Phase.STAGE, options.maxErrors()));

        steps.add(script("prepare_changes", Phase.PREPARE, Map.of()));
        if (options.fullRefresh()) {
            steps.add(script("truncate_all", Phase.PREPARE, load));
        } else if (!plan.changed().isEmpty()) {
            steps.add(new RunStep.ForgetChangedFiles(Phase.PREPARE, plan.changed()));
            steps.add(script("forget_reloaded_files", Phase.PREPARE, load));
        }

        steps.add(script("collect_changed_plays", Phase.TRANSFORM, merge));
        steps.add(script("collect_changes", Phase.TRANSFORM, merge));
        steps.add(script("merge_songs", Phase.TRANSFORM, merge));
        steps.add(script("merge_artists", Phase.TRANSFORM, merge));
        // The songplays it writes are read again by the steps after it, down to the time table.
        steps.add(new RunStep.Script(
                new Step("merge_songplays", Phase.TRANSFORM, merge, Set.of("songplays")), false, ""));
        steps.add(script("merge_users", Phase.TRANSFORM, merge));
        steps.add(script("merge_user_levels", Phase.TRANSFORM, merge));
        // New songs can match plays loaded before; a changed or refreshed file can change any match.
        if (options.fullRefresh()
                || !plan.toLoad(DataKind.SONGS).isEmpty()
                || !plan.changed().isEmpty()) {
            steps.add(script("rematch_songplays", Phase.TRANSFORM, Map.of()));
        }
        steps.add(script("prune_time", Phase.TRANSFORM, Map.of()));
        steps.add(script("merge_time", Phase.TRANSFORM, merge));
        steps.add(new RunStep.RecordLedger(Phase.TRANSFORM, plan.toLoad().size()));
        // Counted before the checks, which change nothing: the count tells whether the run touched most plays.
        steps.add(new RunStep.CountTables(Phase.TRANSFORM));

        steps.add(new RunStep.Check(Phase.CHECK, warehouse.supportsNarrowedChecks() && !plan.fresh()));
        steps.add(new RunStep.Commit(Phase.COMMIT));
        steps.add(new RunStep.Publish(Phase.PUBLISH));
        return steps;
    }

    /** What the engine may size the phases of a run that loads {@code plan} by. */
    static RunShape shape(LoadPlan plan, EtlOptions options) {
        return new RunShape(plan.bytes(), plan.fresh(), options.fullRefresh());
    }

    private static RunStep script(String script, Phase phase, Map<String, Long> parameters) {
        return new RunStep.Script(new Step(script, phase, parameters), false, "");
    }
}
