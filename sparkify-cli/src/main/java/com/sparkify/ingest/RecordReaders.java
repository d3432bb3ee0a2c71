package com.sparkify.ingest;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads one raw file of either kind with the Java parser: the path every engine can take. A file that cannot
 * be opened, or whose stream fails (damaged gzip, an I/O error), is one reject, not the end of the run.
 */
public final class RecordReaders {
    private final EventFileReader events = new EventFileReader();
    private final SongFileReader songs = new SongFileReader();

    public FileRead read(FileSource source, SourceFile file, RowWriter rows, RejectSink rejects) {
        return read(source, file, rows, rejects, new HashMap<>());
    }

    /**
     * Reads {@code file} and adds to {@code unknownKeys}, for each top-level key its layout does not know, how
     * many of the file's staged records held it. Rejected records are not counted: their whole text is kept.
     */
    public FileRead read(
            FileSource source, SourceFile file, RowWriter rows, RejectSink rejects, Map<String, Long> unknownKeys) {
        RecordParser parser = file.kind() == DataKind.EVENTS ? events.parser() : songs.parser();
        RowWriter counting = (values, sourceRecord) -> {
            rows.write(values, sourceRecord);
            for (String key : parser.unknownKeys()) {
                unknownKeys.merge(key, 1L, Long::sum);
            }
        };
        InputStream opened;
        try {
            opened = source.open(file);
        } catch (IOException e) {
            rethrowIfInterrupted(file, e);
            rejects.reject(new Reject(file.kind(), file.uri(), 1, ReadFailures.reason(e, file.gzipped(), 0, 1), ""));
            boolean whole = ReadFailures.inContent(e, file.gzipped());
            return new FileRead(whole ? file : file.readIncompletely(), new FileCounts(1, 0, 1));
        }
        Watched in = new Watched(opened);
        FileCounts counts;
        try {
            counts = file.kind() == DataKind.EVENTS
                    ? events.read(in, file.uri(), counting, rejects)
                    : songs.read(in, file.uri(), counting, rejects);
        } catch (IOException e) {
            close(in, e);
            throw new SparkifyException(ErrorCode.INPUT, "Cannot read " + file.uri() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(in, e);
            throw e;
        }
        try {
            in.close();
        } catch (IOException e) {
            // A stream that failed was a reject already; what is left of it (a broken connection) may fail
            // to close too, and that is no second failure.
            if (in.failure == null) {
                throw new SparkifyException(ErrorCode.INPUT, "Cannot close " + file.uri() + ": " + e.getMessage(), e);
            }
        }
        boolean whole = in.failure == null || ReadFailures.inContent(in.failure, file.gzipped());
        return new FileRead(whole ? file : file.readIncompletely(), counts);
    }

    private static void close(InputStream in, Exception failure) {
        try {
            in.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void rethrowIfInterrupted(SourceFile file, IOException e) {
        try {
            ReadFailures.rethrowIfInterrupted(e);
        } catch (IOException interrupted) {
            throw new SparkifyException(ErrorCode.INPUT, "Cannot read " + file.uri() + ": interrupted", interrupted);
        }
    }

    /** Keeps the first failure of the stream, which the readers turn into a reject. */
    private static final class Watched extends FilterInputStream {
        private IOException failure;

        Watched(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return in.read(buffer, offset, length);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }
    }
}
