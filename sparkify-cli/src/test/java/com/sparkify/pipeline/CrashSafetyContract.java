package com.sparkify.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.testing.CliProcess;
import com.sparkify.testing.SampleData;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code etl} with SIGKILL at 20 points spread over a run (listing, staging, transform, checks,
 * commit), and right after six named steps of the transform and checks, reruns, and compares every table
 * with a clean single run.
 */
abstract class CrashSafetyContract {
    private static final int KILL_POINTS = 20;

    @TempDir
    Path dir;

    /** A fresh warehouse for {@code name}: the flags that select it. */
    protected abstract List<String> warehouseFlags(Path dir, String name);

    protected abstract Warehouse open(Path dir, String name);

    private EtlResult etl(String name) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try (Warehouse warehouse = open(dir, name)) {
                return TestWarehouses.etl(warehouse, SampleData.songs(), SampleData.logs(), false, 0);
            } catch (SparkifyException e) {
                // A server keeps a killed client's session, and its run lock, until its statement ends.
                if (e.code() != ErrorCode.BUSY || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    static List<String> state(Warehouse warehouse) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String sql : List.of(
                "SELECT * FROM songplays ORDER BY songplay_id",
                "SELECT * FROM users ORDER BY user_id",
                "SELECT * FROM songs ORDER BY song_id",
                "SELECT * FROM artists ORDER BY artist_id",
                "SELECT * FROM \"time\" ORDER BY start_time",
                "SELECT COUNT(*), COUNT(DISTINCT source_file || ':' || source_record) FROM staging_events",
                "SELECT COUNT(*) FROM staging_songs",
                "SELECT path, change_marker, rows_read, rows_staged, rows_rejected FROM etl_files ORDER BY path")) {
            rows.add(sql);
            rows.addAll(Tables.rows(TestWarehouses.jdbc(warehouse), sql));
        }
        return rows;
    }

    /**
     * Steps after which a run is also killed as soon as its log shows them: evenly spread moments can all
     * fall into the few long phases (a fresh-clone CI run hit only staging and the first merges, 40 times),
     * so these make sure the transform, the ledger and the checks are interrupted too.
     */
    private static final List<String> KILL_AFTER = List.of(
            "merge_songplays",
            "merge_users",
            "merge_time",
            "ledger recorded",
            "check songplays_key",
            "check level_values");

    @Test
    void killedRunsLeaveNothingThatARerunDoesNotRepair() throws Exception {
        List<String> clean;
        etl("clean");
        try (Warehouse warehouse = open(dir, "clean")) {
            clean = state(warehouse);
        }
        long runMillis = timeOneProcessRun();
        SplittableRandom random = new SplittableRandom(20181112);
        int markedInterrupted = 0;
        java.util.Set<String> lastStepsSeen = new java.util.TreeSet<>();

        for (int point = 0; point < KILL_POINTS + KILL_AFTER.size(); point++) {
            String name = "crash" + point;
            Path log = dir.resolve("crash-" + point + ".log");
            long delay = 0;
            boolean killed = false;
            if (point < KILL_POINTS) {
                // A run that finished before its kill shows the runs got faster: aim again, earlier.
                for (int attempt = 0; attempt < 6 && !killed; attempt++) {
                    name = "crash" + point + "_" + attempt;
                    delay = runMillis * (2L * point + 1) / (2L * KILL_POINTS) + random.nextLong(0, 10);
                    Process process = startVerbose(warehouseFlags(dir, name), log);
                    long started = System.currentTimeMillis();
                    if (process.waitFor(delay, TimeUnit.MILLISECONDS)) {
                        runMillis = Math.min(runMillis, System.currentTimeMillis() - started);
                    } else {
                        CliProcess.killHard(process);
                        killed = true;
                    }
                }
                assertThat(killed)
                        .as("kill point %d landed while etl was running", point)
                        .isTrue();
            } else {
                killed = killAfter(KILL_AFTER.get(point - KILL_POINTS), warehouseFlags(dir, name), log);
            }
            if (killed) {
                lastStepsSeen.add(lastStep(log));
            }
            // A killed run leaves its copy of DuckDB's native library: 60 MB a kill point.
            CliProcess.removeTempFolder(log);

            EtlResult rerun = etl(name);

            assertThat(rerun.status()).as("rerun after kill point %d", point).isEqualTo(RunStatus.SUCCEEDED);
            try (Warehouse warehouse = open(dir, name)) {
                assertThat(state(warehouse))
                        .as("tables after kill point %d at %d ms", point, delay)
                        .isEqualTo(clean);
                assertThat(Tables.rows(TestWarehouses.jdbc(warehouse), "SELECT DISTINCT status FROM etl_runs"))
                        .as("run records after kill point %d", point)
                        .isSubsetOf("interrupted", "succeeded")
                        .contains("succeeded");
                markedInterrupted += Tables.count(
                                        TestWarehouses.jdbc(warehouse),
                                        "SELECT COUNT(*) FROM etl_runs WHERE status = 'interrupted'")
                                > 0
                        ? 1
                        : 0;
            }
        }
        assertThat(lastStepsSeen).as("last step logged before each kill").hasSizeGreaterThanOrEqualTo(4);
        assertThat(markedInterrupted).as("killed runs recorded as interrupted").isGreaterThanOrEqualTo(KILL_POINTS / 2);
    }

    /** Starts etl and kills it as soon as its log shows {@code step}; false if it ended before. */
    private static boolean killAfter(String step, List<String> warehouseFlags, Path log) throws Exception {
        Process process = startVerbose(warehouseFlags, log);
        while (process.isAlive()) {
            if (Files.readString(log).contains(step)) {
                CliProcess.killHard(process);
                return true;
            }
            Thread.sleep(1);
        }
        return false;
    }

    /** Milliseconds from the warehouse being opened to the end of a run, in a process of its own. */
    private long timeOneProcessRun() throws Exception {
        Process process = startVerbose(warehouseFlags(dir, "timing"), dir.resolve("timing.log"));
        long started = System.currentTimeMillis();
        assertThat(process.waitFor()).isZero();
        return System.currentTimeMillis() - started;
    }

    /** The last step a killed run logged, such as "SqlScripts - merge_users". */
    private static String lastStep(Path log) throws Exception {
        List<String> steps = Files.readAllLines(log).stream()
                .filter(line -> line.contains(" DEBUG "))
                .map(line -> line.substring(line.indexOf(" DEBUG ") + 7).replaceAll(" (took|after) .*", ""))
                .toList();
        return steps.isEmpty() ? "(nothing logged)" : steps.get(steps.size() - 1);
    }

    /** Starts etl with -v and returns once it has opened the warehouse (its first debug line). */
    private static Process startVerbose(List<String> warehouseFlags, Path log) throws Exception {
        List<String> args = new ArrayList<>(List.of("etl", "-v"));
        args.addAll(warehouseFlags);
        args.add("--songs=" + SampleData.songs());
        args.add("--logs=" + SampleData.logs());
        Process process = CliProcess.start(log, args.toArray(String[]::new));
        long deadline = System.currentTimeMillis() + 30_000;
        while (process.isAlive() && System.currentTimeMillis() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains("DEBUG")) {
                break;
            }
            Thread.sleep(2);
        }
        return process;
    }
}
