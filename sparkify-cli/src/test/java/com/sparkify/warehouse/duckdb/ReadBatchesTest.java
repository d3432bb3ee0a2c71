package com.sparkify.warehouse.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.source.DataKind;
import com.sparkify.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReadBatchesTest {
    private static final long MIB = 1L << 20;

    @Test
    void everyFileOnceInOrderInAsManyBatchesAsTheReadersShareEvenly() {
        // 458 MiB of 1 MiB files in 96 MiB batches: five would leave one reader alone with the last
        List<SourceFile> files = files(458, MIB);

        List<List<SourceFile>> batches = ReadBatches.plan(files, 96 * MIB, 2);

        assertThat(flatten(batches)).containsExactlyElementsOf(files);
        assertThat(batches).hasSize(6);
        assertThat(batches).allSatisfy(batch -> assertThat(bytes(batch)).isLessThanOrEqualTo(96 * MIB));
    }

    @Test
    void oneSmallFileIsOneBatch() {
        List<SourceFile> files = files(1, 1_200_000);

        assertThat(ReadBatches.plan(files, 96 * MIB, 2)).containsExactly(files);
    }

    @Test
    void aBatchHoldsAtMostMaxFilesHoweverSmallThey() {
        List<SourceFile> files = files(ReadBatches.MAX_FILES * 2 + 1, 10);

        List<List<SourceFile>> batches = ReadBatches.plan(files, 96 * MIB, 2);

        assertThat(flatten(batches)).containsExactlyElementsOf(files);
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(ReadBatches.MAX_FILES));
    }

    private static List<SourceFile> files(int count, long size) {
        return IntStream.range(0, count)
                .mapToObj(i -> {
                    Path path = Path.of("/logs/" + i + "-events.json");
                    return new SourceFile(path.toString(), DataKind.EVENTS, size, "m", Optional.of(path));
                })
                .toList();
    }

    private static List<SourceFile> flatten(Collection<List<SourceFile>> batches) {
        List<SourceFile> all = new ArrayList<>();
        batches.forEach(all::addAll);
        return all;
    }

    private static long bytes(List<SourceFile> batch) {
        return batch.stream().mapToLong(SourceFile::size).sum();
    }
}
