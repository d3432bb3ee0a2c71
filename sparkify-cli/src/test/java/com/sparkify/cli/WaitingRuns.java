package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.testing.CliProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code etl --wait} with two real processes, for every engine: the test holds the warehouse as a first run
 * would, and the CLI's run either waits for it or runs out of time.
 */
final class WaitingRuns {
    private WaitingRuns() {}

    /** Starts {@code etl} with {@code args}; stdout and stderr go to {@code log}. */
    static Process start(Path log, List<String> args) throws IOException {
        List<String> all = new ArrayList<>(List.of("etl"));
        all.addAll(args);
        return CliProcess.start(log, all.toArray(String[]::new));
    }

    /** Waits until the run says it is waiting, proof that it found the warehouse held. */
    static void awaitWaiting(Process run, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(log).contains("waiting up to ")) {
            assertThat(run.isAlive()).as(Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("the run says it waits").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /**
     * Runs {@code etl --wait 2s --json} while the warehouse is held: one JSON line on stdout naming
     * WAIT_TIMEOUT, exit 12, after at least the two seconds, one waiting line and one error line on stderr.
     */
    static void runsOutOfTime(Path dir, List<String> args) throws Exception {
        Path out = dir.resolve("timeout.out");
        Path err = dir.resolve("timeout.err");
        List<String> all = new ArrayList<>(List.of("etl"));
        all.addAll(args);
        all.addAll(List.of("--wait=2s", "--json"));
        long started = System.nanoTime();
        Process run = CliProcess.builder(out, all.toArray(String[]::new))
                .redirectErrorStream(false)
                .redirectError(err.toFile())
                .start();

        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(run.exitValue()).as(Files.readString(err)).isEqualTo(12);
        List<String> errors = Files.readAllLines(err);
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("waiting up to 2s (--wait 2s): ");
        assertThat(errors.get(1)).startsWith("error: Waited 2s (--wait 2s), and another run still holds the warehouse");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.get("exit_code").asInt()).isEqualTo(12);
        assertThat(line.at("/error/kind").asText()).isEqualTo("WAIT_TIMEOUT");
        CliProcess.removeTempFolder(out);
    }
}
