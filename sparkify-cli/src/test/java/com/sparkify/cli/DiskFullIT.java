package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.generate.DatasetGenerator;
import com.sparkify.generate.GeneratedDataset;
import com.sparkify.generate.GeneratorSpec;
import com.sparkify.testing.SampleData;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse folder runs out of space mid-run: one clear line, exit 9, the star schema and the ledger as
 * they were, and the warehouse usable again once there is space. Needs a small tmpfs, so root (as on CI);
 * skipped with a message where mounting is not allowed.
 */
class DiskFullIT {
    private static final String TABLES = "SELECT (SELECT COUNT(*) FROM songplays) AS songplays,"
            + " (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM songs) AS songs,"
            + " (SELECT COUNT(*) FROM artists) AS artists, (SELECT COUNT(*) FROM \"time\") AS t,"
            + " (SELECT COUNT(*) FROM etl_files) AS files,"
            + " (SELECT COUNT(DISTINCT songplay_id || user_id || level) FROM songplays) AS plays";

    @TempDir
    Path dir;

    private Path disk;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = Files.createDirectories(dir.resolve("small-disk"));
        int code = run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", disk.toString());
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
        String before = tables(warehouse);
        // Room for 2 MiB more than the sample's warehouse: the generated logs (55 MB) cannot fit.
        FileStore store = Files.getFileStore(disk);
        long used = store.getTotalSpace() - store.getUsableSpace();
        long kib = (used + 2 * 1024 * 1024) / 1024;
        assertThat(run("mount", "-o", "remount,size=" + kib + "k", disk.toString()))
                .isZero();

        CommandRun full = CommandRun.of("etl", warehouse, "--songs=" + big.songData(), "--logs=" + big.logData());

        assertThat(full.exitCode()).as(full.err()).isEqualTo(9);
        assertThat(full.err()).startsWith("error: ").contains("disk is full").hasLineCount(1);
        // While the disk is still full, DuckDB may need room to open a file whose log ends in a torn write:
        // then the check says so in one line; either way nothing is half-published.
        CommandRun whileFull = CommandRun.of("check", warehouse);
        if (whileFull.exitCode() == 0) {
            assertThat(whileFull.out()).contains("13 of 13 checks passed");
        } else {
            assertThat(whileFull.exitCode()).as(whileFull.err()).isEqualTo(9);
            assertThat(whileFull.err())
                    .startsWith("error: ")
                    .contains("disk is full")
                    .hasLineCount(1);
        }

        assertThat(run("mount", "-o", "remount,size=128m", disk.toString())).isZero();
        CommandRun check = CommandRun.of("check", warehouse);
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("13 of 13 checks passed");
        assertThat(tables(warehouse)).isEqualTo(before);
        CommandRun retry =
                CommandRun.of("etl", warehouse, "--songs=" + big.songData(), "--logs=" + big.logData(), "--json");
        assertThat(retry.exitCode()).as(retry.err()).isZero();
        assertThat(retry.out()).contains("\"status\":\"SUCCEEDED\"");
        CommandRun after = CommandRun.of("check", warehouse);
        assertThat(after.out()).contains("13 of 13 checks passed");
        assertThat(List.of(after.exitCode())).containsExactly(0);
        assertThat(tables(warehouse)).isNotEqualTo(before);
    }

    private static String tables(String warehouse) {
        CommandRun counts = CommandRun.of("query", warehouse, "--format=csv", "--sql=" + TABLES);
        assertThat(counts.exitCode()).as(counts.err()).isZero();
        return counts.out();
    }
}
