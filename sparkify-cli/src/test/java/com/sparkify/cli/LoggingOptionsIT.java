package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.testing.CliProcess;
import com.sparkify.testing.SampleData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the log goes, run as users run it: a process, its stderr, its log file, their own logback file. */
class LoggingOptionsIT {
    @TempDir
    Path dir;

    private String run(Map<String, String> environment, String... args) throws Exception {
        Path output = dir.resolve("output-" + System.nanoTime() + ".txt");
        Process process = CliProcess.start(output, environment, args);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(output)).isZero();
        return Files.readString(output);
    }

    private String[] etl(String... options) {
        String warehouse = "jdbc:duckdb:" + dir.resolve("w" + System.nanoTime() + ".duckdb");
        String[] base = {
            "--warehouse",
            warehouse,
            "etl",
            "--songs",
            SampleData.songs().toString(),
            "--logs",
            SampleData.logs().toString()
        };
        String[] all = java.util.Arrays.copyOf(options, options.length + base.length);
        System.arraycopy(base, 0, all, options.length, base.length);
        return all;
    }

    @Test
    void aLogFileTakesTheLogAndStderrKeepsOnlyTheResult() throws Exception {
        Path log = dir.resolve("etl.log");
        String output = run(Map.of(), etl("-v", "--log-file", log.toString()));
        assertThat(Files.readString(log)).contains("DEBUG", "committed in");
        assertThat(output).doesNotContain("DEBUG").contains("songplays");
    }

    @Test
    void quietPrintsTheResultOnly() throws Exception {
        String loud = run(Map.of(), etl("--log-level", "debug"));
        String quiet = run(Map.of(), etl("-q"));
        assertThat(loud).contains("DEBUG");
        assertThat(quiet).doesNotContain("DEBUG", "INFO", "WARN").contains("songplays");
    }

    @Test
    void aUsersOwnLogbackConfigurationReplacesSparkifys() throws Exception {
        Path log = dir.resolve("mine.log");
        Path config = dir.resolve("logback.xml");
        Files.writeString(
                config,
                """
                <configuration>
                  <appender name="MINE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>MINE %%level %%msg%%n</pattern></encoder>
                  </appender>
                  <root level="DEBUG"><appender-ref ref="MINE"/></root>
                </configuration>
                """
                        .formatted(log));
        run(Map.of("JAVA_TOOL_OPTIONS", "-Dlogback.configurationFile=" + config), etl());
        assertThat(Files.readString(log)).contains("MINE DEBUG").contains("committed in");
    }
}
