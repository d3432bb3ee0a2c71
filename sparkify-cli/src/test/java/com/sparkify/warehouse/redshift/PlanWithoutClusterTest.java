package com.sparkify.warehouse.redshift;

import static com.sparkify.warehouse.redshift.RedshiftSqlOnPostgresIT.gzip;
import static com.sparkify.warehouse.redshift.RedshiftSqlOnPostgresIT.play;
import static com.sparkify.warehouse.redshift.RedshiftSqlOnPostgresIT.song;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import com.sparkify.pipeline.DryRun;
import com.sparkify.pipeline.EtlOptions;
import com.sparkify.pipeline.EtlPreview;
import com.sparkify.source.DataKind;
import com.sparkify.warehouse.JdbcWarehouse;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code etl --plan} on Redshift with no cluster to reach: the same SQL a reachable, empty warehouse plans (the
 * golden plan), with a placeholder for the role the cluster's creation writes into the config.
 */
class PlanWithoutClusterTest {
    private static final String GOLDEN_ROLE = "arn:aws:iam::123456789012:role/dwhRole";

    @TempDir
    Path dir;

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private EtlOptions sources() throws Exception {
        Path songs = Files.createDirectories(dir.resolve("songs"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(songs.resolve("a.json"), song("SO1", "T1", "AR1"));
        Files.writeString(logs.resolve("day1.json"), play(1541105830796L, 5, 1, "7", "T1") + "\n");
        Files.writeString(logs.resolve("day2.json"), play(1541192230796L, 6, 1, "7", "T1") + "\n");
        gzip(logs.resolve("day2.json"));
        return new EtlOptions(
                new S3Folder(songs, DataKind.SONGS, "s3://sparkify-test/song_data"),
                new S3Folder(logs, DataKind.EVENTS, "s3://sparkify-test/log_data"),
                false,
                0);
    }

    @Test
    void theGoldenPlanWithAPlaceholderForTheRoleAndNoConnection() throws Exception {
        int port = closedPort();
        Files.writeString(
                dir.resolve("dwh.cfg"),
                RedshiftSqlOnPostgresIT.CONFIG.replace("ARN = " + GOLDEN_ROLE + "\n", "")
                        + "[CLUSTER]\nHOST = 127.0.0.1\nDB_PORT = " + port + "\nDB_NAME = dev\nDB_USER = awsuser\n"
                        + "DB_PASSWORD = Passw0rdSecret\n");
        Settings settings = new SettingsResolver(Map.of(), dir).resolve(SettingsResolver.Flags.none());
        EtlOptions options = sources();

        EtlPreview preview;
        try (Warehouse warehouse = Warehouses.openToPlan(settings)) {
            preview = new DryRun(warehouse).preview(options);

            assertThat(warehouse).isNotInstanceOf(JdbcWarehouse.class);
            assertThatThrownBy(warehouse::reader).isInstanceOf(IllegalStateException.class);
        }

        String golden = Files.readString(
                Path.of("src", "test", "resources", "warehouse", "redshift", "plan.sql"), StandardCharsets.UTF_8);
        String printed = RedshiftSqlOnPostgresIT.printed(preview);
        assertThat(printed).contains("IAM_ROLE '" + PlanWithoutCluster.ROLE_PLACEHOLDER + "'");
        assertThat(printed.replace(PlanWithoutCluster.ROLE_PLACEHOLDER, GOLDEN_ROLE))
                .isEqualTo(golden);
        assertThat(preview.loadId()).isEqualTo(1);
        assertThat(preview.files()).extracting(EtlPreview.PlannedFile::action).containsOnly(EtlPreview.Action.NEW);
        assertThat(preview.warehouse())
                .startsWith("Redshift 127.0.0.1:" + port + "/dev as awsuser, not reachable (")
                .endsWith("): planned as for an empty warehouse")
                .doesNotContain("Passw0rdSecret");
    }

    @Test
    void aRoleInTheConfigIsPlannedAsIs() throws Exception {
        Files.writeString(
                dir.resolve("dwh.cfg"),
                RedshiftSqlOnPostgresIT.CONFIG + "[CLUSTER]\nHOST = 127.0.0.1\nDB_PORT = " + closedPort() + "\n");
        Settings settings = new SettingsResolver(Map.of(), dir).resolve(SettingsResolver.Flags.none());
        EtlOptions options = sources();

        try (Warehouse warehouse = Warehouses.openToPlan(settings)) {
            assertThat(new DryRun(warehouse).preview(options).statements())
                    .anyMatch(statement -> statement.contains("IAM_ROLE '" + GOLDEN_ROLE + "'"))
                    .noneMatch(statement -> statement.contains(PlanWithoutCluster.ROLE_PLACEHOLDER));
        }
    }
}
