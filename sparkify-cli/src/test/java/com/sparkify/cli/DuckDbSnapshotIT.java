package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.testing.CliProcess;
import com.sparkify.testing.SampleData;
import com.sparkify.testing.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers of a DuckDB warehouse (query, report, check, a BI tool) read its snapshot, which each run publishes
 * with a rename: they never block the load nor wait for it, and see the old state or the new one, never half.
 * The load runs in a process of its own, as the nightly cron job does, and the readers are processes too,
 * except the dashboard, a read-only JDBC connection held by the test.
 */
class DuckDbSnapshotIT {
    private static final String COUNT = "SELECT COUNT(*) AS plays FROM songplays";

    @TempDir
    Path dir;

    private Path file;
    private Path logs;
    private String warehouse;
    private long oldPlays;

    /** The first half of the sample's event logs is loaded and published; the second half waits in {@link #logs}. */
    @BeforeEach
    void loadTheFirstBatch() throws Exception {
        file = dir.resolve("w.duckdb");
        warehouse = "--warehouse=jdbc:duckdb:" + file;
        logs = Files.createDirectories(dir.resolve("logs"));
        List<Path> all = eventLogs();
        for (Path log : all.subList(0, all.size() / 2)) {
            Files.copy(log, logs.resolve(log.getFileName()));
        }
        assertThat(process("first", etl()).waitFor()).isZero();
        oldPlays = countOnSnapshot();
        Files.copy(file, dir.resolve("old.duckdb"));
        Files.copy(snapshot(), dir.resolve("old.duckdb.snapshot"));
        for (Path log : all.subList(all.size() / 2, all.size())) {
            Files.copy(log, logs.resolve(log.getFileName()));
        }
        assertThat(oldPlays).isPositive().isLessThan(6820);
    }

    @Test
    void aDashboardHoldingTheSnapshotOpenNeitherBlocksTheLoadNorSeesHalfOfIt() throws Exception {
        try (Connection dashboard = dashboard()) {
            long before = Tables.count(dashboard, COUNT);

            Process load = process("load", etl());

            assertThat(load.waitFor()).as(output("load")).isZero();
            assertThat(before).isEqualTo(oldPlays);
            assertThat(Tables.count(dashboard, COUNT))
                    .as("the old state until it reconnects")
                    .isEqualTo(oldPlays);
        }
        try (Connection reconnected = dashboard()) {
            assertThat(Tables.count(reconnected, COUNT)).isEqualTo(6820);
        }
    }

    @Test
    void queriesDuringALoadAllAnswerWithTheOldOrTheNewState() throws Exception {
        List<String> args = new ArrayList<>(etl());
        args.add(1, "-v");
        Process load = process("load", args);
        waitForLine(load, "load", "planned ");
        List<Long> answers = new ArrayList<>();
        int firedWhileLoading = 0;
        for (int each = 0; load.isAlive() || each < 1; each++) {
            boolean loading = load.isAlive() && !output("load").contains("committed in");
            Process query = process("query" + each, List.of("query", warehouse, "--format=csv", "--sql", COUNT));
            assertThat(query.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(query.exitValue()).as(output("query" + each)).isZero();
            answers.add(answer("query" + each));
            firedWhileLoading += loading ? 1 : 0;
        }

        assertThat(load.waitFor()).as(output("load")).isZero();
        assertThat(firedWhileLoading)
                .as("queries fired while the load held the file")
                .isPositive();
        assertThat(answers).isNotEmpty().allMatch(plays -> plays == oldPlays || plays == 6820, "old or new state");
        assertThat(countOnSnapshot()).isEqualTo(6820);
    }

    @Test
    void twoReadersAtOnceBothAnswer() throws Exception {
        try (Connection dashboard = dashboard()) {
            Process report = process("report", List.of("report", warehouse, "--out=" + dir.resolve("r.html")));
            Process query = process("query", List.of("query", warehouse, "--format=csv", "--sql", COUNT));

            assertThat(query.waitFor()).as(output("query")).isZero();
            assertThat(report.waitFor()).as(output("report")).isZero();
            assertThat(answer("query")).isEqualTo(oldPlays);
            assertThat(Tables.count(dashboard, COUNT)).isEqualTo(oldPlays);
        }
    }

    /**
     * Killed between its commit and its publish, the run left the snapshot at the old state; the next reader
     * finds the marker and publishes first. A kill can land after the publish: then it aims again.
     */
    @Test
    void aRunKilledAfterItsCommitIsPublishedByTheNextReader() throws Exception {
        boolean landed = false;
        Path marker = dir.resolve("w.duckdb.publish-pending");
        for (int attempt = 0; attempt < 5 && !landed; attempt++) {
            String name = "killed" + attempt;
            // Back to the old state: an attempt that landed after the publish moved it on.
            Files.copy(dir.resolve("old.duckdb"), file, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(dir.resolve("old.duckdb.snapshot"), snapshot(), StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(marker);
            Files.deleteIfExists(dir.resolve("w.duckdb.wal"));
            List<String> args = new ArrayList<>(etl());
            args.add(1, "-v");
            Process load = process(name, args);
            while (load.isAlive() && !output(name).contains("committed in")) {
                Thread.sleep(1);
            }
            CliProcess.killHard(load);
            CliProcess.removeTempFolder(dir.resolve(name + ".log"));
            landed = Files.exists(marker)
                    && countOnSnapshot() == oldPlays
                    && output(name).contains("committed in");
        }
        assertThat(landed)
                .as("a kill landed between the commit and the publish")
                .isTrue();

        Process query = process("after", List.of("query", warehouse, "--format=csv", "--sql", COUNT));

        assertThat(query.waitFor()).as(output("after")).isZero();
        assertThat(answer("after")).isEqualTo(6820);
        assertThat(output("after")).contains("Answer as of run");
        assertThat(marker).doesNotExist();
        assertThat(countOnSnapshot()).isEqualTo(6820);
    }

    @Test
    void aFailedRunIsInTheSnapshotsRunHistory() throws Exception {
        Files.writeString(logs.resolve("bad.json"), "{oops\n");

        Process load = process("failed", etl());

        assertThat(load.waitFor()).as(output("failed")).isEqualTo(6);
        try (Connection dashboard = dashboard()) {
            assertThat(Tables.rows(dashboard, "SELECT status FROM etl_runs ORDER BY run_id"))
                    .containsExactly("succeeded", "too_many_rejects");
            assertThat(Tables.count(dashboard, COUNT)).isEqualTo(oldPlays);
        }
    }

    @Test
    void aWarehouseWithoutASnapshotGetsOneAtItsFirstRead() throws Exception {
        Files.delete(snapshot());

        Process query = process("query", List.of("query", warehouse, "--format=csv", "--sql", COUNT));

        assertThat(query.waitFor()).as(output("query")).isZero();
        assertThat(answer("query")).isEqualTo(oldPlays);
        assertThat(output("query")).contains("Answer as of run 1, finished ");
        assertThat(snapshot()).exists();
    }

    private List<String> etl() {
        return List.of("etl", warehouse, "--songs=" + SampleData.songs(), "--logs=" + logs);
    }

    private Process process(String name, List<String> args) throws Exception {
        return CliProcess.start(dir.resolve(name + ".log"), args.toArray(String[]::new));
    }

    private String output(String name) throws Exception {
        return Files.readString(dir.resolve(name + ".log"));
    }

    /** The count a query process printed: its one line of digits (its CSV header and notes aside). */
    private long answer(String name) throws Exception {
        List<String> numbers =
                output(name).lines().filter(line -> line.matches("\\d+")).toList();
        assertThat(numbers).as(output(name)).hasSize(1);
        return Long.parseLong(numbers.get(0));
    }

    private void waitForLine(Process process, String name, String text) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (process.isAlive() && !output(name).contains(text) && System.currentTimeMillis() < deadline) {
            Thread.sleep(2);
        }
    }

    private Path snapshot() {
        return dir.resolve("w.duckdb.snapshot");
    }

    /** What a BI tool opens, as docs/duckdb.md says. */
    private Connection dashboard() throws Exception {
        return Tables.readOnlyDuckDb(snapshot());
    }

    private long countOnSnapshot() throws Exception {
        try (Connection reader = dashboard()) {
            return Tables.count(reader, COUNT);
        }
    }

    private static List<Path> eventLogs() throws Exception {
        try (Stream<Path> files = Files.walk(SampleData.logs())) {
            return files.filter(path -> path.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }
}
