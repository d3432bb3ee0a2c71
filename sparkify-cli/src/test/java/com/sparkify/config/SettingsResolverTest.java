package com.sparkify.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsResolverTest {
    private static final String CLASSIC_DWH_CFG =
            """
            [CLUSTER]
            HOST=dwhcluster.abc123.us-west-2.redshift.amazonaws.com
            DB_NAME=dev
            DB_USER=awsuser
            DB_PASSWORD=Passw0rd
            DB_PORT=5439

            [IAM_ROLE]
            ARN='arn:aws:iam::123456789012:role/dwhRole'

            [S3]
            LOG_DATA='s3://udacity-dend/log_data'
            LOG_JSONPATH='s3://udacity-dend/log_json_path.json'
            SONG_DATA='s3://udacity-dend/song_data'
            """;

    @TempDir
    Path dir;

    private Settings resolve(Map<String, String> env, SettingsResolver.Flags flags) {
        return new SettingsResolver(env, dir).resolve(flags);
    }

    @Test
    void readsTheClassicDwhCfgLayout() throws IOException {
        Files.writeString(dir.resolve("dwh.cfg"), CLASSIC_DWH_CFG);

        Settings settings = resolve(Map.of(), SettingsResolver.Flags.none());

        assertThat(settings.songs()).contains("s3://udacity-dend/song_data");
        assertThat(settings.logs()).contains("s3://udacity-dend/log_data");
        assertThat(settings.logJsonPath()).contains("s3://udacity-dend/log_json_path.json");
        assertThat(settings.iamRoleArn()).contains("arn:aws:iam::123456789012:role/dwhRole");
        assertThat(settings.cluster().user()).contains("awsuser");
        assertThat(settings.cluster().port()).contains(5439);
        assertThat(settings.cluster().password().map(Secret::reveal)).contains("Passw0rd");
        assertThat(settings.warehouseUrl())
                .isEqualTo("jdbc:redshift://dwhcluster.abc123.us-west-2.redshift.amazonaws.com:5439/dev");
        assertThat(settings.toString()).doesNotContain("Passw0rd");
    }

    @Test
    void flagsBeatEnvironmentBeatFile() throws IOException {
        Files.writeString(
                dir.resolve("dwh.cfg"),
                "[WAREHOUSE]\nURL = jdbc:duckdb:file.duckdb\n[S3]\nSONG_DATA=file-songs\nLOG_DATA=file-logs\n");
        Map<String, String> env = Map.of("SPARKIFY_WAREHOUSE", "jdbc:duckdb:env.duckdb", "SPARKIFY_SONGS", "env-songs");
        SettingsResolver.Flags flags = new SettingsResolver.Flags(
                Optional.of("jdbc:duckdb:flag.duckdb"), Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(resolve(Map.of(), SettingsResolver.Flags.none()).warehouseUrl())
                .isEqualTo("jdbc:duckdb:file.duckdb");
        assertThat(resolve(env, SettingsResolver.Flags.none()).warehouseUrl()).isEqualTo("jdbc:duckdb:env.duckdb");
        assertThat(resolve(env, flags).warehouseUrl()).isEqualTo("jdbc:duckdb:flag.duckdb");
        assertThat(resolve(env, flags).songs()).contains("env-songs");
        assertThat(resolve(env, flags).logs()).contains("file-logs");
    }

    @Test
    void defaultsToAnEmbeddedWarehouseWithoutConfig() {
        Settings settings = resolve(Map.of(), SettingsResolver.Flags.none());

        assertThat(settings.warehouseUrl()).isEqualTo("jdbc:duckdb:sparkify.duckdb");
        assertThat(settings.configFile()).isEmpty();
        assertThat(settings.songs()).isEmpty();
    }

    @Test
    void missingExplicitConfigIsAConfigError() {
        SettingsResolver.Flags flags = new SettingsResolver.Flags(
                Optional.empty(), Optional.of(Path.of("nope.cfg")), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> resolve(Map.of(), flags))
                .isInstanceOf(SparkifyException.class)
                .hasMessageContaining("nope.cfg")
                .extracting(e -> ((SparkifyException) e).code())
                .isEqualTo(ErrorCode.CONFIG);
    }

    @Test
    void badPortAndBadLinesAreConfigErrorsNamingTheLine() throws IOException {
        Files.writeString(dir.resolve("dwh.cfg"), "[CLUSTER]\nDB_PORT=abc\n");
        assertThatThrownBy(() -> resolve(Map.of(), SettingsResolver.Flags.none()))
                .hasMessageContaining("DB_PORT")
                .hasMessageContaining("abc");

        Files.writeString(dir.resolve("dwh.cfg"), "[S3]\njust some words\n");
        assertThatThrownBy(() -> resolve(Map.of(), SettingsResolver.Flags.none()))
                .hasMessageContaining("line 2");
    }

    @Test
    void warnsWhenAConfigWithAPasswordIsWorldReadable() throws IOException {
        Path config = dir.resolve("dwh.cfg");
        Files.writeString(config, CLASSIC_DWH_CFG);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(resolve(Map.of(), SettingsResolver.Flags.none()).warnings())
                .singleElement()
                .asString()
                .contains("chmod 600")
                .doesNotContain("Passw0rd");

        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        assertThat(resolve(Map.of(), SettingsResolver.Flags.none()).warnings()).isEmpty();
    }

    @Test
    void engineOptionsComeFromTheEnvironmentOnceAndThePasswordIsNeverShown() {
        Settings settings = resolve(
                Map.of("SPARKIFY_DUCKDB_MEMORY_LIMIT", " 2GB", "PGUSER", "ann", "PGPASSWORD", "hunter22"),
                SettingsResolver.Flags.none());

        assertThat(settings.engine().duckDbMemoryLimit()).contains(" 2GB");
        assertThat(settings.engine().pgUser()).contains("ann");
        assertThat(settings.engine().pgPassword().map(Secret::reveal)).contains("hunter22");
        assertThat(settings.toString()).doesNotContain("hunter22");
    }

    @Test
    void emptyPostgresCredentialsInTheEnvironmentCountAsUnset() {
        Settings settings = resolve(
                Map.of("PGUSER", "", "PGPASSWORD", "", "PGSSLMODE", "", "PGPASSFILE", ""),
                SettingsResolver.Flags.none());

        assertThat(settings.engine().pgUser()).isEmpty();
        assertThat(settings.engine().pgPassword()).isEmpty();
        assertThat(settings.engine().pgSsl()).isEmpty();
        assertThat(settings.engine().passwordFile())
                .contains(new PasswordFile(Path.of(System.getProperty("user.home"), ".pgpass")));
        assertThat(EngineOptions.none().pgUser()).isEmpty();
    }

    @Test
    void credentialsRankFlagThenEnvironmentThenConfigFile() throws IOException {
        Files.writeString(
                dir.resolve("dwh.cfg"),
                "[CLUSTER]\nDB_USER=cfg_user\nDB_PASSWORD=cfg_pw\n[WAREHOUSE]\nURL=jdbc:postgresql://h/db\n");
        Map<String, String> environment = Map.of("PGUSER", "env_user", "PGPASSWORD", "env_pw");
        Login inUrl = new Login(Optional.of("url_user"), Optional.of(new Secret("url_pw")));
        Login passwordOnlyInUrl = new Login(Optional.empty(), Optional.of(new Secret("url_pw")));

        Settings fromFlag = resolve(environment, SettingsResolver.Flags.warehouse("jdbc:postgresql://h/db"));
        Settings fromEnvironment = resolve(
                Map.of("SPARKIFY_WAREHOUSE", "jdbc:postgresql://h/db", "PGUSER", "env_user"),
                SettingsResolver.Flags.none());
        Settings fromFile = resolve(environment, SettingsResolver.Flags.none());
        Settings fileOnly = resolve(Map.of(), SettingsResolver.Flags.none());

        assertThat(fromFlag.warehouseOrigin()).isEqualTo(Settings.Origin.FLAG);
        assertThat(fromFlag.login(inUrl)).isEqualTo(inUrl);
        assertThat(fromFlag.login(Login.none()))
                .isEqualTo(new Login(Optional.of("env_user"), Optional.of(new Secret("env_pw"))));
        assertThat(fromEnvironment.warehouseOrigin()).isEqualTo(Settings.Origin.ENVIRONMENT);
        assertThat(fromEnvironment.login(passwordOnlyInUrl))
                .as("each part on its own: the URL's password, PGUSER, never the config's user")
                .isEqualTo(new Login(Optional.of("env_user"), Optional.of(new Secret("url_pw"))));
        assertThat(fromFile.warehouseOrigin()).isEqualTo(Settings.Origin.CONFIG_FILE);
        assertThat(fromFile.login(inUrl))
                .as("a login in the config file's URL ranks with the config file, below the environment")
                .isEqualTo(new Login(Optional.of("env_user"), Optional.of(new Secret("env_pw"))));
        assertThat(fileOnly.login(passwordOnlyInUrl))
                .isEqualTo(new Login(Optional.of("cfg_user"), Optional.of(new Secret("url_pw"))));
        assertThat(fileOnly.login(Login.none()))
                .isEqualTo(new Login(Optional.of("cfg_user"), Optional.of(new Secret("cfg_pw"))));
    }

    @Test
    void aPasswordFileOthersCanReadIsIgnoredWithAWarningAsLibpqDoes() throws IOException {
        Path file = Files.writeString(dir.resolve("pgpass"), "*:*:*:*:secret\n");
        Map<String, String> environment = Map.of("PGPASSFILE", file.toString());
        SettingsResolver.Flags postgres = SettingsResolver.Flags.warehouse("jdbc:postgresql://h/db");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Settings loose = resolve(environment, postgres);
        Settings duckDb = resolve(environment, SettingsResolver.Flags.none());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Settings tight = resolve(environment, postgres);

        assertThat(loose.engine().passwordFile()).isEmpty();
        assertThat(loose.warnings())
                .containsExactly("password file " + file + " has group or world access, so it is ignored, as psql"
                        + " ignores it; run: chmod 600 " + file);
        assertThat(duckDb.warnings())
                .as("no warning for a warehouse that reads no password file")
                .isEmpty();
        assertThat(tight.engine().passwordFile()).contains(new PasswordFile(file));
        assertThat(tight.warnings()).isEmpty();
    }
}
