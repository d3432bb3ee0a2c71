package com.sparkify.ingest;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;

/** Reads one raw file of either kind with the Java parser: the path every engine can take. */
public final class RecordReaders {
    private final EventFileReader events = new EventFileReader();
    private final SongFileReader songs = new SongFileReader();

    public FileCounts read(FileSource source, SourceFile file, RowWriter rows, RejectSink rejects) {
        try (InputStream in = source.open(file)) {
            return file.kind() == DataKind.EVENTS
                    ? events.read(in, file.uri(), rows, rejects)
                    : songs.read(in, file.uri(), rows, rejects);
        } catch (IOException e) {
            throw new SparkifyException(ErrorCode.INPUT, "Cannot read " + file.uri() + ": " + e.getMessage(), e);
        }
    }
}
