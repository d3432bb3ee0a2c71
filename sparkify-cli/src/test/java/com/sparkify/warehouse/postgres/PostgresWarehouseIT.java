package com.sparkify.warehouse.postgres;

import static com.sparkify.warehouse.Fixtures.T0;
import static com.sparkify.warehouse.Fixtures.play;
import static com.sparkify.warehouse.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.cli.SparkifyCommand;
import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import com.sparkify.pipeline.EtlListener;
import com.sparkify.pipeline.EtlOptions;
import com.sparkify.pipeline.EtlPipeline;
import com.sparkify.pipeline.EtlResult;
import com.sparkify.pipeline.RunStatus;
import com.sparkify.pipeline.Schema;
import com.sparkify.source.DataKind;
import com.sparkify.source.FileSource;
import com.sparkify.source.LocalFileSource;
import com.sparkify.source.SourceFile;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Phase;
import com.sparkify.warehouse.Rows;
import com.sparkify.warehouse.Step;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseContractIT;
import com.sparkify.warehouse.Warehouses;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The warehouse contract on a real PostgreSQL server, each test in a schema of its own. */
class PostgresWarehouseIT extends WarehouseContractIT {
    private String schema;

    @Override
    protected Settings newWarehouse(Path dir) {
        schema = TestPostgres.newSchema("contract");
        return settings(dir, schema);
    }

    static Settings settings(Path dir, String schema) {
        return new SettingsResolver(Map.of(), dir)
                .resolve(new SettingsResolver.Flags(
                        Optional.of(TestPostgres.get().url()),
                        Optional.of(schema),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
    }

    @Test
    void everyTableLivesInTheGivenSchema() {
        writeFixture();
        etl();

        assertThat(query("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
                        + "' ORDER BY table_name"))
                .containsExactly(
                        "'artists'",
                        "'etl_checks'",
                        "'etl_files'",
                        "'etl_runs'",
                        "'etl_unknown_keys'",
                        "'load_errors'",
                        "'songplays'",
                        "'songs'",
                        "'staging_events'",
                        "'staging_events_timed'",
                        "'staging_songs'",
                        "'time'",
                        "'user_levels'",
                        "'users'");
    }

    @Test
    void twoSchemasAreTwoWarehouses() {
        writeFixture();
        etl();
        Settings other = settings(dir, TestPostgres.newSchema("other"));

        try (Warehouse warehouse = Warehouses.open(other)) {
            Schema.ensure(warehouse);
            assertThat(Rows.single(TestWarehouses.jdbc(warehouse), "SELECT COUNT(*) FROM songplays"))
                    .isEqualTo("0");
        }
        assertThat(query("SELECT COUNT(*) FROM songplays")).containsExactly("3");
    }

    /** Every index and constraint of the schema, as the catalog defines it. */
    private static final String INDEXES =
            "SELECT indexname, indexdef FROM pg_indexes" + " WHERE schemaname = current_schema() ORDER BY indexname";

    private static final String CONSTRAINTS = "SELECT conrelid::regclass, conname, pg_get_constraintdef(oid)"
            + " FROM pg_constraint WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2";

    @Test
    void aFirstLoadThatBuildsItsIndexesAfterItsRowsEndsWithTheIndexesTheSchemaDeclares() {
        try (Warehouse warehouse = open()) {
            Schema.ensure(warehouse);
        }
        List<String> indexes = query(INDEXES);
        List<String> constraints = query(CONSTRAINTS);
        writeFixture();

        assertThat(etl().status()).isEqualTo(RunStatus.SUCCEEDED);

        assertThat(indexes).anyMatch(index -> index.startsWith("'songplays_pkey'"));
        assertThat(query(INDEXES)).isEqualTo(indexes);
        assertThat(query(CONSTRAINTS)).isEqualTo(constraints);
    }

    @Test
    void aFirstLoadThatFailsAfterDroppingItsIndexesLeavesThemAndTheNextFirstLoadSucceeds() {
        try (Warehouse warehouse = open()) {
            Schema.ensure(warehouse);
        }
        List<String> indexes = query(INDEXES);
        writeFixture();
        write(logs.resolve("2018/11/2018-11-02-events.json"), "{not json");

        assertThat(etl(0).status()).isEqualTo(RunStatus.TOO_MANY_REJECTS);
        assertThat(query(INDEXES)).isEqualTo(indexes);

        assertThat(etl(1).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(query(INDEXES)).isEqualTo(indexes);
        assertThat(query("SELECT COUNT(*) FROM songplays")).containsExactly("3");
    }

    @Test
    void textThatPostgresCannotHoldIsReplacedNotLost() {
        // JSON may escape U+0000 inside a string; PostgreSQL text cannot hold it, so it is staged as U+FFFD.
        String withNul = play(T0, 1, 0, 5, "Eve", "free", "A\u0000B", "C\\D\tE", 1.5);
        // A raw NUL byte makes the line malformed JSON: it is rejected and its raw text kept, with U+FFFD.
        String rawNul = "{\"page\": \"Home\u0000\"}";
        write(logs.resolve("nul.json"), withNul, rawNul);

        EtlResult result = etl(1);

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(query("SELECT song, artist FROM staging_events")).containsExactly("'A\uFFFDB' | 'C\\D\tE'");
        assertThat(query("SELECT line_number, raw_text FROM load_errors"))
                .containsExactly("2 | '{\"page\": \"Home\uFFFD\"}'");
    }

    @Test
    void aSecondRunOnTheSameSchemaIsRefusedWhileTheFirstHoldsIt() {
        writeFixture();
        try (Warehouse first = open()) {
            first.acquireRunLock();

            assertThatThrownBy(this::etl)
                    .isInstanceOf(SparkifyException.class)
                    .hasMessageStartingWith("Another sparkify run is loading PostgreSQL localhost:"
                            + TestPostgres.get().port() + "/postgres (schema " + schema + ") (server process ")
                    .hasMessageEndingWith("; wait for it to finish, then run again")
                    .extracting(e -> ((SparkifyException) e).code())
                    .isEqualTo(ErrorCode.BUSY);
            try (Warehouse otherSchema = Warehouses.open(settings(dir, TestPostgres.newSchema("free")))) {
                otherSchema.acquireRunLock();
            }
        }
        assertThat(etl().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(query("SELECT run_id, status FROM etl_runs")).containsExactly("1 | 'succeeded'");
    }

    @Test
    void aConnectionLostWhileStagingPublishesNothingAndNamesTheServer() throws SQLException {
        writeFixture();
        etl();
        Map<String, List<String>> before = star();
        List<String> ledgerBefore = query(LEDGER);
        write(
                logs.resolve("2018/11/2018-11-02-events.json"),
                play(T0 + 86_400_000, 60, 0, 9, "Cy", "free", "X", "Y", 1));
        write(
                logs.resolve("2018/11/2018-11-03-events.json"),
                play(T0 + 86_500_000, 61, 0, 9, "Cy", "free", "X", "Y", 1));

        try (Warehouse warehouse = open()) {
            int pid = TestPostgres.backendPid(TestWarehouses.jdbc(warehouse));
            FileSource events = new SessionKillingSource(new LocalFileSource(logs, DataKind.EVENTS), "11-03", pid);
            EtlOptions options = new EtlOptions(new LocalFileSource(songs, DataKind.SONGS), events, false, 0);

            assertThatThrownBy(() -> new EtlPipeline(warehouse, EtlListener.NONE).run(options))
                    .isInstanceOf(SparkifyException.class)
                    .hasMessageStartingWith("Lost the connection to PostgreSQL localhost:"
                            + TestPostgres.get().port() + "/postgres while staging events (at " + logs)
                    .hasMessageContaining("nothing of this run was published")
                    .extracting(e -> ((SparkifyException) e).code())
                    .isEqualTo(ErrorCode.WAREHOUSE_UNREACHABLE);
        }

        assertThat(star()).isEqualTo(before);
        assertThat(query(LEDGER)).isEqualTo(ledgerBefore);
        assertThat(query("SELECT COUNT(*) FROM staging_events WHERE session_id IN (60, 61)"))
                .containsExactly("0");
        assertThat(query("SELECT status FROM etl_runs ORDER BY run_id")).containsExactly("'succeeded'", "'failed'");
        assertThat(etl().tables().songplays()).isEqualTo(5);
    }

    @Test
    void aConnectionLostWhileMergingNamesTheServer() throws SQLException {
        try (Warehouse warehouse = open()) {
            Schema.ensure(warehouse);
            TestPostgres.get().terminate(TestPostgres.backendPid(TestWarehouses.jdbc(warehouse)));

            assertThatThrownBy(() -> warehouse.execute(
                            new Step("merge_time", Phase.TRANSFORM, Map.of("fresh", 0L, "load_id", 1L))))
                    .isInstanceOf(SparkifyException.class)
                    .hasMessageStartingWith("Lost the connection to PostgreSQL localhost:"
                            + TestPostgres.get().port() + "/postgres while running merge_time: ");
        }
    }

    @Test
    void theCommandLineTakesASchema() {
        writeFixture();
        String other = TestPostgres.newSchema("cli");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SparkifyCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String url = TestPostgres.get().url();

        int created = cli.execute("create-tables", "--warehouse", url, "--schema", other);
        int loaded = cli.execute(
                "etl",
                "--warehouse",
                url,
                "--schema",
                other,
                "--songs",
                songs.toString(),
                "--logs",
                logs.toString(),
                "--json");
        int checked = cli.execute("check", "--warehouse", url, "--schema", other);
        int refused = cli.execute("check", "--warehouse", url, "--schema", "no-dashes");

        assertThat(List.of(created, loaded, checked, refused)).containsExactly(0, 0, 0, 3);
        assertThat(out.toString())
                .contains("Created empty tables in PostgreSQL localhost:"
                        + TestPostgres.get().port() + "/postgres (schema " + other + ")");
        assertThat(err.toString().strip())
                .isEqualTo("error: Expected a schema name for --schema (a letter or _, then letters, digits or _,"
                        + " at most 63), found 'no-dashes'");
        try (Warehouse warehouse = Warehouses.open(settings(dir, other))) {
            assertThat(Rows.single(TestWarehouses.jdbc(warehouse), "SELECT COUNT(*) FROM songplays"))
                    .isEqualTo("3");
        }
    }

    @Test
    void checkOnAnEmptySchemaSaysSoAndCreatesNothing() throws SQLException {
        String fresh = TestPostgres.newSchema("never");
        StringWriter err = new StringWriter();
        CommandLine cli = SparkifyCommand.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("check", "--warehouse", TestPostgres.get().url(), "--schema", fresh);

        assertThat(exit).isEqualTo(ErrorCode.EMPTY.exitCode());
        assertThat(err.toString()).startsWith("error: No sparkify tables in PostgreSQL localhost:");
        try (var admin = TestPostgres.get().admin()) {
            assertThat(Rows.single(admin, "SELECT COUNT(*) FROM pg_namespace WHERE nspname = '" + fresh + "'"))
                    .isEqualTo("0");
        }
    }

    /** Local files, except that opening the one whose name holds {@code trigger} first ends a session. */
    private static final class SessionKillingSource implements FileSource {
        private final FileSource files;
        private final String trigger;
        private final int pid;

        SessionKillingSource(FileSource files, String trigger, int pid) {
            this.files = files;
            this.trigger = trigger;
            this.pid = pid;
        }

        @Override
        public List<SourceFile> list() {
            return files.list();
        }

        @Override
        public InputStream open(SourceFile file) throws IOException {
            if (file.uri().contains(trigger)) {
                try {
                    TestPostgres.get().terminate(pid);
                } catch (SQLException e) {
                    throw new UncheckedIOException(new IOException(e));
                }
            }
            return files.open(file);
        }

        @Override
        public String describe() {
            return files.describe();
        }
    }
}
