package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandIT {
    @TempDir
    Path dir;

    @Test
    void theNextStepsItPrintsRunAsPrinted() {
        CommandRun demo = CommandRun.of("demo", "--dir", dir.toString(), "--users", "5", "--days", "2");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        List<String> next = demo.out()
                .lines()
                .dropWhile(line -> !line.startsWith("Next, on this warehouse:"))
                .skip(1)
                .map(String::strip)
                .toList();
        assertThat(next).hasSize(4).allMatch(line -> line.startsWith("sparkify "));
        assertThat(String.join("\n", next)).contains("jdbc:duckdb:" + dir.resolve("demo.duckdb"));
        for (String line : next) {
            String[] args = Arrays.copyOfRange(line.split(" "), 1, line.split(" ").length);
            CommandRun run = CommandRun.of(args);
            assertThat(run.exitCode()).as(line + "\n" + run.err()).isZero();
            assertThat(run.out()).as(line).isNotBlank();
        }
        assertThat(Files.exists(dir.resolve("report.html"))).isTrue();
    }
}
