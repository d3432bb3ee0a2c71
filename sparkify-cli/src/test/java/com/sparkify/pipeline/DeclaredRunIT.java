package com.sparkify.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.source.DataKind;
import com.sparkify.source.LocalFileSource;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Phase;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL a run sends, recorded on a real DuckDB file, is the SQL {@code etl --plan} prints, in the same
 * order: both come from one declared list of steps, so they cannot drift apart.
 */
class DeclaredRunIT {
    @TempDir
    Path dir;

    private Path songs;
    private Path logs;

    @Test
    void aFirstRunSendsWhatThePlanPrints() throws Exception {
        files();
        List<String> printed = printedByThePlan(false);

        assertThat(sentByARun(false)).isEqualTo(printed);
    }

    @Test
    void aRunWithAChangedFileSendsWhatThePlanPrints() throws Exception {
        files();
        sentByARun(false);
        write(logs.resolve("day1.json"), IncrementalRunsIT.play(1, 0, 1000, "7", "paid", "T1"));
        List<String> printed = printedByThePlan(false);

        assertThat(sentByARun(false)).contains("-- for each changed file").isEqualTo(printed);
    }

    @Test
    void aFullRefreshSendsWhatThePlanPrints() throws Exception {
        files();
        sentByARun(false);
        List<String> printed = printedByThePlan(true);

        assertThat(sentByARun(true))
                .contains(new SqlScripts("duckdb")
                        .statements("truncate_all", java.util.Map.of("load_id", 2L))
                        .get(0))
                .isEqualTo(printed);
    }

    @Test
    void aRunEntersEachPhaseOnceInTheirOrder() throws Exception {
        files();
        try (RecordingWarehouse warehouse = new RecordingWarehouse(open())) {
            new EtlPipeline(warehouse, EtlListener.NONE).run(options(false));

            assertThat(warehouse.entered()).containsExactly(Phase.values());
        }
    }

    private void files() throws Exception {
        songs = Files.createDirectories(dir.resolve("song_data/A/B/C"));
        logs = Files.createDirectories(dir.resolve("log_data"));
        write(
                songs.resolve("TRABC.json"),
                "{\"num_songs\":1,\"artist_id\":\"AR1\",\"artist_name\":\"Band\",\"song_id\":\"SO1\",\"title\":\"T1\","
                        + "\"duration\":200.5,\"year\":0}\n");
        write(logs.resolve("day1.json"), IncrementalRunsIT.play(1, 0, 1000, "7", "free", "T1"));
        write(logs.resolve("day2.json"), IncrementalRunsIT.play(2, 0, 3000, "8", "free", "T1"));
    }

    private static void write(Path file, String content) throws Exception {
        Files.writeString(file, content);
        // A fresh modification time even within the file system's clock resolution.
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + content.length()));
    }

    private Warehouse open() {
        return TestWarehouses.open("jdbc:duckdb:" + dir.resolve("w.duckdb"));
    }

    private EtlOptions options(boolean fullRefresh) {
        return new EtlOptions(
                new LocalFileSource(dir.resolve("song_data"), DataKind.SONGS),
                new LocalFileSource(logs, DataKind.EVENTS),
                fullRefresh,
                0);
    }

    /** The plan of the next run, without the comments it prints for readers (a stage's own comment stays). */
    private List<String> printedByThePlan(boolean fullRefresh) {
        try (Warehouse warehouse = open()) {
            List<String> printed = new ArrayList<>();
            for (String statement :
                    new DryRun(warehouse).preview(options(fullRefresh)).statements()) {
                if (statement.startsWith("-- for each of the") && statement.endsWith("changed files:")) {
                    printed.add("-- for each changed file");
                } else if (!statement.startsWith("--") || statement.startsWith("-- stage ")) {
                    printed.add(statement);
                }
            }
            return collapseChecks(printed, new SqlScripts(warehouse.engine()));
        }
    }

    /**
     * What a run sends, less what the plan does not print (the table counts, the share of plays it changed,
     * the end of the run's record), with a changed file's reload marked as the plan marks it.
     */
    private List<String> sentByARun(boolean fullRefresh) {
        try (RecordingWarehouse warehouse = new RecordingWarehouse(open())) {
            new EtlPipeline(warehouse, EtlListener.NONE).run(options(fullRefresh));
            SqlScripts scripts = warehouse.scripts();
            Set<String> unprinted = Set.of(
                    scripts.statement("table_counts"),
                    scripts.statement("changed_plays_count"),
                    scripts.statement("run_finish"));
            List<String> sent = new ArrayList<>();
            for (String statement : warehouse.sent()) {
                if (statement.equals(scripts.statement("reload_file_insert"))) {
                    sent.add("-- for each changed file");
                }
                if (!unprinted.contains(statement)) {
                    sent.add(statement);
                }
            }
            return collapseChecks(sent, scripts);
        }
    }

    /** Every check's query becomes one marker: a run may narrow them, the plan prints the full ones. */
    private static List<String> collapseChecks(List<String> statements, SqlScripts scripts) {
        Set<String> checks = new HashSet<>(SqlScripts.split(scripts.text("checks")));
        checks.addAll(SqlScripts.split(scripts.text("checks_changed")));
        List<String> collapsed = new ArrayList<>();
        for (String statement : statements) {
            String entry = checks.contains(statement) ? "-- the checks" : statement;
            if (!(entry.equals("-- the checks") && collapsed.contains(entry))) {
                collapsed.add(entry);
            }
        }
        return collapsed;
    }
}
