package com.sparkify.warehouse.spark;

import static com.sparkify.warehouse.Fixtures.T0;
import static com.sparkify.warehouse.Fixtures.play;
import static com.sparkify.warehouse.Fixtures.song;
import static com.sparkify.warehouse.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import com.sparkify.pipeline.EtlListener;
import com.sparkify.pipeline.EtlOptions;
import com.sparkify.pipeline.EtlPipeline;
import com.sparkify.pipeline.EtlResult;
import com.sparkify.pipeline.RunStatus;
import com.sparkify.source.DataKind;
import com.sparkify.source.LocalFileSource;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.spark.Spark3Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Write-audit-publish on Spark: a refused run leaves every table's main as it was and no branch behind, its
 * rejects kept; a publish a killed run began is completed by the next run before anything else.
 */
class SparkRunBranchIT {
    private static final String REFS = "SELECT * FROM ("
            + String.join(
                    " UNION ALL ",
                    RunBranch.TABLES.stream()
                            .map(table ->
                                    "SELECT '" + table + "' AS t, name, snapshot_id FROM sparkify.`" + table + "`.refs")
                            .toList())
            + ") ORDER BY t, name";

    @TempDir
    Path dir;

    @Test
    void aRefusedRunPublishesNothingAndAKilledPublishIsCompletedByTheNextRun() throws Exception {
        Path songs = dir.resolve("song_data");
        Path logs = dir.resolve("log_data");
        Settings settings = settings("spark:" + dir.resolve("lake"));
        write(songs.resolve("A/TRAAA.json"), song("SOAAA", "Hold On", "ARAAA", "The Band", 200.5, 2001));
        write(logs.resolve("day1.json"), play(T0, 10, 0, 7, "Ann", "free", "Hold On", "The Band", 200.5));
        assertThat(etl(settings, songs, logs, 0).status()).isEqualTo(RunStatus.SUCCEEDED);
        List<String> published = query(settings, REFS);
        assertThat(published).as("mains only").allMatch(ref -> ref.contains("| 'main' |"));

        write(
                logs.resolve("day2.json"),
                play(T0 + 60_000, 10, 1, 7, "Ann", "paid", "Hold On", "The Band", 200.5),
                "{\"not json");
        EtlResult refused = etl(settings, songs, logs, 0);

        assertThat(refused.status()).isEqualTo(RunStatus.TOO_MANY_REJECTS);
        assertThat(query(settings, REFS)).as("refs after a refused run").isEqualTo(published);
        assertThat(query(settings, "SELECT COUNT(*) FROM staging_events")).containsExactly("1");
        assertThat(query(settings, "SELECT line_number FROM load_errors")).containsExactly("2");

        // A run killed after it began to publish: its rows are on the branch and the ledger says so.
        try (Warehouse warehouse = Warehouses.open(settings)) {
            warehouse.session().execute("merge_users_by_hand", Map.of());
            Spark3Util.loadIcebergTable(((SparkWarehouse) warehouse).spark(), "lake.sparkify.etl_files")
                    .updateProperties()
                    .set("sparkify.publishing", "true")
                    .commit();
        }
        assertThat(query(settings, "SELECT COUNT(*) FROM users"))
                .as("main before recovery")
                .containsExactly("1");

        try (Warehouse warehouse = Warehouses.open(settings)) {
            warehouse.acquireRunLock();
        }

        assertThat(query(settings, "SELECT user_id FROM users ORDER BY user_id"))
                .containsExactly("7", "99");
        assertThat(query(settings, REFS)).as("no branch left").noneMatch(ref -> ref.contains(RunBranch.NAME));
    }

    private static EtlResult etl(Settings settings, Path songs, Path logs, long maxErrors) {
        try (Warehouse warehouse = Warehouses.open(settings)) {
            return new EtlPipeline(warehouse, EtlListener.NONE)
                    .run(new EtlOptions(
                            new LocalFileSource(songs, DataKind.SONGS),
                            new LocalFileSource(logs, DataKind.EVENTS),
                            false,
                            maxErrors));
        }
    }

    private static List<String> query(Settings settings, String sql) {
        try (Warehouse warehouse = Warehouses.open(settings)) {
            return SparkRows.of(warehouse, sql);
        }
    }

    private static Settings settings(String url) {
        return new SettingsResolver(Map.of(), Path.of("").toAbsolutePath())
                .resolve(new SettingsResolver.Flags(
                        Optional.of(url), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }
}
