package com.sparkify.warehouse.duckdb;

import com.sparkify.ingest.FileCounts;
import com.sparkify.ingest.FileRead;
import com.sparkify.ingest.RecordCounter;
import com.sparkify.ingest.RecordLayout;
import com.sparkify.ingest.RecordReaders;
import com.sparkify.ingest.RejectSink;
import com.sparkify.ingest.UnknownKeyScan;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.StagingLoader;
import com.sparkify.warehouse.WarehouseErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages files on DuckDB. Local event logs go through DuckDB's own {@code read_json}, which stages the rows
 * the Java parser would stage, numbered as it would number them; a file that read_json cannot read, or that
 * loses a row to validation (its record count, taken ahead by a plain line count, does not match, or its
 * records are not numbered 1 to that count), is staged again by the Java parser, which keeps every bad
 * record with its line. Song files and remote files always take the Java parser.
 */
final class DuckDbStagingLoader implements StagingLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbStagingLoader.class);
    private static final int BATCH_FILES = 4000;
    /**
     * Connections reading batches at the same time, each statement on one thread. One statement on two
     * threads that keeps insertion order took 4.8 s for 1M events where two single-threaded ones took 3.5 s
     * (BENCHMARKS.md): DuckDB's ordered parallel insert pays for putting the threads' rows back in order.
     */
    private static final int READERS = 2;

    private static final ExecutorService pool = Executors.newCachedThreadPool(DuckDbStagingLoader::daemon);

    private final DuckDBConnection connection;
    /** DuckDB's memory: the JSON read per statement, and the limit while several readers read. */
    private final DuckDbMemory memory;
    /** The readers' open connections, which an interrupted run closes (DuckDbWarehouse#interrupt). */
    private final Set<Connection> readerConnections;

    private final SqlScripts scripts = new SqlScripts("duckdb");
    /** The Java parser, made when a file needs it: its setup costs a run that loads nothing ~0.1 s. */
    private RecordReaders readers;

    private final Set<String> stagedByPrefetch = new HashSet<>();
    /** Unknown keys of the files the fast path reads, by path; they count for the files it keeps. */
    private final Map<String, Map<String, Long>> unknownKeys = new ConcurrentHashMap<>();
    /** read_json statements that ran out of memory: their files were read again in halves, or by Java. */
    private final AtomicInteger outOfMemory = new AtomicInteger();

    DuckDbStagingLoader(DuckDBConnection connection, DuckDbMemory memory, Set<Connection> readerConnections) {
        this.connection = connection;
        this.memory = memory;
        this.readerConnections = readerConnections;
    }

    /** Stages local event files through read_json, in transactions of its own; the others are left to Java. */
    private void readJson(List<SourceFile> files, FileSource source, long loadId, Listener listener) {
        List<SourceFile> local = files.stream()
                .filter(file ->
                        file.kind() == DataKind.EVENTS && file.localPath().isPresent())
                .toList();
        if (local.isEmpty()) {
            return;
        }
        try {
            long started = System.nanoTime();
            Map<String, Long> records = new ConcurrentHashMap<>();
            Queue<Batch> queue = new ConcurrentLinkedQueue<>();
            ExecutorService counter = Executors.newSingleThreadExecutor(DuckDbStagingLoader::daemon);
            try {
                for (List<SourceFile> batch : batches(local)) {
                    queue.add(new Batch(batch, CompletableFuture.supplyAsync(() -> count(batch, source), counter)));
                }
                readAll(queue, source, loadId, records);
            } finally {
                counter.shutdownNow();
            }
            LOG.debug("read_json of {} files took {} ms", local.size(), (System.nanoTime() - started) / 1_000_000);
            if (outOfMemory.get() > 0) {
                LOG.warn(
                        "DuckDB ran out of memory in {} statements reading JSON, whose files were read again in parts"
                                + " or by the Java parser, which is slower; give it more with SPARKIFY_DUCKDB_MEMORY_LIMIT",
                        outOfMemory.get());
            }
            keepWholeFiles(local, records, loadId, listener);
            LOG.debug("fast path done after {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot stage event files in DuckDB", e);
        }
    }

    /** Reads the queued batches: one on this connection, more on {@link #READERS} connections of their own. */
    private void readAll(Queue<Batch> queue, FileSource source, long loadId, Map<String, Long> records)
            throws SQLException {
        if (queue.size() == 1) {
            // One batch, e.g. a daily run's file: read on this connection, without the readers' setup.
            try (StagingSettings settings = StagingSettings.apply(connection, null)) {
                read(connection, queue, loadId, records);
            } catch (StagingFailure e) {
                throw e.getCause();
            }
            return;
        }
        try (StagingSettings settings = StagingSettings.apply(connection, memory)) {
            List<CompletableFuture<Void>> readers = new ArrayList<>();
            for (int i = 0; i < Math.min(READERS, queue.size()); i++) {
                DuckDBConnection reader = (DuckDBConnection) connection.duplicate();
                readerConnections.add(reader);
                readers.add(CompletableFuture.runAsync(
                        () -> {
                            try (reader) {
                                read(reader, queue, loadId, records);
                            } catch (SQLException e) {
                                throw new StagingFailure(e);
                            } finally {
                                readerConnections.remove(reader);
                            }
                        },
                        pool));
            }
            join(readers);
        }
    }

    /** One reader: takes batches off the queue until it is empty. */
    private void read(DuckDBConnection reader, Queue<Batch> queue, long loadId, Map<String, Long> records) {
        try {
            // A reader closed by an interrupted run (DuckDbWarehouse#interrupt) takes no more batches.
            for (Batch batch = queue.poll(); batch != null && !reader.isClosed(); batch = queue.poll()) {
                long batchStarted = System.nanoTime();
                Map<String, Long> counted = batch.records().join();
                records.putAll(counted);
                List<SourceFile> countable = batch.files().stream()
                        .filter(file -> counted.containsKey(path(file)))
                        .toList();
                if (!countable.isEmpty()) {
                    readBatch(reader, countable, counted, loadId);
                }
                LOG.debug(
                        "read_json of a batch of {} files took {} ms",
                        batch.files().size(),
                        (System.nanoTime() - batchStarted) / 1_000_000);
            }
        } catch (SQLException e) {
            throw new StagingFailure(e);
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

    /**
     * Batches of at most {@link DuckDbMemory#readBatchBytes()} each, as many as the readers can share evenly: 458 MB in five
     * 96 MiB batches left one reader alone with the last; six of 76 MB keep both busy to the end.
     */
    private List<List<SourceFile>> batches(List<SourceFile> files) {
        long total = Math.max(1, files.stream().mapToLong(SourceFile::size).sum());
        long batchBytes = memory.readBatchBytes();
        long count = (total + batchBytes - 1) / batchBytes;
        count = (count + READERS - 1) / READERS * READERS;
        List<List<SourceFile>> batches = new ArrayList<>();
        List<SourceFile> current = new ArrayList<>();
        long before = 0;
        long index = 0;
        for (SourceFile file : files) {
            long fileIndex = Math.min(count - 1, before * count / total);
            if (!current.isEmpty() && (fileIndex != index || current.size() >= BATCH_FILES)) {
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

    /**
     * The record count of each file that can be read whole, and the keys read_json will not read: the counter
     * reads every byte anyway, and the scan of its lines costs little more. A file whose stream fails (damaged
     * gzip, an I/O error, gone) is left out, and so out of read_json, which may stage part of it without a
     * word: the Java parser then stages what it can, rejects the damage and counts its unknown keys.
     */
    private Map<String, Long> count(List<SourceFile> batch, FileSource source) {
        Map<String, Long> records = new HashMap<>();
        UnknownKeyScan keys = new UnknownKeyScan(RecordLayout.EVENTS);
        for (SourceFile file : batch) {
            try (InputStream in = source.open(file)) {
                records.put(path(file), RecordCounter.countRecords(in, keys));
            } catch (InterruptedIOException | ClosedByInterruptException e) {
                throw new UncheckedIOException(e);
            } catch (IOException e) {
                LOG.debug("cannot count the records of {}; the Java parser will read it: {}", file.uri(), e.toString());
            }
            Map<String, Long> found = keys.recordsByKey();
            if (!found.isEmpty()) {
                unknownKeys.put(path(file), found);
                keys.clear();
            }
        }
        return records;
    }

    /** Stages a batch; when read_json fails, halves it until the failing files are alone, then leaves them. */
    private void readBatch(DuckDBConnection reader, List<SourceFile> batch, Map<String, Long> records, long loadId)
            throws SQLException {
        try (PreparedStatement read = reader.prepareStatement(scripts.text("events_fast_read"))) {
            Object[] paths = new Object[batch.size()];
            Object[] recordsBefore = new Object[batch.size()];
            long before = 0;
            for (int i = 0; i < batch.size(); i++) {
                paths[i] = path(batch.get(i));
                recordsBefore[i] = before;
                before += records.get(path(batch.get(i)));
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

    private void keepWholeFiles(List<SourceFile> files, Map<String, Long> records, long loadId, Listener listener)
            throws SQLException {
        Map<String, long[]> staged = new HashMap<>();
        try (PreparedStatement counts = connection.prepareStatement(scripts.text("events_fast_counts"))) {
            counts.setLong(1, loadId);
            try (ResultSet rows = counts.executeQuery()) {
                while (rows.next()) {
                    staged.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4)});
                }
            }
        }
        List<String> partial = new ArrayList<>();
        for (SourceFile file : files) {
            Long expected = records.get(path(file));
            long[] rows = staged.get(path(file));
            if (rows == null || expected == null) {
                continue;
            }
            // count, lowest and highest record number: whole, and numbered 1 to count like the Java parser
            if (rows[0] == expected && rows[1] == 1 && rows[2] == expected) {
                stagedByPrefetch.add(file.uri());
                listener.unknownKeys(file, unknownKeys.getOrDefault(path(file), Map.of()));
                listener.staged(file, new FileCounts(expected, expected, 0));
            } else {
                partial.add(path(file));
            }
        }
        if (!partial.isEmpty()) {
            try (PreparedStatement discard = connection.prepareStatement(scripts.text("events_fast_discard"))) {
                discard.setLong(1, loadId);
                discard.setObject(2, connection.createArrayOf("VARCHAR", partial.toArray()));
                discard.execute();
            }
        }
    }

    /**
     * Stages in transactions of its own, committed as the appender flushes, like the fast path's rows: rows
     * an open transaction holds stay in memory until it ends. The run stages before its transaction starts,
     * and its rows count only once it commits its ledger (discard_unpublished_staging.sql).
     */
    @Override
    public void stage(List<SourceFile> files, FileSource source, long loadId, RejectSink rejects, Listener listener) {
        try {
            connection.setAutoCommit(true);
            try {
                readJson(files, source, loadId, listener);
                stageWithJava(files, source, loadId, rejects, listener);
            } finally {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot stage into DuckDB", e);
        }
    }

    private void stageWithJava(
            List<SourceFile> files, FileSource source, long loadId, RejectSink rejects, Listener listener)
            throws SQLException {
        List<SourceFile> remaining = files.stream()
                .filter(file -> !stagedByPrefetch.contains(file.uri()))
                .toList();
        if (remaining.isEmpty()) {
            return;
        }
        String table = remaining.get(0).kind() == DataKind.EVENTS ? "staging_events" : "staging_songs";
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            AppenderRowWriter writer = new AppenderRowWriter(appender, loadId);
            if (readers == null) {
                readers = new RecordReaders();
            }
            for (SourceFile file : remaining) {
                writer.startFile(file.uri());
                Map<String, Long> unknownKeys = new HashMap<>();
                FileRead read = readers.read(source, file, writer, rejects, unknownKeys);
                listener.unknownKeys(read.file(), unknownKeys);
                listener.staged(read.file(), read.counts());
            }
        }
    }

    private static String path(SourceFile file) {
        return file.localPath().orElseThrow().toString();
    }

    /** Files read by one statement, and their record counts, which the Java counter takes ahead. */
    private record Batch(List<SourceFile> files, CompletableFuture<Map<String, Long>> records) {}

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "sparkify-read-json");
        thread.setDaemon(true);
        return thread;
    }

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

    /**
     * Keeps DuckDB's insertion order while the fast path reads, and with several readers one thread a
     * statement and {@link DuckDbMemory#startReading() the readers' memory limit}: a statement numbers records
     * by their position in its input, and a single thread reads in order without the ordered parallel
     * insert's cost. The warehouse otherwise runs without insertion order (see {@link DuckDbSettings}), which
     * bounds the memory of large inserts, and with all of DuckDB's threads and its whole limit, which are set
     * back afterwards.
     */
    private static final class StagingSettings implements AutoCloseable {
        private final DuckDBConnection connection;
        /** DuckDB's threads before, when the readers run on one thread each; 0 when left alone. */
        private final long threads;
        /** The memory whose limit the readers lowered; null with one reader. */
        private final DuckDbMemory memory;

        private StagingSettings(DuckDBConnection connection, long threads, DuckDbMemory memory) {
            this.connection = connection;
            this.threads = threads;
            this.memory = memory;
        }

        /** Settings for one reader on {@code connection}, or for several when given their {@code memory}. */
        static StagingSettings apply(DuckDBConnection connection, DuckDbMemory readers) throws SQLException {
            long threads = 0;
            try (Statement statement = connection.createStatement()) {
                if (readers != null) {
                    try (ResultSet row = statement.executeQuery("SELECT current_setting('threads')")) {
                        row.next();
                        threads = row.getLong(1);
                    }
                    statement.execute("SET threads = 1");
                }
                statement.execute("SET preserve_insertion_order = true");
            }
            if (readers != null) {
                readers.startReading();
            }
            return new StagingSettings(connection, threads, readers);
        }

        @Override
        public void close() throws SQLException {
            if (memory != null) {
                memory.endReading();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET preserve_insertion_order = false");
                if (threads > 0) {
                    statement.execute("SET threads = " + threads);
                }
            }
        }
    }
}
