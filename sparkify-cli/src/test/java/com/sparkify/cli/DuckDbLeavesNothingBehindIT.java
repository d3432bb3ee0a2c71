package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.testing.SampleData;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A DuckDB warehouse is its file and the snapshot readers open ({@code .snapshot}); its log ({@code .wal}),
 * spill folder ({@code .tmp}), publish marker and half-written copies must not outlive a run.
 */
class DuckDbLeavesNothingBehindIT extends LeavesNothingBehindContract {
    @Override
    protected List<String> warehouseFlags(Path folder, String name) {
        return List.of("--warehouse=jdbc:duckdb:" + folder.resolve(name + ".duckdb"));
    }

    @Override
    protected Set<String> trace(Path folder, String name) throws Exception {
        return files(folder);
    }

    @Override
    protected Set<String> traceOfAWarehouse(String name) {
        return Set.of(name + ".duckdb", name + ".duckdb.snapshot");
    }

    @Override
    protected Warehouse open(Path folder, String name) {
        return TestWarehouses.open("jdbc:duckdb:" + folder.resolve(name + ".duckdb"));
    }

    /** DuckDB never removes a spill folder it did not create; the run holding the file's lock knows it is stale. */
    @Test
    void aRunRemovesTheSpillFolderThatAKilledRunLeft() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("warehouse"));
        Path spill = Files.createDirectories(folder.resolve("killed.duckdb.tmp"));
        Files.write(spill.resolve("duckdb_temp_storage_S32K-0.tmp"), new byte[4096]);

        Run etl = run(folder, "killed", "etl", "--songs=" + SampleData.songs(), "--logs=" + SampleData.logs());

        assertThat(etl.exitCode()).as(etl.output()).isZero();
        assertThat(files(folder)).isEqualTo(traceOfAWarehouse("killed"));
    }
}
