package com.sparkify.warehouse.spark;

import static org.apache.spark.sql.functions.col;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.ingest.FileCounts;
import com.sparkify.ingest.RecordLayout;
import com.sparkify.ingest.Reject;
import com.sparkify.ingest.RejectSink;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.StagingLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Stages files in Spark tasks, one file a task: each task parses its file where it runs ({@link ParseFiles}),
 * the staged rows are appended to the staging table from the tasks, and only the rejects and the counts of
 * each file come back to the driver. The files are read where they are, never through the driver.
 */
final class SparkStagingLoader implements StagingLoader {
    private final SparkSession spark;

    SparkStagingLoader(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    public void stage(List<SourceFile> files, FileSource source, long loadId, RejectSink rejects, Listener listener) {
        DataKind kind = files.get(0).kind();
        RecordLayout layout = RecordLayout.of(kind);
        List<FileTask> tasks = files.stream().map(SparkStagingLoader::task).toList();
        Map<String, SourceFile> byUri = files.stream().collect(Collectors.toMap(SourceFile::uri, Function.identity()));
        int slices = Math.max(1, tasks.size());
        Dataset<Row> parsed = spark.createDataset(tasks, Encoders.javaSerialization(FileTask.class))
                .repartition(Math.min(slices, spark.sparkContext().defaultParallelism() * 4))
                .mapPartitions(new ParseFiles(kind, loadId), Encoders.row(StagingRows.schema(layout)))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Column[] columns = StagingRows.stagingColumns(layout).stream()
                    .map(name -> col(name))
                    .toArray(Column[]::new);
            parsed.filter(col("entry").equalTo(StagingRows.ROW))
                    .select(columns)
                    .writeTo(table(kind))
                    .append();
            List<Row> accounts = parsed.filter(col("entry").notEqual(StagingRows.ROW))
                    .drop(layout.fields().stream().map(field -> field.column()).toArray(String[]::new))
                    .collectAsList();
            report(accounts, kind, byUri, rejects, listener);
        } catch (SparkifyException e) {
            throw e;
        } catch (Exception e) {
            throw new SparkifyException(
                    ErrorCode.WAREHOUSE_FAILED,
                    "Spark failed staging " + kind.label() + ": "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    e);
        } finally {
            parsed.unpersist();
        }
    }

    private static void report(
            List<Row> accounts, DataKind kind, Map<String, SourceFile> byUri, RejectSink rejects, Listener listener) {
        for (Row row : accounts) {
            if (StagingRows.REJECT.equals(row.getAs("entry"))) {
                rejects.reject(new Reject(
                        kind,
                        row.getAs("source_file"),
                        row.<Long>getAs("line_number"),
                        row.getAs("reason"),
                        row.getAs("raw_text")));
            }
        }
        for (Row row : accounts) {
            if (StagingRows.FILE.equals(row.getAs("entry"))) {
                SourceFile file = byUri.get(row.<String>getAs("source_file"));
                if (row.<Boolean>getAs("incomplete")) {
                    file = file.readIncompletely();
                }
                scala.collection.Map<String, Long> keys = row.getAs("unknown_keys");
                listener.unknownKeys(file, new HashMap<>(CollectionConverters.asJava(keys)));
                listener.staged(
                        file,
                        new FileCounts(
                                row.<Long>getAs("rows_read"),
                                row.<Long>getAs("rows_staged"),
                                row.<Long>getAs("rows_rejected")));
            }
        }
    }

    private static String table(DataKind kind) {
        return kind == DataKind.EVENTS ? "staging_events" : "staging_songs";
    }

    private static FileTask task(SourceFile file) {
        String path = file.localPath()
                .orElseThrow(() -> new SparkifyException(
                        ErrorCode.CONFIG,
                        "The Spark engine reads files from folders on this machine; " + file.uri()
                                + " is not one (reading S3 through S3A is not built yet): copy the files to a"
                                + " local folder, or load S3 into another warehouse"))
                .toAbsolutePath()
                .toString();
        return new FileTask(file.uri(), path, file.size(), file.changeMarker());
    }

    @Override
    public List<String> plannedStatements(List<SourceFile> files, long loadId) {
        String kind = files.get(0).kind().label();
        return List.of("-- stage " + files.size() + " " + kind + " files into staging_" + kind
                + " in Spark tasks, one file a task, with sparkify's parser, load_id " + loadId
                + "; records that cannot be staged go to load_errors");
    }
}
