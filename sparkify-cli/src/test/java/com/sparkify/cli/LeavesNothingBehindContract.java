package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.generate.DatasetGenerator;
import com.sparkify.generate.GeneratorSpec;
import com.sparkify.testing.CliProcess;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Nothing left behind", run against every engine: each command runs in a real process with a temp folder
 * of its own, and afterwards the warehouse and that temp folder hold exactly what is allowed.
 *
 * <p>What is allowed, and where a feature that leaves a file adds it:
 * <ul>
 *   <li>the process's temp folder: {@link #ALLOWED_TEMP_FILES}, nothing (DuckDB's native library copy is
 *       deleted at exit, on SIGINT and SIGTERM too);
 *   <li>a warehouse no command created: {@link #trace} is empty (no file, no schema);
 *   <li>a warehouse a run created: {@link #traceOfAWarehouse} (the DuckDB file alone, without its log or
 *       spill folder; a PostgreSQL schema). Snapshots, shadow files or an engine's temp folders that a
 *       later feature keeps belong there.
 * </ul>
 */
abstract class LeavesNothingBehindContract {
    /** Files a sparkify process may leave in its temp folder. */
    static final Set<String> ALLOWED_TEMP_FILES = Set.of();

    private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*");

    @TempDir
    static Path data;

    private static Path songs;
    private static Path logs;

    @TempDir
    Path dir;

    /** The flags that select the warehouse {@code name}; an engine that keeps files keeps them in {@code folder}. */
    protected abstract List<String> warehouseFlags(Path folder, String name);

    /** What the warehouse {@code name} leaves besides rows: file names in {@code folder}, or a schema. */
    protected abstract Set<String> trace(Path folder, String name) throws Exception;

    /** The trace of a warehouse that a run created. */
    protected abstract Set<String> traceOfAWarehouse(String name);

    protected abstract Warehouse open(Path folder, String name);

    /** Enough events that a run is still staging when it is interrupted. */
    @BeforeAll
    static void generate() {
        new DatasetGenerator().generate(new GeneratorSpec(data, 300, 14, 7, GeneratorSpec.DEFAULT_FIRST_DAY));
        songs = data.resolve("song_data");
        logs = data.resolve("log_data");
    }

    @Test
    void planningCreatesNothing() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("warehouse"));

        Run plan = run(folder, "plan", "etl", "--plan", "--songs=" + songs, "--logs=" + logs);

        assertThat(plan.exitCode()).as(plan.output()).isZero();
        assertThat(plan.output()).contains("(nothing was changed)");
        assertThat(trace(folder, "plan")).isEmpty();
        assertThat(plan.tempFiles()).isEqualTo(ALLOWED_TEMP_FILES);
    }

    @Test
    void anEtlThatCannotReadItsSourceLeavesNothingNew() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("warehouse"));

        Run etl = run(folder, "failed", "etl", "--songs=" + songs, "--logs=" + dir.resolve("no-such-folder"));

        assertThat(etl.exitCode()).as(etl.output()).isEqualTo(4);
        assertThat(trace(folder, "failed")).isEmpty();
        assertThat(etl.tempFiles()).isEqualTo(ALLOWED_TEMP_FILES);
    }

    @Test
    void aRunLeavesItsWarehouseAndNothingElse() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("warehouse"));

        Run etl = run(folder, "loaded", "etl", "--songs=" + songs, "--logs=" + logs);
        Set<String> afterRun = trace(folder, "loaded");
        Run plan = run(folder, "loaded", "etl", "--plan", "--songs=" + songs, "--logs=" + logs);

        assertThat(etl.exitCode()).as(etl.output()).isZero();
        assertThat(afterRun).isEqualTo(traceOfAWarehouse("loaded"));
        assertThat(etl.tempFiles()).isEqualTo(ALLOWED_TEMP_FILES);
        assertThat(plan.exitCode()).as(plan.output()).isZero();
        assertThat(trace(folder, "loaded")).isEqualTo(afterRun);
        assertThat(plan.tempFiles()).isEqualTo(ALLOWED_TEMP_FILES);
    }

    /** SIGINT is Ctrl-C; SIGTERM is what schedulers, systemd and Kubernetes send. */
    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void anInterruptedRunSaysSoPublishesNothingAndLeavesNoTemporaryFiles(String signal) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("warehouse"));
        Path log = dir.resolve("interrupted-" + signal + ".log");
        List<String> args = new ArrayList<>(List.of("etl", "-v", "--songs=" + songs, "--logs=" + logs));
        args.addAll(warehouseFlags(folder, "interrupted"));
        Process process = CliProcess.start(log, args.toArray(String[]::new));

        waitForLine(process, log, "planned ");
        CliProcess.signal(process, signal);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isEqualTo(signal.equals("INT") ? 130 : 143);
        assertThat(said(output)).as(output).containsExactly("interrupted; nothing was published");
        assertThat(trace(folder, "interrupted")).isEqualTo(traceOfAWarehouse("interrupted"));
        assertThat(files(CliProcess.tempFolder(log))).isEqualTo(ALLOWED_TEMP_FILES);
        try (Warehouse warehouse = open(folder, "interrupted")) {
            assertThat(Tables.count(TestWarehouses.jdbc(warehouse), "SELECT COUNT(*) FROM songplays"))
                    .isZero();
            assertThat(Tables.count(TestWarehouses.jdbc(warehouse), "SELECT COUNT(*) FROM etl_files"))
                    .isZero();
            assertThat(Tables.rows(TestWarehouses.jdbc(warehouse), "SELECT status, message FROM etl_runs"))
                    .containsExactly("interrupted|Interrupted by a signal; nothing was published");
        }
    }

    /** Stopped while it waits for its listing: the warehouse it created goes again, as after a failure. */
    @Test
    void aRunInterruptedBeforeItStagesLeavesNothingNew() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("warehouse"));
        Path log = dir.resolve("listing.log");
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // An S3 endpoint that takes the connection and never answers.
            silent.setSoTimeout(180_000); // the CLI starts and stages the songs first: slow on a crowded machine
            List<String> args = new ArrayList<>(List.of(
                    "etl",
                    "--songs=" + songs,
                    "--logs=s3://sparkify/log_data",
                    "--s3-endpoint=http://127.0.0.1:" + silent.getLocalPort()));
            args.addAll(warehouseFlags(folder, "listing"));
            Process process = CliProcess.start(
                    log,
                    Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "AWS_REGION", "us-east-1"),
                    args.toArray(String[]::new));
            try (Socket listing = silent.accept()) {
                CliProcess.signal(process, "TERM");
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            String output = Files.readString(log);
            assertThat(process.exitValue()).as(output).isEqualTo(143);
            assertThat(said(output)).as(output).containsExactly("interrupted; nothing was published");
        }
        assertThat(trace(folder, "listing")).isEmpty();
        assertThat(files(CliProcess.tempFolder(log))).isEqualTo(ALLOWED_TEMP_FILES);
    }

    /** A finished command: its exit code, its output and what its temp folder holds. */
    record Run(int exitCode, String output, Set<String> tempFiles) {}

    Run run(Path folder, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(warehouseFlags(folder, name));
        Path log = Files.createTempFile(dir, name, ".log");
        Process process = CliProcess.start(log, command.toArray(String[]::new));
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(log), files(CliProcess.tempFolder(log)));
    }

    /**
     * What the process said, without its -v log lines and the notice spring-jcl prints when it finds
     * commons-logging on the test class path (S3Mock's), which the sparkify jar does not carry.
     */
    private static List<String> said(String output) {
        return output.lines()
                .filter(line -> !LOG_LINE.matcher(line).matches())
                .filter(line -> !line.startsWith("Standard Commons Logging discovery in action with spring-jcl"))
                .toList();
    }

    static Set<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    private static void waitForLine(Process process, Path log, String text) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (process.isAlive() && System.currentTimeMillis() < deadline) {
            if (Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("etl did not log '" + text + "' while running:\n" + Files.readString(log));
    }
}
