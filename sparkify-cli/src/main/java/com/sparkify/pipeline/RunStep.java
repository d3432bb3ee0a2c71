package com.sparkify.pipeline;

import static java.util.Objects.requireNonNull;

import com.sparkify.source.DataKind;
import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.Phase;
import com.sparkify.warehouse.Step;
import java.util.List;

/**
 * One step of a run, as {@link RunPlan} declares it: {@link EtlPipeline} carries it out and {@link DryRun}
 * prints it, so the two cannot differ in what a run does or in which order.
 */
sealed interface RunStep {
    Phase phase();

    /** Hands the step to {@code work}; false when the run stops after it. */
    boolean accept(Work work);

    /** What to do with each kind of step. */
    interface Work {
        boolean script(Script step);

        boolean startRun(StartRun step);

        boolean readLedger(ReadLedger step);

        boolean stage(Stage step);

        boolean recordUnknownKeys(RecordUnknownKeys step);

        boolean limitRejects(LimitRejects step);

        boolean forgetChangedFiles(ForgetChangedFiles step);

        boolean recordLedger(RecordLedger step);

        boolean countTables(CountTables step);

        boolean check(Check step);

        boolean commit(Commit step);

        boolean publish(Publish step);
    }

    /**
     * A SQL script, on the run's session or on the side session that commits each statement.
     *
     * @param note what the dry run says before it, or empty
     */
    record Script(Step step, boolean side, String note) implements RunStep {
        public Script {
            requireNonNull(step, "step is null");
            requireNonNull(note, "note is null");
        }

        @Override
        public Phase phase() {
            return step.phase();
        }

        @Override
        public boolean accept(Work work) {
            return work.script(this);
        }
    }

    /** The run's record, on the side session: the run gets its id, which is also the load_id of its rows. */
    record StartRun(Phase phase) implements RunStep {
        @Override
        public boolean accept(Work work) {
            return work.startRun(this);
        }
    }

    /**
     * Compares the files found with the ledger's files loaded before; a full refresh reads nothing and
     * loads them all.
     */
    record ReadLedger(Phase phase, boolean fullRefresh) implements RunStep {
        @Override
        public boolean accept(Work work) {
            return work.readLedger(this);
        }
    }

    /** Stages the files of one kind with the engine's bulk loader. */
    record Stage(Phase phase, DataKind kind, List<SourceFile> files) implements RunStep {
        public Stage {
            files = List.copyOf(files);
        }

        @Override
        public boolean accept(Work work) {
            return work.stage(this);
        }
    }

    /** Writes the unknown keys of the staged records to {@code etl_unknown_keys}, on the side session. */
    record RecordUnknownKeys(Phase phase) implements RunStep {
        @Override
        public boolean accept(Work work) {
            return work.recordUnknownKeys(this);
        }
    }

    /** Stops the run, publishing nothing, when it rejected more records than {@code maxErrors}. */
    record LimitRejects(Phase phase, long maxErrors) implements RunStep {
        @Override
        public boolean accept(Work work) {
            return work.limitRejects(this);
        }
    }

    /** Notes the changed files in {@code etl_reload_files}, whose old rows the next script deletes. */
    record ForgetChangedFiles(Phase phase, List<SourceFile> files) implements RunStep {
        public ForgetChangedFiles {
            files = List.copyOf(files);
        }

        @Override
        public boolean accept(Work work) {
            return work.forgetChangedFiles(this);
        }
    }

    /** Writes the ledger rows of the files staged: the run's commit publishes them with their rows. */
    record RecordLedger(Phase phase, int files) implements RunStep {
        @Override
        public boolean accept(Work work) {
            return work.recordLedger(this);
        }
    }

    /** Counts the star schema's rows, for the result and for the choice of checks. */
    record CountTables(Phase phase) implements RunStep {
        @Override
        public boolean accept(Work work) {
            return work.countTables(this);
        }
    }

    /**
     * The data-quality checks, their outcomes recorded in {@code etl_checks} on the side session; the run
     * stops, publishing nothing, when one fails.
     *
     * @param mayNarrow whether the checks may look only at the rows the run changed
     */
    record Check(Phase phase, boolean mayNarrow) implements RunStep {
        @Override
        public boolean accept(Work work) {
            return work.check(this);
        }
    }

    /** Commits the run's session. */
    record Commit(Phase phase) implements RunStep {
        @Override
        public boolean accept(Work work) {
            return work.commit(this);
        }
    }

    /** The run is committed: the engine publishes it where that is a step of its own. */
    record Publish(Phase phase) implements RunStep {
        @Override
        public boolean accept(Work work) {
            return work.publish(this);
        }
    }
}
