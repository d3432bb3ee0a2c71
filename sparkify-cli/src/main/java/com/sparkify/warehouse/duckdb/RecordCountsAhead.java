package com.sparkify.warehouse.duckdb;

import com.sparkify.ingest.RecordCounter;
import com.sparkify.ingest.RecordLayout;
import com.sparkify.ingest.UnknownKeyScan;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the records of event files ahead of {@code read_json}, which numbers them by these counts, and
 * scans the keys it will not read: the counter reads every byte anyway, and the scan of its lines costs
 * little more.
 */
final class RecordCountsAhead {
    private static final Logger LOG = LoggerFactory.getLogger(RecordCountsAhead.class);

    private final FileSource source;
    /** Unknown keys by path; they count for the files staged whole. */
    private final Map<String, Map<String, Long>> unknownKeys = new ConcurrentHashMap<>();

    RecordCountsAhead(FileSource source) {
        this.source = source;
    }

    /**
     * The record count of each file of {@code batch} that can be read whole, by path. A file whose stream
     * fails (damaged gzip, an I/O error, gone) is left out, and so out of read_json, which may stage part of
     * it without a word: the Java parser then stages what it can, rejects the damage and counts its keys.
     */
    Map<String, Long> count(List<SourceFile> batch) {
        Map<String, Long> records = new HashMap<>();
        UnknownKeyScan keys = new UnknownKeyScan(RecordLayout.EVENTS);
        for (SourceFile file : batch) {
            try (InputStream in = source.open(file)) {
                records.put(DuckDbStagingLoader.path(file), RecordCounter.countRecords(in, keys));
            } catch (InterruptedIOException | ClosedByInterruptException e) {
                throw new UncheckedIOException(e);
            } catch (IOException e) {
                LOG.debug("cannot count the records of {}; the Java parser will read it: {}", file.uri(), e.toString());
            }
            Map<String, Long> found = keys.recordsByKey();
            if (!found.isEmpty()) {
                unknownKeys.put(DuckDbStagingLoader.path(file), found);
                keys.clear();
            }
        }
        return records;
    }

    /** The records of {@code file} that held each key the layout does not know. */
    Map<String, Long> unknownKeys(SourceFile file) {
        return unknownKeys.getOrDefault(DuckDbStagingLoader.path(file), Map.of());
    }
}
