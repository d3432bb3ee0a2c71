package com.sparkify.warehouse.duckdb;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.ingest.FileCounts;
import com.sparkify.ingest.RecordReaders;
import com.sparkify.ingest.RejectSink;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.StagingLoader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages files on DuckDB. Local event logs are first read by DuckDB's {@code read_json} into a private
 * holding table, before the run's transaction (a failed statement ends a DuckDB transaction, and a bad
 * file must not end the run). Files that read_json cannot read, or that hold a record the Java parser would
 * reject, are read by the Java parser instead, which keeps every bad record with its line number.
 */
final class DuckDbStagingLoader implements StagingLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbStagingLoader.class);
    private static final long BATCH_BYTES = 256L << 20;
    private static final int BATCH_FILES = 4000;

    private final DuckDBConnection connection;
    private final SqlScripts scripts = new SqlScripts("duckdb");
    private final RecordReaders readers = new RecordReaders();
    private final Map<String, FileCounts> prefetched = new HashMap<>();

    DuckDbStagingLoader(DuckDBConnection connection) {
        this.connection = connection;
    }

    @Override
    public void prefetch(List<SourceFile> files, FileSource source) {
        List<SourceFile> local = files.stream()
                .filter(file ->
                        file.kind() == DataKind.EVENTS && file.localPath().isPresent())
                .toList();
        if (local.isEmpty()) {
            return;
        }
        try {
            execute(scripts.text("events_fast_pending"));
            long started = System.nanoTime();
            for (List<SourceFile> batch : batches(local)) {
                readBatch(batch);
            }
            LOG.debug("read_json of {} files took {} ms", local.size(), (System.nanoTime() - started) / 1_000_000);
            auditPending();
        } catch (SQLException e) {
            throw new SparkifyException(
                    ErrorCode.WAREHOUSE, "Cannot read event files into DuckDB: " + e.getMessage(), e);
        }
    }

    private static List<List<SourceFile>> batches(List<SourceFile> files) {
        List<List<SourceFile>> batches = new ArrayList<>();
        List<SourceFile> current = new ArrayList<>();
        long bytes = 0;
        for (SourceFile file : files) {
            if (!current.isEmpty() && (bytes + file.size() > BATCH_BYTES || current.size() >= BATCH_FILES)) {
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

    /** Reads a batch; when read_json fails, halves it until the failing files are alone, then leaves them. */
    private void readBatch(List<SourceFile> batch) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(scripts.text("events_fast_read"))) {
            Object[] paths = batch.stream()
                    .map(file -> file.localPath().orElseThrow().toString())
                    .toArray();
            read.setObject(1, connection.createArrayOf("VARCHAR", paths));
            read.execute();
        } catch (SQLException e) {
            if (batch.size() == 1) {
                LOG.debug(
                        "read_json cannot read {}; the Java parser will: {}",
                        batch.get(0).uri(),
                        e.getMessage());
                return;
            }
            int half = batch.size() / 2;
            readBatch(batch.subList(0, half));
            readBatch(batch.subList(half, batch.size()));
        }
    }

    private void auditPending() throws SQLException {
        List<String> unclean = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(scripts.text("events_fast_audit"))) {
            while (rows.next()) {
                String file = rows.getString(1);
                long records = rows.getLong(2);
                if (rows.getLong(3) > 0) {
                    unclean.add(file);
                } else {
                    prefetched.put(file, new FileCounts(records, records, 0));
                }
            }
        }
        if (!unclean.isEmpty()) {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM pending_events WHERE list_contains(?, source_file)")) {
                delete.setObject(1, connection.createArrayOf("VARCHAR", unclean.toArray()));
                delete.execute();
            }
        }
    }

    @Override
    public void stage(List<SourceFile> files, FileSource source, long loadId, RejectSink rejects, Listener listener) {
        try {
            List<SourceFile> slow = new ArrayList<>();
            boolean anyFast = false;
            for (SourceFile file : files) {
                if (file.localPath().isPresent()
                        && prefetched.containsKey(file.localPath().get().toString())) {
                    anyFast = true;
                } else {
                    slow.add(file);
                }
            }
            if (anyFast) {
                stagePending(loadId);
                for (SourceFile file : files) {
                    FileCounts counts = file.localPath()
                            .map(path -> prefetched.get(path.toString()))
                            .orElse(null);
                    if (counts != null) {
                        listener.staged(file, counts);
                    }
                }
            }
            if (!slow.isEmpty()) {
                stageWithParser(slow, source, loadId, rejects, listener);
            }
        } catch (SQLException e) {
            throw new SparkifyException(ErrorCode.WAREHOUSE, "Cannot stage into DuckDB: " + e.getMessage(), e);
        }
    }

    private void stagePending(long loadId) throws SQLException {
        long started = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement(scripts.text("events_fast_stage"))) {
            insert.setLong(1, loadId);
            insert.execute();
        }
        LOG.debug("moving held events to staging took {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private void stageWithParser(
            List<SourceFile> files, FileSource source, long loadId, RejectSink rejects, Listener listener)
            throws SQLException {
        String table = files.get(0).kind() == DataKind.EVENTS ? "staging_events" : "staging_songs";
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            AppenderRowWriter writer = new AppenderRowWriter(appender, loadId);
            for (SourceFile file : files) {
                writer.startFile(file.uri());
                listener.staged(file, readers.read(source, file, writer, rejects));
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
