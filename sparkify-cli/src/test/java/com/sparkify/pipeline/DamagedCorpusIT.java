package com.sparkify.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.ingest.Field;
import com.sparkify.ingest.RecordLayout;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.LocalFileSource;
import com.sparkify.testing.DamagedCorpus;
import com.sparkify.testing.DamagedCorpus.CorpusFile;
import com.sparkify.testing.DamagedCorpus.Expected;
import com.sparkify.testing.JavaParsedSource;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.duckdb.ReadJsonObserver;
import com.sparkify.warehouse.postgres.TestPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged corpora whose truth is known by construction ({@link DamagedCorpus}), through a whole etl on every
 * engine. For every file: {@code etl_files.rows_read} is its true number of records, {@code rows_staged} its
 * good ones, each good record stages its expected values under its record number, and each reject keeps its
 * whole record as raw_text. On DuckDB, the read_json fast path and the Java parser stage the same rows and
 * reject the same records.
 */
class DamagedCorpusIT {
    @TempDir
    Path dir;

    private List<CorpusFile> write() throws IOException {
        return DamagedCorpus.write(dir.resolve("songs"), dir.resolve("logs"));
    }

    /**
     * Both DuckDB paths know the truth, and stage the same rows and reject the same records. The odd values
     * that DuckDB's reader stages itself (those the fast path keeps) are where the two could differ.
     */
    @Test
    void duckDbPathsKnowTheTruthAndAgreeRecordForRecord() throws Exception {
        List<CorpusFile> corpus = write();
        Map<String, List<String>> fast;
        Map<String, List<String>> java;
        Set<String> rewritten;
        try (Warehouse warehouse = TestWarehouses.open("jdbc:duckdb:" + dir.resolve("fast.duckdb"))) {
            Run run = etl(warehouse, LocalFileSource::new);

            verify(TestWarehouses.jdbc(warehouse), corpus, Function.identity(), run.fastPath());
            assertThat(run.fastPath())
                    .as("files DuckDB's own reader staged")
                    .contains(
                            holding(corpus, "artist=true"),
                            holding(corpus, "artist=5"),
                            holding(corpus, "userId=39"),
                            holding(corpus, "sessionId=\"V\""),
                            holding(corpus, "ts=true"),
                            holding(corpus, "itemInSession=V.00000000000000001"),
                            holding(corpus, "length=\"-0.0\""),
                            holding(corpus, "crlf 0"),
                            holding(corpus, "artist=5.50"));
            fast = tables(TestWarehouses.jdbc(warehouse));
            rewritten = rewrittenByDuckDb(corpus, run.fastPath());
        }
        try (Warehouse warehouse = TestWarehouses.open("jdbc:duckdb:" + dir.resolve("java.duckdb"))) {
            Run run = etl(warehouse, (root, kind) -> new JavaParsedSource(new LocalFileSource(root, kind)));

            assertThat(run.fastPath()).isEmpty();
            verify(TestWarehouses.jdbc(warehouse), corpus, Function.identity());
            java = tables(TestWarehouses.jdbc(warehouse));
        }

        // The documented difference: a number with a fraction or exponent where text belongs, as DuckDB writes it.
        fast.values().forEach(rows -> rows.removeIf(row -> rewritten.contains(row.split("\\|", 2)[0])));
        java.values().forEach(rows -> rows.removeIf(row -> rewritten.contains(row.split("\\|", 2)[0])));
        SoftAssertions softly = new SoftAssertions();
        for (String table : fast.keySet()) {
            List<String> onlyFast = new ArrayList<>(fast.get(table));
            onlyFast.removeAll(java.get(table));
            List<String> onlyJava = new ArrayList<>(java.get(table));
            onlyJava.removeAll(fast.get(table));
            softly.assertThat(onlyFast)
                    .as("%s rows only on the fast path", table)
                    .isEmpty();
            softly.assertThat(onlyJava)
                    .as("%s rows only through the Java parser", table)
                    .isEmpty();
            softly.assertThat(fast.get(table)).as("%s", table).hasSameSizeAs(java.get(table));
        }
        softly.assertAll();
    }

    @Test
    void postgresKnowsTheTruth() throws Exception {
        List<CorpusFile> corpus = write();
        String schema = TestPostgres.newSchema("damaged");
        try (Warehouse warehouse = TestWarehouses.open(TestPostgres.get().url(), Optional.of(schema))) {
            etl(warehouse, LocalFileSource::new);

            verify(TestWarehouses.jdbc(warehouse), corpus, DamagedCorpusIT::withoutNul);
        }
    }

    private interface Sources {
        FileSource of(Path root, DataKind kind);
    }

    /** What a run reported, and which files DuckDB's own reader staged, as its staging loader tells. */
    private record Run(EtlResult result, Set<String> fastPath) {}

    private Run etl(Warehouse warehouse, Sources sources) {
        ReadJsonObserver observed = new ReadJsonObserver(warehouse);
        EtlResult result = new EtlPipeline(observed, EtlListener.NONE)
                .run(new EtlOptions(
                        sources.of(dir.resolve("songs"), DataKind.SONGS),
                        sources.of(dir.resolve("logs"), DataKind.EVENTS),
                        false,
                        Long.MAX_VALUE));
        assertThat(result.status()).as("%s", result.checks().failures()).isEqualTo(RunStatus.SUCCEEDED);
        return new Run(result, observed.keptByReadJson());
    }

    private static void verify(Connection connection, List<CorpusFile> corpus, Function<String, String> stored)
            throws SQLException {
        verify(connection, corpus, stored, Set.of());
    }

    /** Checks every file; those in {@code fastPath} were staged by DuckDB's own reader. */
    private static void verify(
            Connection connection, List<CorpusFile> corpus, Function<String, String> stored, Set<String> fastPath)
            throws SQLException {
        SoftAssertions softly = new SoftAssertions();
        Map<String, long[]> ledger = ledger(connection);
        for (CorpusFile file : corpus) {
            String name = file.path().getFileName() + " (" + file.kind() + ")";
            softly.assertThat(ledger.get(file.uri()))
                    .as("rows read, staged, rejected of %s", name)
                    .containsExactly(file.records().size(), file.good(), file.bad());

            Map<Long, Map<String, Object>> staged = staged(connection, file);
            for (int i = 0; i < file.records().size(); i++) {
                Expected record = file.records().get(i);
                long number = i + 1;
                if (!record.good()) {
                    softly.assertThat(staged)
                            .as("%s record %d (%s) is rejected", name, number, record.label())
                            .doesNotContainKey(number);
                    continue;
                }
                softly.assertThat(staged)
                        .as("%s record %d (%s) is staged", name, number, record.label())
                        .containsKey(number);
                Map<String, Object> actual = staged.getOrDefault(number, Map.of());
                record.values(fastPath.contains(file.uri()))
                        .forEach((column, value) -> softly.assertThat(normalize(actual.get(column), value))
                                .as("%s record %d (%s): %s", name, number, record.label(), column)
                                .isEqualTo(value instanceof String text ? stored.apply(text) : value));
            }

            List<String> expectedRaw = new ArrayList<>();
            long unpredictable = 0;
            for (Expected record : file.records()) {
                if (!record.good()) {
                    if (record.rawText() == null) {
                        unpredictable++;
                    } else {
                        expectedRaw.add(stored.apply(record.rawText()));
                    }
                }
            }
            List<String> raw = rejects(connection, file.uri());
            softly.assertThat(raw).as("rejects of %s", name).hasSize((int) file.bad());
            if (unpredictable == 0) {
                softly.assertThat(raw)
                        .as("raw_text of the rejects of %s", name)
                        .containsExactlyInAnyOrderElementsOf(expectedRaw);
            } else {
                softly.assertThat(raw).as("raw_text of the rejects of %s", name).containsAll(expectedRaw);
            }
        }
        softly.assertAll();
    }

    /** PostgreSQL text cannot hold U+0000: it is stored as U+FFFD. */
    private static String withoutNul(String text) {
        return text.replace('\u0000', '\uFFFD');
    }

    private static Object normalize(Object actual, Object expected) {
        if (actual instanceof Number number) {
            if (expected instanceof Long) {
                return number.longValue();
            }
            if (expected instanceof Integer) {
                return number.intValue();
            }
            if (expected instanceof Double) {
                return number.doubleValue();
            }
        }
        return actual;
    }

    private static Map<String, long[]> ledger(Connection connection) throws SQLException {
        Map<String, long[]> ledger = new HashMap<>();
        for (String row :
                Tables.rows(connection, "SELECT rows_read, rows_staged, rows_rejected, path FROM etl_files")) {
            String[] parts = row.split("\\|", 4);
            ledger.put(
                    parts[3],
                    new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])});
        }
        return ledger;
    }

    private static Map<Long, Map<String, Object>> staged(Connection connection, CorpusFile file) throws SQLException {
        RecordLayout layout = RecordLayout.of(file.kind());
        String columns =
                String.join(", ", layout.fields().stream().map(Field::column).toList());
        String table = file.kind() == DataKind.EVENTS ? "staging_events" : "staging_songs";
        Map<Long, Map<String, Object>> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT source_record, " + columns + " FROM " + table + " WHERE source_file = ?")) {
            select.setString(1, file.uri());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> values = new HashMap<>();
                    for (int i = 0; i < layout.fields().size(); i++) {
                        Field field = layout.fields().get(i);
                        // Keyed by JSON name for songs (the same as the column) and by column for events.
                        values.put(field.column(), result.getObject(i + 2));
                    }
                    rows.put(result.getLong(1), values);
                }
            }
        }
        return rows;
    }

    private static List<String> rejects(Connection connection, String file) throws SQLException {
        List<String> raw = new ArrayList<>();
        try (PreparedStatement select =
                connection.prepareStatement("SELECT raw_text FROM load_errors WHERE source_file = ?")) {
            select.setString(1, file);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    raw.add(result.getString(1));
                }
            }
        }
        return raw;
    }

    /** Every staged row and every reject, as text, for comparing the two paths record by record. */
    private static Map<String, List<String>> tables(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new HashMap<>();
        for (RecordLayout layout : List.of(RecordLayout.EVENTS, RecordLayout.SONGS)) {
            String table = layout == RecordLayout.EVENTS ? "staging_events" : "staging_songs";
            String columns = String.join(
                    ", ", layout.fields().stream().map(Field::column).toList());
            tables.put(
                    table,
                    Tables.rows(
                            connection,
                            "SELECT source_file, source_record, " + columns + " FROM " + table
                                    + " ORDER BY source_file, source_record"));
        }
        tables.put(
                "load_errors",
                Tables.rows(
                        connection,
                        "SELECT source_file, kind, line_number, reason, raw_text FROM load_errors"
                                + " ORDER BY source_file, line_number"));
        return tables;
    }

    /** Files DuckDB's own reader staged that hold a value it writes otherwise than the Java parser. */
    private static Set<String> rewrittenByDuckDb(List<CorpusFile> corpus, Set<String> fastPath) {
        Set<String> files = new HashSet<>();
        for (CorpusFile file : corpus) {
            if (fastPath.contains(file.uri())
                    && file.records().stream().anyMatch(record -> record.duckDbValues() != null)) {
                files.add(file.uri());
            }
        }
        return files;
    }

    /** The event file holding the record of this label. */
    private static String holding(List<CorpusFile> corpus, String label) {
        return corpus.stream()
                .filter(file -> file.kind() == DataKind.EVENTS
                        && file.records().stream()
                                .anyMatch(record -> record.label().equals(label)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no record " + label))
                .uri();
    }
}
