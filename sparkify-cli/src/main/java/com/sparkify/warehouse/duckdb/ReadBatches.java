package com.sparkify.warehouse.duckdb;

import com.sparkify.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** Splits the event files of a run into the batches that {@code read_json} statements read, one each. */
final class ReadBatches {
    /** Files a statement reads at most: its lists of paths and record offsets stay small to bind. */
    static final int MAX_FILES = 4000;

    private ReadBatches() {}

    /**
     * Batches of at most {@code batchBytes} each, in the files' order, and as many as a multiple of {@code
     * readers}: equal batches keep every reader busy to the end, where one more batch would leave one reader
     * alone with it.
     */
    static List<List<SourceFile>> plan(List<SourceFile> files, long batchBytes, int readers) {
        long total = Math.max(1, files.stream().mapToLong(SourceFile::size).sum());
        long count = (total + batchBytes - 1) / batchBytes;
        count = (count + readers - 1) / readers * readers;
        List<List<SourceFile>> batches = new ArrayList<>();
        List<SourceFile> current = new ArrayList<>();
        long before = 0;
        long index = 0;
        for (SourceFile file : files) {
            long fileIndex = Math.min(count - 1, before * count / total);
            if (!current.isEmpty() && (fileIndex != index || current.size() >= MAX_FILES)) {
                batches.add(current);
                current = new ArrayList<>();
            }
            index = fileIndex;
            current.add(file);
            before += file.size();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
