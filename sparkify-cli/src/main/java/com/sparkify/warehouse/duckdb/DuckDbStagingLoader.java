package com.sparkify.warehouse.duckdb;

import com.sparkify.ingest.FileCounts;
import com.sparkify.ingest.FileRead;
import com.sparkify.ingest.RecordReaders;
import com.sparkify.ingest.RejectSink;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.StagingLoader;
import com.sparkify.warehouse.WarehouseErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages files on DuckDB, in transactions of its own: rows an open transaction holds stay in memory until
 * it ends, and a failed statement ends a DuckDB transaction, so one unreadable file would end the run. The
 * rows carry the load id and count only once the run commits its ledger ({@code
 * discard_unpublished_staging.sql} drops them otherwise).
 *
 * <p>Local event logs go through DuckDB's own {@code read_json} ({@link ParallelJsonReader}), which stages
 * the rows the Java parser would stage, numbered as it would number them; a file it cannot read, or that
 * loses a row to validation, is staged again by the Java parser ({@link WholeFileCheck}), which keeps every
 * bad record with its line. Song files and remote files always take the Java parser.
 */
final class DuckDbStagingLoader implements StagingLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbStagingLoader.class);

    private final DuckDBConnection connection;
    private final ParallelJsonReader.Connections openReader;
    private final DuckDbMemory memory;
    private final Set<Connection> readerConnections;
    private final SqlScripts scripts = new SqlScripts("duckdb");
    /** The Java parser, made when a file needs it: its setup costs a run that loads nothing. */
    private RecordReaders readers;
    /** The URIs of the files read_json staged whole, for tests that compare it with the Java parser. */
    private final Set<String> keptByReadJson = new HashSet<>();

    DuckDbStagingLoader(
            DuckDBConnection connection,
            ParallelJsonReader.Connections openReader,
            DuckDbMemory memory,
            Set<Connection> readerConnections) {
        this.connection = connection;
        this.openReader = openReader;
        this.memory = memory;
        this.readerConnections = readerConnections;
    }

    @Override
    public void stage(List<SourceFile> files, FileSource source, long loadId, RejectSink rejects, Listener listener) {
        try {
            connection.setAutoCommit(true);
            try {
                Set<String> stagedWhole = readJson(files, source, loadId, listener);
                keptByReadJson.addAll(stagedWhole);
                List<SourceFile> remaining = files.stream()
                        .filter(file -> !stagedWhole.contains(file.uri()))
                        .toList();
                if (!remaining.isEmpty()) {
                    parse(remaining, source, loadId, rejects, listener);
                }
            } finally {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot stage into DuckDB", e);
        }
    }

    /** Stages the local event files that read_json reads whole; returns their URIs. */
    private Set<String> readJson(List<SourceFile> files, FileSource source, long loadId, Listener listener)
            throws SQLException {
        List<SourceFile> local = files.stream()
                .filter(file ->
                        file.kind() == DataKind.EVENTS && file.localPath().isPresent())
                .toList();
        if (local.isEmpty()) {
            return Set.of();
        }
        long started = System.nanoTime();
        RecordCountsAhead counter = new RecordCountsAhead(source);
        ParallelJsonReader reader =
                new ParallelJsonReader(connection, openReader, readerConnections, scripts.text("events_fast_read"));
        List<List<SourceFile>> batches = ReadBatches.plan(local, memory.readBatchBytes(), ParallelJsonReader.READERS);
        Map<String, Long> records = reader.read(batches, counter, loadId);
        LOG.debug("read_json of {} files took {} ms", local.size(), (System.nanoTime() - started) / 1_000_000);
        if (reader.outOfMemory() > 0) {
            LOG.warn(
                    "DuckDB ran out of memory in {} statements reading JSON, whose files were read again in parts"
                            + " or by the Java parser, which is slower; give it more with SPARKIFY_DUCKDB_MEMORY_LIMIT",
                    reader.outOfMemory());
        }
        Set<String> whole = new HashSet<>();
        for (SourceFile file : new WholeFileCheck(connection, scripts).keepWhole(local, records, loadId)) {
            whole.add(file.uri());
            listener.unknownKeys(file, counter.unknownKeys(file));
            long count = records.get(path(file));
            listener.staged(file, new FileCounts(count, count, 0));
        }
        return whole;
    }

    /** Stages files with the Java parser through DuckDB's appender, which commits as it flushes. */
    private void parse(List<SourceFile> files, FileSource source, long loadId, RejectSink rejects, Listener listener)
            throws SQLException {
        String table = files.get(0).kind() == DataKind.EVENTS ? "staging_events" : "staging_songs";
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            AppenderRowWriter writer = new AppenderRowWriter(appender, loadId);
            if (readers == null) {
                readers = new RecordReaders();
            }
            for (SourceFile file : files) {
                writer.startFile(file.uri());
                Map<String, Long> unknownKeys = new HashMap<>();
                FileRead read = readers.read(source, file, writer, rejects, unknownKeys);
                listener.unknownKeys(read.file(), unknownKeys);
                listener.staged(read.file(), read.counts());
            }
        }
    }

    /** The files this loader staged with read_json rather than the Java parser: observation only. */
    Set<String> keptByReadJson() {
        return Set.copyOf(keptByReadJson);
    }

    /** The local path of a file, as read_json names it in {@code source_file}. */
    static String path(SourceFile file) {
        return file.localPath().orElseThrow().toString();
    }
}
