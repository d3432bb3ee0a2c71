package com.sparkify.ingest;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/** Reads one raw file of either kind with the Java parser: the path every engine can take. */
public final class RecordReaders {
    private final EventFileReader events = new EventFileReader();
    private final SongFileReader songs = new SongFileReader();

    public FileCounts read(FileSource source, SourceFile file, RowWriter rows, RejectSink rejects) {
        return read(source, file, rows, rejects, new HashMap<>());
    }

    /**
     * Reads {@code file} and adds to {@code unknownKeys}, for each top-level key its layout does not know, how
     * many of the file's staged records held it. Rejected records are not counted: their whole text is kept.
     */
    public FileCounts read(
            FileSource source, SourceFile file, RowWriter rows, RejectSink rejects, Map<String, Long> unknownKeys) {
        RecordParser parser = file.kind() == DataKind.EVENTS ? events.parser() : songs.parser();
        RowWriter counting = (values, sourceRecord) -> {
            rows.write(values, sourceRecord);
            for (String key : parser.unknownKeys()) {
                unknownKeys.merge(key, 1L, Long::sum);
            }
        };
        try (InputStream in = source.open(file)) {
            return file.kind() == DataKind.EVENTS
                    ? events.read(in, file.uri(), counting, rejects)
                    : songs.read(in, file.uri(), counting, rejects);
        } catch (IOException e) {
            throw new SparkifyException(ErrorCode.INPUT, "Cannot read " + file.uri() + ": " + e.getMessage(), e);
        }
    }
}
