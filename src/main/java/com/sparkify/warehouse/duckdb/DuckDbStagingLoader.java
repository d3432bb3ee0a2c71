package com.sparkify.warehouse.duckdb;

import com.sparkify.ingest.FileCounts;
import com.sparkify.ingest.RecordCounter;
import com.sparkify.ingest.RecordReaders;
import com.sparkify.ingest.RejectSink;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.StagingLoader;
import com.sparkify.warehouse.WarehouseErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages files on DuckDB. Local event logs go through DuckDB's own {@code read_json}, which stages the rows
 * the Java parser would stage; a file that read_json cannot read, or that loses a row to validation (its
 * record count, taken by a plain line count, does not match), is staged again by the Java parser, which
 * keeps every bad record with its line. Song files and remote files always take the Java parser.
 */
final class DuckDbStagingLoader implements StagingLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbStagingLoader.class);
    private static final int BATCH_FILES = 4000;

    private final DuckDBConnection connection;
    /** JSON read per statement: {@link DuckDbMemory#readBatchBytes()}. */
    private final long batchBytes;

    private final SqlScripts scripts = new SqlScripts("duckdb");
    /** The Java parser, made when a file needs it: its setup costs a run that loads nothing ~0.1 s. */
    private RecordReaders readers;

    private final Set<String> stagedByPrefetch = new HashSet<>();
    /** read_json statements that ran out of memory: their files were read again in halves, or by Java. */
    private int outOfMemory;

    DuckDbStagingLoader(DuckDBConnection connection, long batchBytes) {
        this.connection = connection;
        this.batchBytes = batchBytes;
    }

    @Override
    public void prefetch(List<SourceFile> files, FileSource source, long loadId, Listener listener) {
        List<SourceFile> local = files.stream()
                .filter(file ->
                        file.kind() == DataKind.EVENTS && file.localPath().isPresent())
                .toList();
        if (local.isEmpty()) {
            return;
        }
        try {
            long started = System.nanoTime();
            Map<String, Long> records = new HashMap<>();
            try (InsertionOrder ordered = InsertionOrder.preserved(connection)) {
                for (List<SourceFile> batch : batches(local)) {
                    CompletableFuture<Map<String, Long>> counting =
                            CompletableFuture.supplyAsync(() -> count(batch, source));
                    long batchStarted = System.nanoTime();
                    readBatch(batch, loadId);
                    execute("events_fast_number", loadId);
                    records.putAll(counting.join());
                    LOG.debug(
                            "read_json of a batch of {} files took {} ms",
                            batch.size(),
                            (System.nanoTime() - batchStarted) / 1_000_000);
                }
            }
            LOG.debug("read_json of {} files took {} ms", local.size(), (System.nanoTime() - started) / 1_000_000);
            if (outOfMemory > 0) {
                LOG.warn(
                        "DuckDB ran out of memory in {} statements reading JSON, whose files were read again in parts"
                                + " or by the Java parser, which is slower; give it more with SPARKIFY_DUCKDB_MEMORY_LIMIT",
                        outOfMemory);
            }
            keepWholeFiles(local, records, loadId, listener);
            LOG.debug("fast path done after {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot stage event files in DuckDB", e);
        }
    }

    private List<List<SourceFile>> batches(List<SourceFile> files) {
        List<List<SourceFile>> batches = new ArrayList<>();
        List<SourceFile> current = new ArrayList<>();
        long bytes = 0;
        for (SourceFile file : files) {
            if (!current.isEmpty() && (bytes + file.size() > batchBytes || current.size() >= BATCH_FILES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(file);
            bytes += file.size();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private static Map<String, Long> count(List<SourceFile> batch, FileSource source) {
        Map<String, Long> records = new HashMap<>();
        for (SourceFile file : batch) {
            try (InputStream in = source.open(file)) {
                records.put(path(file), RecordCounter.countRecords(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return records;
    }

    /** Stages a batch; when read_json fails, halves it until the failing files are alone, then leaves them. */
    private void readBatch(List<SourceFile> batch, long loadId) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(scripts.text("events_fast_read"))) {
            read.setObject(
                    1,
                    connection.createArrayOf(
                            "VARCHAR",
                            batch.stream().map(DuckDbStagingLoader::path).toArray()));
            read.setLong(2, loadId);
            read.execute();
        } catch (SQLException e) {
            if (DuckDbMemory.outOfMemory(e)) {
                outOfMemory++;
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
            readBatch(batch.subList(0, half), loadId);
            readBatch(batch.subList(half, batch.size()), loadId);
        }
    }

    private void keepWholeFiles(List<SourceFile> files, Map<String, Long> records, long loadId, Listener listener)
            throws SQLException {
        Map<String, Long> staged = new HashMap<>();
        try (PreparedStatement counts = connection.prepareStatement(scripts.text("events_fast_counts"))) {
            counts.setLong(1, loadId);
            try (ResultSet rows = counts.executeQuery()) {
                while (rows.next()) {
                    staged.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        List<String> partial = new ArrayList<>();
        for (SourceFile file : files) {
            long expected = records.get(path(file));
            long actual = staged.getOrDefault(path(file), 0L);
            if (actual == expected) {
                stagedByPrefetch.add(file.uri());
                listener.staged(file, new FileCounts(actual, actual, 0));
            } else if (actual > 0) {
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

    @Override
    public void stage(List<SourceFile> files, FileSource source, long loadId, RejectSink rejects, Listener listener) {
        List<SourceFile> remaining = files.stream()
                .filter(file -> !stagedByPrefetch.contains(file.uri()))
                .toList();
        if (remaining.isEmpty()) {
            return;
        }
        String table = remaining.get(0).kind() == DataKind.EVENTS ? "staging_events" : "staging_songs";
        try {
            // Committed as the appender flushes, like the fast path's rows: rows an open transaction holds
            // stay in memory until it ends (1M events staged here used to exhaust the 384MB limit). The
            // pipeline stages before the run's transaction starts, and keeps this load's rows out of it
            // until the run commits its ledger (discard_unpublished_staging.sql).
            connection.setAutoCommit(true);
            try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
                AppenderRowWriter writer = new AppenderRowWriter(appender, loadId);
                if (readers == null) {
                    readers = new RecordReaders();
                }
                for (SourceFile file : remaining) {
                    writer.startFile(file.uri());
                    listener.staged(file, readers.read(source, file, writer, rejects));
                }
            } finally {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot stage into DuckDB", e);
        }
    }

    private void execute(String script, long loadId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(scripts.text(script))) {
            statement.setLong(1, loadId);
            statement.execute();
        }
    }

    private static String path(SourceFile file) {
        return file.localPath().orElseThrow().toString();
    }

    /**
     * Keeps DuckDB's insertion order while the fast path reads: it numbers records by row position. The
     * warehouse otherwise runs without it (see {@link DuckDbSettings}), which bounds the memory of large
     * inserts.
     */
    private static final class InsertionOrder implements AutoCloseable {
        private final DuckDBConnection connection;

        private InsertionOrder(DuckDBConnection connection) {
            this.connection = connection;
        }

        static InsertionOrder preserved(DuckDBConnection connection) throws SQLException {
            set(connection, true);
            return new InsertionOrder(connection);
        }

        private static void set(DuckDBConnection connection, boolean preserve) throws SQLException {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SET preserve_insertion_order = " + preserve);
            }
        }

        @Override
        public void close() throws SQLException {
            set(connection, false);
        }
    }
}
