package com.sparkify.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the sparkify CLI in a separate JVM, for tests that kill it or run two at once. */
public final class CliProcess {
    private CliProcess() {}

    public static ProcessBuilder builder(Path log, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("com.sparkify.cli.SparkifyCommand");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        return builder;
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
        new ProcessBuilder("kill", "-9", Long.toString(process.pid()))
                .redirectError(new File("/dev/null"))
                .start()
                .waitFor();
        process.waitFor();
    }
}
