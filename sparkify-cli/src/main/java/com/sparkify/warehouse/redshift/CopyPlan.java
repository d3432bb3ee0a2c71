package com.sparkify.warehouse.redshift;

import com.sparkify.ingest.RecordLayout;
import com.sparkify.source.DataKind;
import com.sparkify.source.SourceFile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the COPYs of one run and kind read from: a manifest per object under {@code MANIFEST_PREFIX/run-N/},
 * and the JSONPaths file, which is {@code [S3] LOG_JSONPATH} for events when set, else generated from the
 * staging layout and written under {@code MANIFEST_PREFIX/jsonpaths/}.
 */
record CopyPlan(DataKind kind, List<SourceFile> files, long loadId, CopySettings settings) {
    CopyPlan {
        files = List.copyOf(files);
    }

    static CopyPlan of(List<SourceFile> files, long loadId, CopySettings settings) {
        DataKind kind = files.get(0).kind();
        for (SourceFile file : files) {
            if (!file.uri().startsWith("s3://")) {
                throw new com.sparkify.SparkifyException(
                        com.sparkify.ErrorCode.CONFIG,
                        "Expected s3:// objects for Redshift's COPY, found " + file.uri()
                                + "; Redshift reads S3 only: pass --songs/--logs s3://..., or load local files into "
                                + "DuckDB or PostgreSQL");
            }
        }
        settings.requireRole();
        settings.requirePrefix();
        return new CopyPlan(kind, files, loadId, settings);
    }

    String manifest(int index) {
        return String.format(
                Locale.ROOT, "%s/run-%d/%s-%06d.manifest", settings.requirePrefix(), loadId, kind.label(), index + 1);
    }

    /** The JSONPaths sparkify writes, or none when the config names one. */
    Optional<String> generatedJsonPaths() {
        if (kind == DataKind.EVENTS && settings.logJsonPath().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(JsonPaths.of(RecordLayout.of(kind)));
    }

    String jsonPaths() {
        if (kind == DataKind.EVENTS && settings.logJsonPath().isPresent()) {
            return settings.logJsonPath().get();
        }
        return settings.requirePrefix() + "/jsonpaths/" + kind.label() + ".json";
    }

    CopyStatement copy(int index) {
        RecordLayout layout = RecordLayout.of(kind);
        return new CopyStatement(
                "etl_copy_" + kind.label(),
                JsonPaths.columns(layout),
                manifest(index),
                settings.requireRole(),
                jsonPaths(),
                files.get(index).gzipped(),
                settings.dataRegion());
    }
}
