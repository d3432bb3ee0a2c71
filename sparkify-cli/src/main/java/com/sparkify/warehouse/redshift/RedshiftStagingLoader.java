package com.sparkify.warehouse.redshift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sparkify.ingest.Field;
import com.sparkify.ingest.FileCounts;
import com.sparkify.ingest.RecordLayout;
import com.sparkify.ingest.Reject;
import com.sparkify.ingest.RejectSink;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.StagingLoader;
import com.sparkify.warehouse.WarehouseErrors;
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
 *   <li>the valid rows go to staging with {@code source_file}, {@code source_record} and {@code load_id};
 *   <li>a file with bad records is read once more by the Java reader ({@link SecondReading}), for the lines and
 *       raw text of the records the checks found, and for the records COPY skipped after a syntax error.
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
                listener.staged(file, copyOne(plan, i, source, loadId, rejects));
            } catch (SQLException e) {
                throw WarehouseErrors.translate("Cannot stage " + file.uri() + " on Redshift", e);
            }
        }
    }

    private FileCounts copyOne(CopyPlan plan, int index, FileSource source, long loadId, RejectSink rejects)
            throws SQLException {
        SourceFile file = plan.files().get(index);
        String kind = plan.kind().label();
        List<LoadError> errors = copier.copy(connection, plan.copy(index), file, source);
        scripts.execute(connection, "copy_" + kind + "_check", Map.of());
        List<Reject> checked = checkedRows(plan.kind(), file);
        long staged = insertValid(kind, file, loadId);
        List<Reject> found = new ArrayList<>();
        errors.forEach(
                error -> found.add(new Reject(plan.kind(), file.uri(), error.line(), error.reason(), error.rawText())));
        long unread = 0;
        if (!errors.isEmpty() || !checked.isEmpty()) {
            SecondReading second = SecondReading.of(source, file);
            checked = second.sameAs(checked);
            long accounted = staged + errors.size() + checked.size();
            long lastError = errors.stream().mapToLong(LoadError::line).max().orElse(0);
            unread = Math.max(0, second.records() - accounted);
            found.addAll(second.unread(file, accounted, lastError));
        }
        found.addAll(checked);
        for (Reject reject : found) {
            rejects.reject(new Reject(
                    reject.kind(), reject.sourceFile(), reject.lineNumber(), reject.reason(), cap(reject.rawText())));
        }
        long rejected = errors.size() + checked.size() + unread;
        return new FileCounts(staged + rejected, staged, rejected);
    }

    /**
     * The rows the check script marked, as rejects. COPY keeps neither the line nor the raw text of a row it
     * loaded: the line is 0 and the raw text is the row's loaded values, until {@link SecondReading} finds them.
     */
    private List<Reject> checkedRows(DataKind kind, SourceFile file) throws SQLException {
        RecordLayout layout = RecordLayout.of(kind);
        List<Reject> checked = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(scripts.text("copy_" + kind.label() + "_rejects"))) {
            while (rows.next()) {
                ObjectNode record = JSON.createObjectNode();
                for (Field field : layout.fields()) {
                    record.putPOJO(field.jsonName(), rows.getObject(field.column()));
                }
                checked.add(new Reject(kind, file.uri(), 0, rows.getString("reject_reason"), record.toString()));
            }
        }
        return checked;
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
