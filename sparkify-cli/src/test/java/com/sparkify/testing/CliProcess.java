package com.sparkify.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the sparkify CLI in a separate JVM, for tests that kill it, interrupt it or run two at once. Each
 * process gets a temp folder of its own beside its log (in the test's folder), so that what a killed process
 * leaves there, such as DuckDB's 60 MB native library copy, goes with the test's folder and never into the
 * system temp folder.
 */
public final class CliProcess {
    private static final String SIGINT_IGNORED = "SigIgn:";

    private CliProcess() {}

    public static ProcessBuilder builder(Path log, String... args) {
        Path temp = tempFolder(log);
        try {
            Files.createDirectories(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>();
        if (ignoresSigint()) {
            // A JVM started in the background by a non-interactive shell ignores SIGINT, and so would its
            // children: the interrupt tests need the default.
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-Djava.io.tmpdir=" + temp);
        // The JVM's performance counters live in /tmp/hsperfdata_USER whatever java.io.tmpdir says.
        command.add("-XX:-UsePerfData");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("com.sparkify.cli.SparkifyCommand");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TMPDIR", temp.toString());
        builder.redirectOutput(log.toFile());
        return builder;
    }

    /** The temp folder of the process that logs to {@code log}. */
    public static Path tempFolder(Path log) {
        return log.resolveSibling(log.getFileName() + "-temp");
    }

    public static Process start(Path log, String... args) throws IOException {
        return builder(log, args).start();
    }

    public static Process start(Path log, Map<String, String> environment, String... args) throws IOException {
        ProcessBuilder builder = builder(log, args);
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Kills the process as the kernel would on SIGKILL: no shutdown hooks, no cleanup. */
    public static void killHard(Process process) throws IOException, InterruptedException {
        signal(process, "KILL");
        process.waitFor();
    }

    /** Sends {@code signal} ({@code INT}, {@code TERM}, ...) to the process, as Ctrl-C or a scheduler would. */
    public static void signal(Process process, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .redirectError(new File("/dev/null"))
                .start()
                .waitFor();
    }

    /** Removes the temp folder of the process that logged to {@code log}, once it has ended. */
    public static void removeTempFolder(Path log) throws IOException {
        Path temp = tempFolder(log);
        if (!Files.exists(temp)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(temp)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static boolean ignoresSigint() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(SIGINT_IGNORED)) {
                    long ignored = Long.parseLong(
                            line.substring(SIGINT_IGNORED.length()).strip(), 16);
                    return (ignored & (1L << 1)) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc: not Linux, where the default disposition is what a child gets.
        }
        return false;
    }
}
