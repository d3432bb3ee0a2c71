package com.sparkify.warehouse.postgres;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.ingest.Field;
import com.sparkify.ingest.FileRead;
import com.sparkify.ingest.RecordLayout;
import com.sparkify.ingest.RecordReaders;
import com.sparkify.ingest.Reject;
import com.sparkify.ingest.RejectSink;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.StagingLoader;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages files through one {@code COPY ... FROM STDIN} per call, in the run's transaction: the Java parser
 * reads each file and its rows are encoded straight into the COPY stream, so memory stays bounded and no
 * temporary file is written. A failed run leaves nothing staged.
 */
final class PostgresStagingLoader implements StagingLoader {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresStagingLoader.class);

    private final PGConnection connection;
    private final PostgresFailures failures;
    private final PlannerStatistics statistics;
    private final RecordReaders readers = new RecordReaders();

    PostgresStagingLoader(PGConnection connection, PostgresFailures failures, PlannerStatistics statistics) {
        this.connection = connection;
        this.failures = failures;
        this.statistics = statistics;
    }

    static String table(RecordLayout layout) {
        return layout.kind() == DataKind.EVENTS ? "staging_events" : "staging_songs";
    }

    static String copyStatement(RecordLayout layout) {
        String table = table(layout);
        String columns = layout.fields().stream().map(Field::column).collect(Collectors.joining(", "));
        return "COPY " + table + " (" + columns + ", source_file, source_record, load_id) FROM STDIN";
    }

    @Override
    public void stage(List<SourceFile> files, FileSource source, long loadId, RejectSink rejects, Listener listener) {
        RecordLayout layout = RecordLayout.of(files.get(0).kind());
        CopyIn copy;
        try {
            copy = connection.getCopyAPI().copyIn(copyStatement(layout));
        } catch (SQLException e) {
            throw failures.failed("starting to stage " + layout.kind().label(), e);
        }
        CopyTextWriter writer = new CopyTextWriter((buffer, length) -> send(copy, buffer, length), loadId);
        RejectSink storable = PostgresStagingLoader.storable(rejects);
        String current = "";
        try {
            for (SourceFile file : files) {
                current = file.uri();
                writer.startFile(file.uri());
                long nulsBefore = writer.replacedNuls();
                Map<String, Long> unknownKeys = new HashMap<>();
                FileRead read = readers.read(source, file, writer, storable, unknownKeys);
                if (writer.replacedNuls() > nulsBefore) {
                    LOG.warn(
                            "{} held {} NUL characters (U+0000), which PostgreSQL text cannot store; staged as U+FFFD",
                            file.uri(),
                            writer.replacedNuls() - nulsBefore);
                }
                listener.unknownKeys(read.file(), unknownKeys);
                listener.staged(read.file(), read.counts());
            }
            writer.flush();
            long copied = copy.endCopy();
            if (copied != writer.rows()) {
                throw new SparkifyException(
                        ErrorCode.INTERNAL,
                        "Expected COPY to stage " + writer.rows() + " "
                                + layout.kind().label() + " rows, it staged " + copied);
            }
            statistics.staged(table(layout), copied);
        } catch (CopyStreamException e) {
            cancel(copy, e);
            throw failures.failed(staging(layout, current), e.sqlException);
        } catch (SQLException e) {
            cancel(copy, e);
            throw failures.failed(staging(layout, current), e);
        } catch (RuntimeException e) {
            cancel(copy, e);
            throw e;
        }
    }

    private static String staging(RecordLayout layout, String file) {
        return "staging " + layout.kind().label() + (file.isEmpty() ? "" : " (at " + file + ")");
    }

    private static void send(CopyIn copy, byte[] buffer, int length) {
        try {
            copy.writeToCopy(buffer, 0, length);
        } catch (SQLException e) {
            throw new CopyStreamException(e);
        }
    }

    private static void cancel(CopyIn copy, Exception cause) {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** PostgreSQL text cannot hold U+0000; a reject's raw text may (a NUL byte makes the JSON malformed). */
    private static RejectSink storable(RejectSink rejects) {
        return reject -> rejects.reject(new Reject(
                reject.kind(),
                reject.sourceFile(),
                reject.lineNumber(),
                withoutNul(reject.reason()),
                withoutNul(reject.rawText())));
    }

    static String withoutNul(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace('\0', CopyTextWriter.REPLACEMENT);
    }

    /** Carries a failed write to the COPY stream through {@link com.sparkify.ingest.RowWriter}. */
    private static final class CopyStreamException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SQLException sqlException;

        CopyStreamException(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
            this.sqlException = cause;
        }
    }
}
