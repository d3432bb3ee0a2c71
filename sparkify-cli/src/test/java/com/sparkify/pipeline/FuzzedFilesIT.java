package com.sparkify.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.ingest.FileCounts;
import com.sparkify.quality.CheckResult;
import com.sparkify.source.SourceFile;
import com.sparkify.testing.LineRecords;
import com.sparkify.testing.RecordMutator;
import com.sparkify.testing.SampleData;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated event logs through the whole etl on DuckDB, where clean files take DuckDB's reader and the
 * others the Java parser: the run completes, and every file reconciles: read = staged + rejected, read
 * equals its non-blank lines, and load_errors holds each reject.
 */
class FuzzedFilesIT {
    private static final int FILES = 40;

    @TempDir
    Path dir;

    @Test
    void everyFuzzedFileReconciles() throws Exception {
        Path logs = writeFuzzedLogs();
        Map<String, FileCounts> perFile = new HashMap<>();
        EtlListener listener = new EtlListener() {
            @Override
            public void staged(SourceFile file, FileCounts counts) {
                perFile.put(file.uri(), counts);
            }
        };
        try (Warehouse warehouse = TestWarehouses.open("jdbc:duckdb:" + dir.resolve("w.duckdb"))) {
            EtlResult result = TestWarehouses.etl(
                    warehouse, Files.createDirectories(dir.resolve("songs")), logs, false, Long.MAX_VALUE, listener);

            // Mutated levels ("FREE", 42) are data-quality failures: the checks veto the run.
            assertThat(result.status()).isIn(RunStatus.SUCCEEDED, RunStatus.CHECKS_FAILED);
            assertThat(result.checks().failures()).extracting(CheckResult::name).isSubsetOf("level_values");
            assertThat(result.events().rejected()).isPositive();
            assertThat(perFile).hasSize(FILES);
            for (Map.Entry<String, FileCounts> entry : perFile.entrySet()) {
                String file = entry.getKey();
                FileCounts counts = entry.getValue();
                try (InputStream in = Files.newInputStream(Path.of(file))) {
                    assertThat(counts.read()).as("records of %s", file).isEqualTo(LineRecords.count(in));
                }
                assertThat(Tables.count(
                                TestWarehouses.jdbc(warehouse),
                                "SELECT COUNT(*) FROM load_errors WHERE source_file = '" + file.replace("'", "''")
                                        + "'"))
                        .as("rejects of %s", file)
                        .isEqualTo(counts.rejected());
                if (result.status() == RunStatus.SUCCEEDED) {
                    assertThat(Tables.count(
                                    TestWarehouses.jdbc(warehouse),
                                    "SELECT COUNT(*) FROM staging_events WHERE source_file = '"
                                            + file.replace("'", "''") + "'"))
                            .isEqualTo(counts.staged());
                }
            }
        }
    }

    private Path writeFuzzedLogs() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        List<String> lines = Files.readAllLines(SampleData.logs().resolve("2018/11/2018-11-15-events.json"));
        RecordMutator mutator = new RecordMutator(2018);
        for (int file = 0; file < FILES; file++) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            for (int i = 0; i < 250; i++) {
                byte[] line = lines.get((file * 250 + i) % lines.size()).getBytes(StandardCharsets.UTF_8);
                // Every fourth file stays clean, so DuckDB's own reader gets its share too.
                content.write(file % 4 == 0 || i % 2 == 0 ? line : mutator.mutate(line));
                content.write('\n');
            }
            Files.write(logs.resolve("fuzz-" + file + ".json"), content.toByteArray());
        }
        return logs;
    }
}
