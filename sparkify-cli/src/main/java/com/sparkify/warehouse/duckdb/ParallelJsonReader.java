package com.sparkify.warehouse.duckdb;

import com.sparkify.source.SourceFile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages batches of event files with {@code read_json} ({@code events_fast_read.sql}) on {@link #READERS}
 * connections of their own, each statement on one thread, while one thread counts the next batches' records.
 * A batch that read_json cannot read is read again in halves, until the failing files are alone; those are
 * left to the Java parser.
 */
final class ParallelJsonReader {
    private static final Logger LOG = LoggerFactory.getLogger(ParallelJsonReader.class);
    /**
     * Statements reading at the same time. Two single-threaded statements beat one on two threads: DuckDB's
     * ordered parallel insert pays for putting the threads' rows back in order.
     */
    static final int READERS = 2;

    private static final ExecutorService pool = Executors.newCachedThreadPool(ParallelJsonReader::daemon);

    private final DuckDBConnection connection;
    private final Connections connections;
    /** The readers' open connections, which an interrupted run closes (DuckDbWarehouse#interrupt). */
    private final Set<Connection> readerConnections;

    private final String readSql;
    /** read_json statements that ran out of memory: their files were read again in halves, or by Java. */
    private final AtomicInteger outOfMemory = new AtomicInteger();

    /** Opens a reader's connection, on the database the run writes. */
    interface Connections {
        DuckDBConnection open() throws SQLException;
    }

    ParallelJsonReader(
            DuckDBConnection connection, Connections connections, Set<Connection> readerConnections, String readSql) {
        this.connection = connection;
        this.connections = connections;
        this.readerConnections = readerConnections;
        this.readSql = readSql;
    }

    /**
     * Stages the batches under {@code loadId}; returns the record count of every file that could be counted,
     * by path, which the whole-file check compares with the rows staged.
     */
    Map<String, Long> read(List<List<SourceFile>> batches, RecordCountsAhead counter, long loadId) throws SQLException {
        Map<String, Long> records = new ConcurrentHashMap<>();
        Queue<Batch> queue = new ConcurrentLinkedQueue<>();
        ExecutorService counting = Executors.newSingleThreadExecutor(ParallelJsonReader::daemon);
        try {
            for (List<SourceFile> files : batches) {
                queue.add(new Batch(files, CompletableFuture.supplyAsync(() -> counter.count(files), counting)));
            }
            try (StagingSettings settings = StagingSettings.apply(connection)) {
                List<CompletableFuture<Void>> readers = new ArrayList<>();
                for (int i = 0; i < Math.min(READERS, queue.size()); i++) {
                    readers.add(startReader(queue, loadId, records));
                }
                join(readers);
            }
        } finally {
            counting.shutdownNow();
        }
        return records;
    }

    /** How many read_json statements ran out of memory, their files read again in halves or by Java. */
    int outOfMemory() {
        return outOfMemory.get();
    }

    private CompletableFuture<Void> startReader(Queue<Batch> queue, long loadId, Map<String, Long> records)
            throws SQLException {
        DuckDBConnection reader = connections.open();
        readerConnections.add(reader);
        return CompletableFuture.runAsync(
                () -> {
                    try (reader) {
                        readQueue(reader, queue, loadId, records);
                    } catch (SQLException e) {
                        throw new StagingFailure(e);
                    } finally {
                        readerConnections.remove(reader);
                    }
                },
                pool);
    }

    /** One reader: takes batches off the queue until it is empty. */
    private void readQueue(DuckDBConnection reader, Queue<Batch> queue, long loadId, Map<String, Long> records)
            throws SQLException {
        // A reader closed by an interrupted run (DuckDbWarehouse#interrupt) takes no more batches.
        for (Batch batch = queue.poll(); batch != null && !reader.isClosed(); batch = queue.poll()) {
            long started = System.nanoTime();
            Map<String, Long> counted = batch.records().join();
            records.putAll(counted);
            List<SourceFile> countable = batch.files().stream()
                    .filter(file -> counted.containsKey(DuckDbStagingLoader.path(file)))
                    .toList();
            if (!countable.isEmpty()) {
                readBatch(reader, countable, counted, loadId);
            }
            LOG.debug(
                    "read_json of a batch of {} files took {} ms",
                    batch.files().size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Stages a batch; when read_json fails, halves it until the failing files are alone, then leaves them. */
    private void readBatch(DuckDBConnection reader, List<SourceFile> batch, Map<String, Long> records, long loadId)
            throws SQLException {
        try (PreparedStatement read = reader.prepareStatement(readSql)) {
            Object[] paths = new Object[batch.size()];
            Object[] recordsBefore = new Object[batch.size()];
            long before = 0;
            for (int i = 0; i < batch.size(); i++) {
                paths[i] = DuckDbStagingLoader.path(batch.get(i));
                recordsBefore[i] = before;
                before += records.get(DuckDbStagingLoader.path(batch.get(i)));
            }
            read.setObject(1, reader.createArrayOf("VARCHAR", paths));
            read.setLong(2, loadId);
            read.setObject(3, reader.createArrayOf("BIGINT", recordsBefore));
            read.execute();
        } catch (SQLException e) {
            if (DuckDbMemory.outOfMemory(e)) {
                outOfMemory.incrementAndGet();
            }
            if (batch.size() == 1) {
                LOG.debug(
                        "read_json cannot read {}; the Java parser will: {}",
                        batch.get(0).uri(),
                        e.getMessage());
                return;
            }
            LOG.debug("read_json of {} files failed, reading them in halves: {}", batch.size(), e.getMessage());
            int half = batch.size() / 2;
            readBatch(reader, batch.subList(0, half), records, loadId);
            readBatch(reader, batch.subList(half, batch.size()), records, loadId);
        }
    }

    /** Waits for every reader; the first failure is thrown once all have stopped. */
    private static void join(List<CompletableFuture<Void>> readers) throws SQLException {
        try {
            CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StagingFailure failure) {
                throw failure.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "sparkify-read-json");
        thread.setDaemon(true);
        return thread;
    }

    /** Files read by one statement, and their record counts, which the counter takes ahead. */
    private record Batch(List<SourceFile> files, CompletableFuture<Map<String, Long>> records) {}

    /** A reader's SQL failure, carried out of its thread. */
    private static final class StagingFailure extends RuntimeException {
        StagingFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
