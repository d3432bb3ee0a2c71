package com.sparkify.warehouse.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.analytics.Analysis;
import com.sparkify.analytics.AnalyticsQueries;
import com.sparkify.analytics.Period;
import com.sparkify.analytics.QueryResult;
import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import com.sparkify.pipeline.EtlListener;
import com.sparkify.pipeline.EtlOptions;
import com.sparkify.pipeline.EtlPipeline;
import com.sparkify.pipeline.EtlResult;
import com.sparkify.pipeline.RunStatus;
import com.sparkify.source.DataKind;
import com.sparkify.source.LocalFileSource;
import com.sparkify.testing.SampleData;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.ReadQuery;
import com.sparkify.warehouse.Rows;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Sparkify sample loaded through the Spark engine (Iceberg tables, the Java parser in Spark tasks)
 * and through DuckDB must give the same star schema, row by row, every value rendered exactly, and the
 * same rejects, staged rows, level history and answers of every analysis; a second run over the same files
 * changes nothing. Skipped
 * without the sample, as {@link SampleData} says.
 */
class SparkEquivalenceIT {
    private static final String REJECTS =
            "SELECT kind, source_file, line_number, reason, raw_text FROM load_errors ORDER BY source_file, line_number";
    private static final String STAGED = "SELECT (SELECT COUNT(*) FROM staging_events), (SELECT COUNT(*) FROM"
            + " staging_songs), (SELECT SUM(source_record) FROM staging_events)";
    private static final String LEVELS = "SELECT * FROM user_levels ORDER BY user_id, valid_from";
    /** The snapshot main points at in every published table. */
    private static final String MAINS = "SELECT * FROM ("
            + String.join(
                    " UNION ALL ",
                    RunBranch.TABLES.stream()
                            .map(table -> "SELECT '" + table + "' AS t, snapshot_id FROM sparkify.`" + table
                                    + "`.refs WHERE name = 'main'")
                            .toList())
            + ") ORDER BY t";

    @TempDir
    Path dir;

    @Test
    void sparkAndDuckDbBuildTheSameStarSchemaFromTheSampleAndARerunChangesNothing() {
        Path sample = SampleData.folder();
        Settings duckDb = settings("jdbc:duckdb:" + dir.resolve("sample.duckdb"));
        Settings spark = settings("spark:" + dir.resolve("lake"));

        EtlResult duckDbRun = load(duckDb, sample);
        EtlResult sparkRun = load(spark, sample);

        assertThat(duckDbRun.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(sparkRun.status()).as(String.valueOf(sparkRun)).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(sparkRun.songs()).isEqualTo(duckDbRun.songs());
        assertThat(sparkRun.events()).isEqualTo(duckDbRun.events());
        assertThat(sparkRun.tables()).isEqualTo(duckDbRun.tables());
        assertThat(duckDbRun.tables().songplays()).isPositive();
        assertThat(duckDbRun.tables().matchedSongplays()).isPositive();

        Map<String, List<String>> expected =
                dump(duckDb, (warehouse, sql) -> Rows.of(TestWarehouses.jdbc(warehouse), sql));
        Map<String, List<String>> loaded = dump(spark, SparkRows::of);
        for (String table : expected.keySet()) {
            assertSameRows(table, expected.get(table), loaded.get(table));
        }

        assertThat(readOnly(spark, "DELETE FROM songplays"))
                .as("a write through a read-only query")
                .hasMessageContaining("only a query")
                .extracting(e -> ((SparkifyException) e).code())
                .isEqualTo(ErrorCode.USAGE);
        assertThat(query(spark, "SELECT COUNT(*) FROM songplays"))
                .containsExactly(Long.toString(duckDbRun.tables().songplays()));

        List<String> mains = query(spark, MAINS);
        assertThat(mains).as("published tables").hasSize(RunBranch.TABLES.size());
        EtlResult rerun = load(spark, sample);

        assertThat(rerun.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(rerun.total().read()).as("records read again").isZero();
        assertThat(dump(spark, SparkRows::of)).isEqualTo(loaded);
        assertThat(query(spark, MAINS)).as("the snapshots main points at").isEqualTo(mains);
    }

    private static Map<String, List<String>> dump(Settings settings, BiFunction<Warehouse, String, List<String>> rows) {
        try (Warehouse warehouse = Warehouses.open(settings)) {
            Map<String, List<String>> tables = new java.util.LinkedHashMap<>();
            Rows.STAR.forEach((table, sql) -> tables.put(table, rows.apply(warehouse, sql)));
            tables.put("load_errors", rows.apply(warehouse, REJECTS));
            tables.put("staging", rows.apply(warehouse, STAGED));
            tables.put("user_levels", rows.apply(warehouse, LEVELS));
            AnalyticsQueries queries = new AnalyticsQueries(warehouse);
            Period period = Period.parse("2018-11-10", "2018-11-20");
            // Over a period only: the same SQL as over all time, with the bounds bound as parameters too.
            for (Analysis analysis : Analysis.values()) {
                tables.put(analysis.queryName() + " in a period", rendered(queries.run(analysis, 20, period)));
            }
            return tables;
        }
    }

    private static Throwable readOnly(Settings settings, String sql) {
        try (Warehouse warehouse = Warehouses.openExisting(settings)) {
            return org.assertj.core.api.Assertions.catchThrowable(
                    () -> warehouse.reader().read(new ReadQuery("a read-only query", sql, List.of(), true), 10, null));
        }
    }

    private static List<String> rendered(QueryResult result) {
        return result.rows().stream().map(String::valueOf).toList();
    }

    private static List<String> query(Settings settings, String sql) {
        try (Warehouse warehouse = Warehouses.open(settings)) {
            return SparkRows.of(warehouse, sql);
        }
    }

    private static EtlResult load(Settings settings, Path sample) {
        try (Warehouse warehouse = Warehouses.open(settings)) {
            return new EtlPipeline(warehouse, EtlListener.NONE)
                    .run(new EtlOptions(
                            new LocalFileSource(sample.resolve("song_data"), DataKind.SONGS),
                            new LocalFileSource(sample.resolve("log_data"), DataKind.EVENTS),
                            false,
                            Long.MAX_VALUE));
        }
    }

    private static Settings settings(String url) {
        return new SettingsResolver(Map.of(), Path.of("").toAbsolutePath())
                .resolve(new SettingsResolver.Flags(
                        Optional.of(url), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private static void assertSameRows(String table, List<String> duckDb, List<String> spark) {
        for (int i = 0; i < Math.min(duckDb.size(), spark.size()); i++) {
            assertThat(spark.get(i))
                    .as("%s row %d of %d (DuckDB vs Spark)", table, i + 1, duckDb.size())
                    .isEqualTo(duckDb.get(i));
        }
        assertThat(spark).as("%s rows", table).hasSameSizeAs(duckDb);
    }
}
