package com.sparkify.bench;

import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import com.sparkify.ingest.FileCounts;
import com.sparkify.pipeline.EtlListener;
import com.sparkify.pipeline.EtlOptions;
import com.sparkify.pipeline.EtlPipeline;
import com.sparkify.pipeline.EtlResult;
import com.sparkify.pipeline.Schema;
import com.sparkify.source.DataKind;
import com.sparkify.source.LocalFileSource;
import com.sparkify.source.SourceFile;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Rows;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import com.sparkify.warehouse.postgres.TestPostgres;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * How fast events reach {@code staging_events} on PostgreSQL, against two references: the server's floor
 * ({@code COPY FROM STDIN} of a prepared CSV of the very same rows, no parsing in the JVM) and single-row
 * INSERTs (on a 20k-row subset), with and without the staging indexes; with {@code --etl}, the whole etl
 * too. Not a test. Input: the Sparkify sample replicated {@code COPIES} times into {@code target/bench} by
 * {@link DatasetReplicator} (125 copies are 1,007,000 events). Server: {@code $SPARKIFY_TEST_POSTGRES_URL},
 * else an embedded one.
 *
 * <pre>
 * cd sparkify-cli
 * ../mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx256m -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     com.sparkify.bench.PostgresStagingBenchmark [COPIES] [SAMPLE_FOLDER] [--etl]
 * </pre>
 */
public final class PostgresStagingBenchmark {
    private static final int INSERT_ROWS = 20_000;

    private PostgresStagingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 125;
        Path sample = Path.of(args.length > 1 && !args[1].startsWith("--") ? args[1] : defaultSample());
        boolean etl = List.of(args).contains("--etl");
        Path bench = Path.of("target", "bench").toAbsolutePath();
        Path data = replicate(sample, bench.resolve("data-" + copies), copies);
        Path logs = data.resolve("log_data");
        Path csv = bench.resolve("staging_events.csv");
        TestPostgres server = TestPostgres.get();
        report(server);

        for (boolean indexes : new boolean[] {true, false}) {
            for (int round = 1; round <= 2; round++) {
                Settings settings = settings(server, "bench_stage");
                Measurement ours = stageWithSparkify(settings, logs, indexes);
                exportCsv(settings, csv);
                Measurement floor = copyCsv(settings, csv);
                Measurement inserts = insertRowByRow(settings);
                System.out.printf(
                        "%s indexes, round %d: sparkify %s | COPY of prepared CSV %s | single-row INSERT %s%n",
                        indexes ? "with" : "without", round, ours, floor, inserts);
            }
        }
        if (etl) {
            Settings settings = settings(server, "bench_etl");
            try (Warehouse warehouse = Warehouses.open(settings)) {
                Schema.recreate(warehouse);
                long started = System.nanoTime();
                EtlResult result = new EtlPipeline(warehouse, EtlListener.NONE)
                        .run(new EtlOptions(
                                new LocalFileSource(data.resolve("song_data"), DataKind.SONGS),
                                new LocalFileSource(logs, DataKind.EVENTS),
                                false,
                                0));
                System.out.printf(
                        "whole etl: %s, %,d events, %,d songplays in %.1f s%n",
                        result.status(),
                        result.events().read(),
                        result.tables().songplays(),
                        (System.nanoTime() - started) / 1e9);
            }
        }
    }

    private static String defaultSample() {
        String override = System.getenv("SPARKIFY_SAMPLE_DATA");
        return override != null ? override : "../../shared/data/sparkify-sample";
    }

    /** Rows moved and the time it took. */
    private record Measurement(long rows, long nanos) {
        @Override
        public String toString() {
            double seconds = nanos / 1e9;
            return String.format("%,d rows in %.2f s = %,.0f rows/s", rows, seconds, rows / seconds);
        }
    }

    private static void report(TestPostgres server) throws SQLException {
        try (Connection connection = server.admin()) {
            System.out.println("server: " + Rows.single(connection, "SELECT version()"));
            System.out.println("fsync, synchronous_commit, shared_buffers: "
                    + Rows.single(
                            connection,
                            "SELECT current_setting('fsync'), current_setting('synchronous_commit'),"
                                    + " current_setting('shared_buffers')"));
        }
    }

    private static Settings settings(TestPostgres server, String schema) {
        return new SettingsResolver(Map.of(), Path.of("").toAbsolutePath())
                .resolve(new SettingsResolver.Flags(
                        Optional.of(server.url()),
                        Optional.of(schema),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
    }

    /** The sample replicated as the DuckDB benchmark does it (sessions and ts shifted per copy), reused. */
    private static Path replicate(Path sample, Path out, int copies) throws IOException {
        Path logs = out.resolve("log_data");
        if (!Files.isDirectory(logs.resolve(String.format("copy-%04d", copies - 1)))
                || Files.isDirectory(logs.resolve(String.format("copy-%04d", copies)))) {
            deleteTree(out);
            new DatasetReplicator().replicate(sample.resolve("song_data"), sample.resolve("log_data"), out, copies);
        }
        return out;
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The staging loader of the etl: Jackson parse streamed into COPY, in one transaction. */
    private static Measurement stageWithSparkify(Settings settings, Path logs, boolean indexes) throws SQLException {
        try (Warehouse warehouse = Warehouses.open(settings)) {
            Schema.recreate(warehouse);
            if (!indexes) {
                for (String index : List.of("source_file", "play", "user", "load")) {
                    execute(TestWarehouses.jdbc(warehouse), "DROP INDEX staging_events_" + index);
                }
                TestWarehouses.jdbc(warehouse).commit();
            }
            LocalFileSource source = new LocalFileSource(logs, DataKind.EVENTS);
            List<SourceFile> files = source.list();
            FileCounts[] total = {FileCounts.ZERO};
            long started = System.nanoTime();
            warehouse
                    .stagingLoader()
                    .stage(files, source, 1, reject -> {}, (file, counts) -> total[0] = total[0].plus(counts));
            TestWarehouses.jdbc(warehouse).commit();
            return new Measurement(total[0].staged(), System.nanoTime() - started);
        }
    }

    private static void exportCsv(Settings settings, Path csv) throws Exception {
        try (Warehouse warehouse = Warehouses.open(settings);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 16)) {
            TestWarehouses.jdbc(warehouse)
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut("COPY staging_events TO STDOUT (FORMAT csv)", out);
        }
    }

    /** The server's floor: the same rows, already encoded, straight into COPY. */
    private static Measurement copyCsv(Settings settings, Path csv) throws Exception {
        try (Warehouse warehouse = Warehouses.open(settings);
                InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16)) {
            Connection connection = TestWarehouses.jdbc(warehouse);
            execute(connection, "TRUNCATE staging_events");
            connection.commit();
            long started = System.nanoTime();
            long rows = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY staging_events FROM STDIN (FORMAT csv)", in);
            connection.commit();
            return new Measurement(rows, System.nanoTime() - started);
        }
    }

    /** The first rows of the table inserted again one statement per row, in one transaction. */
    private static Measurement insertRowByRow(Settings settings) throws SQLException {
        try (Warehouse warehouse = Warehouses.open(settings)) {
            Connection connection = TestWarehouses.jdbc(warehouse);
            List<Object[]> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT * FROM staging_events LIMIT " + INSERT_ROWS)) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = result.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            execute(connection, "TRUNCATE staging_events");
            connection.commit();
            String placeholders = "?, ".repeat(rows.get(0).length - 1) + "?";
            long started = System.nanoTime();
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO staging_events VALUES (" + placeholders + ")")) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.executeUpdate();
                }
            }
            connection.commit();
            return new Measurement(rows.size(), System.nanoTime() - started);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
