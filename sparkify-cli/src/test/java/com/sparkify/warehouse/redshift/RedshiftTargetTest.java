package com.sparkify.warehouse.redshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import com.sparkify.warehouse.WarehouseFactory;
import com.sparkify.warehouse.duckdb.DuckDbWarehouseFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedshiftTargetTest {
    @TempDir
    Path dir;

    private Settings settings(String url) throws Exception {
        return settings(url, Map.of());
    }

    private Settings settings(String url, Map<String, String> environment) throws Exception {
        Files.writeString(
                dir.resolve("dwh.cfg"),
                "[CLUSTER]\nHOST=dwhcluster.abc.us-west-2.redshift.amazonaws.com\nDB_NAME=dev\nDB_USER=awsuser\n"
                        + "DB_PASSWORD=Passw0rdSecret\nDB_PORT=5439\n");
        return new SettingsResolver(environment, dir)
                .resolve(new SettingsResolver.Flags(
                        Optional.ofNullable(url), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void theClusterOfTheClassicConfigIsARedshiftWarehouse() throws Exception {
        RedshiftTarget target = RedshiftTarget.of(settings(null));

        assertThat(target.url()).isEqualTo("jdbc:redshift://dwhcluster.abc.us-west-2.redshift.amazonaws.com:5439/dev");
        assertThat(target.describe())
                .isEqualTo("Redshift dwhcluster.abc.us-west-2.redshift.amazonaws.com:5439/dev as awsuser");
        assertThat(target.connectionProperties())
                .containsEntry("user", "awsuser")
                .containsEntry("password", "Passw0rdSecret")
                // the driver's default read-ahead of 1G would not fit the launcher's heap while a query streams
                .containsEntry("fetchRingBufferSize", "32M");
        assertThat(target.toString()).doesNotContain("Passw0rdSecret");
    }

    @Test
    void credentialsInTheUrlWinOverTheConfig() throws Exception {
        RedshiftTarget target =
                RedshiftTarget.of(settings("jdbc:redshift://h.example.com:5439/sparkify?UID=etl&PWD=UrlSecret1"));

        assertThat(target.connectionProperties()).doesNotContainKeys("user", "password");
        assertThat(target.describe())
                .isEqualTo("Redshift h.example.com:5439/sparkify")
                .doesNotContain("UrlSecret1");
        assertThat(target.redact(
                        "FATAL: bad login for jdbc:redshift://h.example.com:5439/sparkify?UID=etl&PWD=UrlSecret1"))
                .doesNotContain("UrlSecret1");
    }

    @Test
    void pgUserAndPgPasswordBeatTheConfigAsPsqlUsersExpect() throws Exception {
        Map<String, String> environment = Map.of("PGUSER", "etl", "PGPASSWORD", "EnvSecret9");

        RedshiftTarget fromEnvironment = RedshiftTarget.of(settings(null, environment));
        RedshiftTarget passwordOnly = RedshiftTarget.of(settings(null, Map.of("PGPASSWORD", "EnvSecret9")));

        assertThat(fromEnvironment.connectionProperties())
                .containsEntry("user", "etl")
                .containsEntry("password", "EnvSecret9");
        assertThat(fromEnvironment.redact("bad login (EnvSecret9)")).doesNotContain("EnvSecret9");
        assertThat(passwordOnly.connectionProperties())
                .containsEntry("user", "awsuser")
                .containsEntry("password", "EnvSecret9");
    }

    @Test
    void aLoginInTheFlagsUrlBeatsTheEnvironment() throws Exception {
        RedshiftTarget target = RedshiftTarget.of(settings(
                "jdbc:redshift://h.example.com:5439/sparkify?UID=etl&PWD=UrlSecret1",
                Map.of("PGUSER", "env_user", "PGPASSWORD", "EnvSecret9")));

        assertThat(target.connectionProperties()).doesNotContainKeys("user", "password");
        assertThat(target.url()).isEqualTo("jdbc:redshift://h.example.com:5439/sparkify?UID=etl&PWD=UrlSecret1");
    }

    @Test
    void theEnvironmentBeatsALoginInTheConfigFilesUrl() throws Exception {
        Files.writeString(
                dir.resolve("dwh.cfg"),
                "[WAREHOUSE]\nURL=jdbc:redshift://h.example.com:5439/dev?PWD=Stale1&ssl=true;UID=cfg\n");

        RedshiftTarget target = RedshiftTarget.of(
                new SettingsResolver(Map.of("PGPASSWORD", "EnvSecret9"), dir).resolve(SettingsResolver.Flags.none()));

        assertThat(target.url()).isEqualTo("jdbc:redshift://h.example.com:5439/dev?ssl=true;UID=cfg");
        assertThat(target.connectionProperties())
                .containsEntry("password", "EnvSecret9")
                .doesNotContainKey("user");
    }

    @Test
    void theConfigPasswordNeverShowsInAMessage() throws Exception {
        RedshiftTarget target = RedshiftTarget.of(settings(null));

        assertThat(target.redact("password authentication failed (Passw0rdSecret)"))
                .doesNotContain("Passw0rdSecret");
    }

    @Test
    void aUrlWithoutAHostIsAConfigurationError() throws Exception {
        Settings settings = settings("jdbc:redshift:nothing");

        assertThatThrownBy(() -> RedshiftTarget.of(settings))
                .isInstanceOf(SparkifyException.class)
                .hasMessageStartingWith("Expected a Redshift URL like jdbc:redshift://HOST:5439/DATABASE")
                .extracting(e -> ((SparkifyException) e).code())
                .isEqualTo(ErrorCode.CONFIG);
    }

    @Test
    void redshiftUrlsAreClaimedByRedshiftAlone() {
        WarehouseFactory redshift = new RedshiftWarehouseFactory();
        WarehouseFactory duckdb = new DuckDbWarehouseFactory();

        assertThat(redshift.handlesJdbcUrl("jdbc:redshift://h:5439/dev")).isTrue();
        assertThat(redshift.handlesJdbcUrl("jdbc:redshift:iam://h:5439/dev")).isTrue();
        assertThat(redshift.handlesJdbcUrl("jdbc:postgresql://h:5432/dev")).isFalse();
        assertThat(duckdb.handlesJdbcUrl("jdbc:redshift://h:5439/dev")).isFalse();
    }

    @Test
    void anUnreachableClusterIsExitFiveWithoutThePassword() throws Exception {
        Settings settings = settings("jdbc:redshift://127.0.0.1:1/dev?loginTimeout=2");

        assertThatThrownBy(() -> com.sparkify.warehouse.Warehouses.open(settings))
                .isInstanceOf(SparkifyException.class)
                .hasMessageStartingWith("Cannot connect to Redshift 127.0.0.1:1/dev as awsuser: ")
                .hasMessageNotContaining("Passw0rdSecret")
                .extracting(e -> ((SparkifyException) e).code())
                .isEqualTo(ErrorCode.WAREHOUSE_UNREACHABLE);
    }
}
