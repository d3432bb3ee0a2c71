package com.sparkify.warehouse.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.Cluster;
import com.sparkify.config.EngineOptions;
import com.sparkify.config.Secret;
import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresTargetTest {
    private static Settings settings(String url, Optional<String> schema, Cluster cluster) {
        return new Settings(
                url,
                schema,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                cluster,
                Optional.empty(),
                Optional.empty(),
                List.of());
    }

    private static Settings settings(String url) {
        return settings(url, Optional.empty(), Cluster.none());
    }

    private static Cluster cluster(String user, String password) {
        return new Cluster(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(user),
                Optional.of(new Secret(password)));
    }

    @Test
    void readsHostPortDatabaseAndDefaultsTheSchemaToPublic() {
        PostgresTarget target = PostgresTarget.of(settings("jdbc:postgresql://db.example.com:6543/music"));

        assertThat(target.describe()).isEqualTo("PostgreSQL db.example.com:6543/music (schema public)");
        assertThat(target.user()).isEmpty();
        assertThat(target.password()).isEmpty();
    }

    @Test
    void theUrlBeatsTheEnvironmentWhichBeatsTheConfig() {
        EngineOptions environment = EngineOptions.from(Map.of("PGUSER", "env_user", "PGPASSWORD", "env_secret"));
        String bare = "jdbc:postgresql://h/db";
        String withParameters = bare + "?user=url_user&password=url_secret";

        PostgresTarget fromUrl =
                PostgresTarget.of(settings(withParameters, Optional.empty(), cluster("cfg_user", "cfg_pw"))
                        .withEngine(environment));
        PostgresTarget fromEnvironment = PostgresTarget.of(
                settings(bare, Optional.empty(), cluster("cfg_user", "cfg_pw")).withEngine(environment));
        PostgresTarget fromConfig = PostgresTarget.of(settings(bare, Optional.empty(), cluster("cfg_user", "cfg_pw")));

        assertThat(fromUrl.connectionProperties())
                .containsEntry("user", "url_user")
                .containsEntry("password", "url_secret");
        assertThat(fromUrl.url()).as("the login goes as properties alone").isEqualTo(bare);
        assertThat(fromEnvironment.connectionProperties())
                .containsEntry("user", "env_user")
                .containsEntry("password", "env_secret");
        assertThat(fromConfig.connectionProperties())
                .containsEntry("user", "cfg_user")
                .containsEntry("password", "cfg_pw");
    }

    @Test
    void theEnvironmentBeatsALoginInTheConfigFilesUrl(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("dwh.cfg"),
                "[WAREHOUSE]\nURL=jdbc:postgresql://h/db?ssl=false&user=cfg_user&password=stale_pw\n");

        PostgresTarget target = PostgresTarget.of(
                new SettingsResolver(Map.of("PGPASSWORD", "env_secret"), dir).resolve(SettingsResolver.Flags.none()));

        assertThat(target.connectionProperties())
                .containsEntry("user", "cfg_user")
                .containsEntry("password", "env_secret");
        assertThat(target.url()).isEqualTo("jdbc:postgresql://h/db?ssl=false");
    }

    @Test
    void thePasswordFileGivesAPasswordOnlyWhenNothingElseDoes(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pgpass"), "h:5433:db:ann:from_file\n*:*:*:*:other\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        EngineOptions environment = EngineOptions.from(Map.of("PGPASSFILE", file.toString()));
        EngineOptions withPassword =
                EngineOptions.from(Map.of("PGPASSFILE", file.toString(), "PGPASSWORD", "env_secret"));

        PostgresTarget fromFile = PostgresTarget.of(
                settings("jdbc:postgresql://h:5433/db?user=ann").withEngine(environment));
        PostgresTarget otherDatabase = PostgresTarget.of(
                settings("jdbc:postgresql://h:5433/db2?user=ann").withEngine(environment));
        PostgresTarget fromEnvironment = PostgresTarget.of(
                settings("jdbc:postgresql://h:5433/db?user=ann").withEngine(withPassword));

        assertThat(fromFile.password().map(Secret::reveal)).contains("from_file");
        assertThat(fromFile.redact("failed: from_file")).isEqualTo("failed: ****");
        assertThat(otherDatabase.password().map(Secret::reveal)).contains("other");
        assertThat(fromEnvironment.password().map(Secret::reveal)).contains("env_secret");
    }

    @Test
    void libpqsTlsVariablesApplyUnlessTheUrlSetsThem() {
        EngineOptions environment = EngineOptions.from(
                Map.of("PGSSLMODE", "verify-full", "PGSSLROOTCERT", "/etc/ca.pem", "PGSSLCERT", "/c.pem"));

        PostgresTarget plain =
                PostgresTarget.of(settings("jdbc:postgresql://h/db").withEngine(environment));
        PostgresTarget urlMode = PostgresTarget.of(
                settings("jdbc:postgresql://h/db?sslmode=disable").withEngine(environment));
        PostgresTarget urlSsl =
                PostgresTarget.of(settings("jdbc:postgresql://h/db?ssl=true").withEngine(environment));

        assertThat(plain.connectionProperties())
                .containsEntry("sslmode", "verify-full")
                .containsEntry("sslrootcert", "/etc/ca.pem")
                .containsEntry("sslcert", "/c.pem")
                .doesNotContainKey("sslkey");
        assertThat(urlMode.connectionProperties())
                .doesNotContainKey("sslmode")
                .containsEntry("sslrootcert", "/etc/ca.pem");
        assertThat(urlSsl.connectionProperties()).doesNotContainKey("sslmode");
        assertThatThrownBy(() -> PostgresTarget.of(settings("jdbc:postgresql://h/db")
                        .withEngine(EngineOptions.from(Map.of("PGSSLMODE", "required")))))
                .isInstanceOf(SparkifyException.class)
                .hasMessage("Expected PGSSLMODE to be disable, allow, prefer, require, verify-ca or verify-full, found"
                        + " 'required'")
                .extracting(e -> ((SparkifyException) e).code())
                .isEqualTo(ErrorCode.CONFIG);
    }

    @Test
    void userInfoIsTakenOutOfTheUrlAndPercentDecoded() {
        PostgresTarget target =
                PostgresTarget.of(settings("jdbc:postgresql://ann:p%40ss%3Aw%C3%B6rd@h:5433/db?ssl=false"));

        assertThat(target.url()).isEqualTo("jdbc:postgresql://h:5433/db?ssl=false");
        assertThat(target.user()).contains("ann");
        assertThat(target.password().map(Secret::reveal)).contains("p@ss:wörd");
        assertThat(target.describe())
                .isEqualTo("PostgreSQL h:5433/db (schema public)")
                .doesNotContain("p@ss");
    }

    @Test
    void aUrlPgjdbcCannotReadIsAConfigErrorWithoutThePassword() {
        assertThatThrownBy(() -> PostgresTarget.of(settings("jdbc:postgresql://h:notaport/db?password=hunter22")))
                .isInstanceOf(SparkifyException.class)
                .hasMessage("Expected a PostgreSQL URL like jdbc:postgresql://HOST:PORT/DATABASE, found"
                        + " 'jdbc:postgresql://h:notaport/db?password=****'; check --warehouse")
                .extracting(e -> ((SparkifyException) e).code())
                .isEqualTo(ErrorCode.CONFIG);
    }

    @Test
    void theSchemaIsQuotedAsAnIdentifier() {
        assertThat(PostgresConnector.quoteIdentifier("Analytics_2024")).isEqualTo("\"Analytics_2024\"");
        assertThatThrownBy(() -> PostgresConnector.quoteIdentifier("x\"; DROP SCHEMA public; --"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostgresConnector.quoteIdentifier("a".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redactsThePasswordFromAnyText() {
        PostgresTarget target = PostgresTarget.of(settings("jdbc:postgresql://h/db?password=s3cr3t!"));

        assertThat(target.redact("failed with s3cr3t! in it")).isEqualTo("failed with **** in it");
    }

    @Test
    void theRunLockKeyDependsOnTheSchemaOnly() {
        assertThat(RunLock.key("public")).isEqualTo(RunLock.key("public"));
        assertThat(RunLock.key("public")).isNotEqualTo(RunLock.key("Public"));
    }

    @Test
    void redshiftUrlsAreNotOurs() {
        PostgresWarehouseFactory factory = new PostgresWarehouseFactory();

        assertThat(factory.handlesJdbcUrl("jdbc:postgresql://h/db")).isTrue();
        assertThat(factory.handlesJdbcUrl("jdbc:redshift://cluster:5439/dev")).isFalse();
        assertThat(factory.handlesJdbcUrl("jdbc:duckdb:file.duckdb")).isFalse();
    }
}
