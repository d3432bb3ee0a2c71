package com.sparkify.warehouse.spark;

import com.sparkify.ingest.FileRead;
import com.sparkify.ingest.RecordLayout;
import com.sparkify.ingest.RecordReaders;
import com.sparkify.source.DataKind;
import com.sparkify.source.LocalFileSource;
import com.sparkify.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A staging task: reads each file it is given with the project's own parser ({@link RecordReaders}) where the
 * task runs, so that every engine rejects the same records for the same reasons. A file is one
 * {@link FileTask}; it yields its rows in {@link StagingRows}' schema, file after file.
 */
final class ParseFiles implements MapPartitionsFunction<FileTask, Row> {
    private static final long serialVersionUID = 1L;

    private final DataKind kind;
    private final long loadId;

    ParseFiles(DataKind kind, long loadId) {
        this.kind = kind;
        this.loadId = loadId;
    }

    @Override
    public Iterator<Row> call(Iterator<FileTask> tasks) {
        RecordReaders readers = new RecordReaders();
        int fields = RecordLayout.of(kind).fields().size();
        return new Iterator<>() {
            private Iterator<Row> current = List.<Row>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && tasks.hasNext()) {
                    current = read(readers, tasks.next(), fields).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                hasNext();
                return current.next();
            }
        };
    }

    private List<Row> read(RecordReaders readers, FileTask task, int fields) {
        Path path = Path.of(task.path());
        SourceFile file = new SourceFile(task.uri(), kind, task.size(), task.changeMarker(), Optional.of(path));
        LocalFileSource source = new LocalFileSource(path.getParent(), kind);
        List<Row> rows = new ArrayList<>();
        Map<String, Long> unknownKeys = new HashMap<>();
        FileRead read = readers.read(
                source,
                file,
                (values, sourceRecord) -> {
                    Object[] row = new Object[fields + 12];
                    row[0] = StagingRows.ROW;
                    System.arraycopy(values, 0, row, 1, fields);
                    row[fields + 1] = task.uri();
                    row[fields + 2] = sourceRecord;
                    row[fields + 3] = loadId;
                    rows.add(RowFactory.create(row));
                },
                reject -> {
                    Object[] row = new Object[fields + 12];
                    row[0] = StagingRows.REJECT;
                    row[fields + 1] = reject.sourceFile();
                    row[fields + 3] = loadId;
                    row[fields + 4] = reject.lineNumber();
                    row[fields + 5] = reject.reason();
                    row[fields + 6] = reject.rawText();
                    rows.add(RowFactory.create(row));
                },
                unknownKeys);
        Object[] closing = new Object[fields + 12];
        closing[0] = StagingRows.FILE;
        closing[fields + 1] = task.uri();
        closing[fields + 3] = loadId;
        closing[fields + 7] = read.counts().read();
        closing[fields + 8] = read.counts().staged();
        closing[fields + 9] = read.counts().rejected();
        closing[fields + 10] = !read.file().equals(file);
        closing[fields + 11] = CollectionConverters.asScala(unknownKeys);
        rows.add(RowFactory.create(closing));
        return rows;
    }
}
