package com.sparkify.warehouse.redshift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.ingest.Field;
import com.sparkify.ingest.FileCounts;
import com.sparkify.ingest.RecordLayout;
import com.sparkify.ingest.RecordReaders;
import com.sparkify.ingest.Reject;
import com.sparkify.ingest.RejectSink;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.StagingLoader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stages S3 objects with Redshift's COPY, one object at a time, in the run's transaction:
 *
 * <ol>
 *   <li>a manifest listing exactly that object goes to {@code [S3] MANIFEST_PREFIX};
 *   <li>COPY loads it into a temporary table; rows Redshift rejects are read from {@code stl_load_errors};
 *   <li>the records the other engines reject (a missing required key, a bad userId) are found by SQL;
 *   <li>the valid rows go to staging with {@code source_file}, {@code source_record} and {@code load_id}.
 * </ol>
 *
 * <p>One COPY per object is what keeps {@code source_file} exact, which the ledger relies on to replace the
 * rows of a changed file: COPY cannot tell which object of a manifest a row came from.
 */
final class RedshiftStagingLoader implements StagingLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** load_errors.raw_text is VARCHAR(65535), in bytes. */
    private static final int MAX_RAW_BYTES = 65_535;

    private final Connection connection;
    private final CopySettings settings;
    private final ManifestStore manifests;
    private final Copier copier;
    private final SqlScripts scripts = new SqlScripts("redshift");

    RedshiftStagingLoader(Connection connection, CopySettings settings, ManifestStore manifests, Copier copier) {
        this.connection = connection;
        this.settings = settings;
        this.manifests = manifests;
        this.copier = copier;
    }

    @Override
    public void stage(List<SourceFile> files, FileSource source, long loadId, RejectSink rejects, Listener listener) {
        CopyPlan plan = CopyPlan.of(files, loadId, settings);
        plan.generatedJsonPaths().ifPresent(content -> manifests.put(plan.jsonPaths(), content));
        scripts.execute(connection, "copy_tables", Map.of());
        String kind = plan.kind().label();
        for (int i = 0; i < files.size(); i++) {
            SourceFile file = files.get(i);
            manifests.put(plan.manifest(i), Manifest.of(List.of(file)));
            try {
                List<LoadError> errors = copier.copy(connection, plan.copy(i), file, source);
                for (LoadError error : errors) {
                    rejects.reject(
                            new Reject(plan.kind(), file.uri(), error.line(), error.reason(), cap(error.rawText())));
                }
                scripts.execute(connection, "copy_" + kind + "_check", Map.of());
                long rejected = errors.size() + rejectChecked(plan.kind(), file, rejects);
                long staged = insertValid(kind, file, loadId);
                if (!errors.isEmpty()) {
                    rejected += unread(file, source, staged + rejected, errors, rejects);
                }
                listener.staged(file, new FileCounts(staged + rejected, staged, rejected));
            } catch (SQLException e) {
                throw new SparkifyException(
                        ErrorCode.WAREHOUSE, "Cannot stage " + file.uri() + " on Redshift: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The records of a file COPY neither loaded nor rejected, recorded as one reject. After a syntax error COPY
     * may stop reading a file, and it does not say how much it skipped; so a file COPY found errors in (rare,
     * hence cheap) is read once more by the Java reader, whose record count is the truth.
     */
    private static long unread(
            SourceFile file, FileSource source, long accounted, List<LoadError> errors, RejectSink rejects) {
        long records = new RecordReaders()
                .read(source, file, (values, record) -> {}, reject -> {})
                .read();
        long missing = records - accounted;
        if (missing <= 0) {
            return 0;
        }
        long after = errors.stream().mapToLong(LoadError::line).max().orElse(0);
        rejects.reject(new Reject(
                file.kind(),
                file.uri(),
                after,
                "COPY read " + accounted + " of the " + records + " records of this file: the " + missing
                        + " others, after the error on line " + after + ", were not loaded; fix the file and it "
                        + "loads again",
                ""));
        return missing;
    }

    /** Records the rows the check script marked; COPY keeps no raw line of a row it loaded, so the row is shown. */
    private long rejectChecked(DataKind kind, SourceFile file, RejectSink rejects) throws SQLException {
        RecordLayout layout = RecordLayout.of(kind);
        long count = 0;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(scripts.text("copy_" + kind.label() + "_rejects"))) {
            while (rows.next()) {
                ObjectNode record = JSON.createObjectNode();
                for (Field field : layout.fields()) {
                    Object value = rows.getObject(field.column());
                    record.putPOJO(field.jsonName(), value);
                }
                String reason = rows.getString("reject_reason");
                // Line 0: COPY does not report the line of a row it loaded.
                rejects.reject(new Reject(kind, file.uri(), 0, reason, cap(record.toString())));
                count++;
            }
        }
        return count;
    }

    private long insertValid(String kind, SourceFile file, long loadId) throws SQLException {
        List<String> statements = scripts.statements("copy_" + kind + "_stage", Map.of("load_id", loadId));
        long staged;
        try (PreparedStatement insert = connection.prepareStatement(statements.get(0))) {
            insert.setString(1, file.uri());
            staged = insert.executeUpdate();
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements.subList(1, statements.size())) {
                statement.execute(sql);
            }
        }
        return staged;
    }

    @Override
    public List<String> plannedStatements(List<SourceFile> files, long loadId) {
        CopyPlan plan = CopyPlan.of(files, loadId, settings);
        String kind = plan.kind().label();
        List<String> planned = new ArrayList<>();
        plan.generatedJsonPaths()
                .ifPresent(content -> planned.add("-- write " + plan.jsonPaths() + ":\n" + comment(content)));
        planned.addAll(scripts.statements("copy_tables", Map.of()));
        for (int i = 0; i < files.size(); i++) {
            planned.add("-- write " + plan.manifest(i) + ":\n" + comment(Manifest.of(List.of(files.get(i)))));
            planned.add(CopyStatement.redact(plan.copy(i).sql()));
        }
        planned.add("-- after each COPY: its rejected rows (stl_load_errors) go to load_errors, then:");
        planned.addAll(scripts.statements("copy_load_errors", Map.of()));
        planned.addAll(scripts.statements("copy_" + kind + "_check", Map.of()));
        planned.addAll(scripts.statements("copy_" + kind + "_rejects", Map.of()));
        planned.addAll(scripts.statements("copy_" + kind + "_stage", Map.of("load_id", loadId)));
        return planned;
    }

    private static String comment(String text) {
        return "--   " + text.strip().replace("\n", "\n--   ");
    }

    /** At most what load_errors.raw_text holds, in bytes, cut on a character boundary and marked. */
    static String cap(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_RAW_BYTES) {
            return text;
        }
        String marker = "... (" + bytes.length + " bytes, cut to fit load_errors)";
        int limit = MAX_RAW_BYTES - marker.length();
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int offset = 0; offset < text.length(); ) {
            int codePoint = text.codePointAt(offset);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > limit) {
                break;
            }
            kept.appendCodePoint(codePoint);
            used += size;
            offset += Character.charCount(codePoint);
        }
        return kept.append(marker).toString();
    }
}
