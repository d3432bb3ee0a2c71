package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.generate.DatasetGenerator;
import com.sparkify.generate.GeneratedDataset;
import com.sparkify.generate.GeneratorSpec;
import com.sparkify.testing.SampleData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse folder runs out of space mid-run: one clear line, exit 9, and the warehouse stays usable.
 * Needs a small tmpfs, so root (as on CI); skipped with a message where mounting is not allowed.
 */
class DiskFullIT {
    @TempDir
    Path dir;

    private Path disk;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = Files.createDirectories(dir.resolve("small-disk"));
        int code = run("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", disk.toString());
        Assumptions.assumeTrue(code == 0, "cannot mount a small tmpfs here (needs root); disk-full test skipped");
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", disk.toString());
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
    }

    @Test
    void aFullDiskGivesOneLineAndLeavesTheWarehouseUsable() throws Exception {
        String warehouse = "--warehouse=jdbc:duckdb:" + disk.resolve("w.duckdb");
        GeneratedDataset big = new DatasetGenerator()
                .generate(new GeneratorSpec(dir.resolve("big"), 200, 30, 7, GeneratorSpec.DEFAULT_FIRST_DAY));
        CommandRun sample =
                CommandRun.of("etl", warehouse, "--songs=" + SampleData.songs(), "--logs=" + SampleData.logs());
        assertThat(sample.exitCode()).as(sample.err()).isZero();

        CommandRun full = CommandRun.of("etl", warehouse, "--songs=" + big.songData(), "--logs=" + big.logData());

        assertThat(full.exitCode()).isEqualTo(9);
        assertThat(full.err()).startsWith("error: ").contains("disk is full").hasLineCount(1);
        CommandRun check = CommandRun.of("check", warehouse, "--json");
        assertThat(check.exitCode()).as(check.err()).isZero();

        assertThat(run("mount", "-o", "remount,size=96m", disk.toString())).isZero();
        CommandRun retry =
                CommandRun.of("etl", warehouse, "--songs=" + big.songData(), "--logs=" + big.logData(), "--json");
        assertThat(retry.exitCode()).as(retry.err()).isZero();
        assertThat(retry.out()).contains("\"status\" : \"SUCCEEDED\"");
        CommandRun after = CommandRun.of("check", warehouse);
        assertThat(after.out()).contains("13 of 13 checks passed");
        assertThat(List.of(after.exitCode())).containsExactly(0);
    }
}
