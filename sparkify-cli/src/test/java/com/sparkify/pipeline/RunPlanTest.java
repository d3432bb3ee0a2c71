package com.sparkify.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.source.DataKind;
import com.sparkify.source.LocalFileSource;
import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.Phase;
import com.sparkify.warehouse.StagingLoader;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseReader;
import com.sparkify.warehouse.WarehouseSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The declared steps of a run: their order, their phases, and what the engine's capabilities switch. */
class RunPlanTest {
    private static final SourceFile SONGS = file("songs/a.json", DataKind.SONGS);
    private static final SourceFile DAY1 = file("logs/day1.json", DataKind.EVENTS);
    private static final SourceFile DAY2 = file("logs/day2.json", DataKind.EVENTS);

    @Test
    void phasesNeverGoBack() {
        List<RunStep> steps = all(new Capabilities(true, true), new LoadPlan(List.of(SONGS, DAY1), List.of(), 0, true));

        assertThat(steps).extracting(RunStep::phase).isSortedAccordingTo(Phase::compareTo);
        assertThat(steps.stream().map(RunStep::phase).distinct()).containsExactly(Phase.values());
    }

    @Test
    void aChangedFileIsForgottenAndItsRowsGoBeforeTheMerges() {
        List<String> scripts =
                scripts(all(new Capabilities(true, true), new LoadPlan(List.of(DAY1), List.of(DAY1), 1, false)));

        assertThat(scripts)
                .containsSubsequence(
                        "prepare_changes", "forget_reloaded_files", "collect_changed_plays", "rematch_songplays")
                .doesNotContain("truncate_all");
    }

    @Test
    void onlyTheSongplaysMergeDeclaresATableItRewrites() {
        List<RunStep.Script> rewriting =
                all(new Capabilities(true, true), new LoadPlan(List.of(DAY1), List.of(), 0, true)).stream()
                        .filter(step -> step instanceof RunStep.Script script
                                && !script.step().rewrites().isEmpty())
                        .map(RunStep.Script.class::cast)
                        .toList();

        assertThat(rewriting).singleElement().satisfies(step -> {
            assertThat(step.step().script()).isEqualTo("merge_songplays");
            assertThat(step.step().rewrites()).containsExactly("songplays");
        });
    }

    @Test
    void anEngineThatStagesInTheRunsTransactionDiscardsNothingAndOneWithoutNarrowedChecksChecksAll() {
        LoadPlan incremental = new LoadPlan(List.of(DAY2), List.of(), 1, false);

        List<RunStep> postgresLike = all(new Capabilities(false, true), incremental);
        List<RunStep> redshiftLike = all(new Capabilities(true, false), incremental);

        assertThat(scripts(postgresLike)).doesNotContain("discard_unpublished_staging");
        assertThat(scripts(redshiftLike)).contains("discard_unpublished_staging");
        assertThat(check(postgresLike).mayNarrow()).isTrue();
        assertThat(check(redshiftLike).mayNarrow()).isFalse();
        assertThat(check(all(new Capabilities(true, true), new LoadPlan(List.of(DAY2), List.of(), 0, true)))
                        .mayNarrow())
                .as("a fresh load checks every row")
                .isFalse();
    }

    private static List<RunStep> all(Warehouse warehouse, LoadPlan plan) {
        EtlOptions options = new EtlOptions(
                new LocalFileSource(Path.of("songs"), DataKind.SONGS),
                new LocalFileSource(Path.of("logs"), DataKind.EVENTS),
                false,
                0);
        List<RunStep> steps = new ArrayList<>(RunPlan.opening(warehouse, options));
        steps.addAll(RunPlan.of(warehouse, plan, options, 7));
        return steps;
    }

    private static List<String> scripts(List<RunStep> steps) {
        return steps.stream()
                .filter(RunStep.Script.class::isInstance)
                .map(step -> ((RunStep.Script) step).step().script())
                .toList();
    }

    private static RunStep.Check check(List<RunStep> steps) {
        return steps.stream()
                .filter(RunStep.Check.class::isInstance)
                .map(RunStep.Check.class::cast)
                .findFirst()
                .orElseThrow();
    }

    private static SourceFile file(String uri, DataKind kind) {
        return new SourceFile(uri, kind, 100, "m1", Optional.empty());
    }

    /** A warehouse that only states capabilities: planning asks nothing else. */
    private record Capabilities(boolean keepsStagedRows, boolean narrowsChecks) implements Warehouse {
        @Override
        public boolean keepsStagedRowsOfFailedRuns() {
            return keepsStagedRows;
        }

        @Override
        public boolean supportsNarrowedChecks() {
            return narrowsChecks;
        }

        @Override
        public String engine() {
            return "duckdb";
        }

        @Override
        public String describe() {
            return "capabilities only";
        }

        @Override
        public WarehouseSession session() {
            throw new UnsupportedOperationException();
        }

        @Override
        public WarehouseReader reader() {
            throw new UnsupportedOperationException();
        }

        @Override
        public WarehouseSession openSideSession() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void acquireRunLock() {
            throw new UnsupportedOperationException();
        }

        @Override
        public StagingLoader stagingLoader() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }
}
