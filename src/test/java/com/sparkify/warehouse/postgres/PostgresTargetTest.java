package com.sparkify.warehouse.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.Cluster;
import com.sparkify.config.EngineOptions;
import com.sparkify.config.Secret;
import com.sparkify.config.Settings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
    void theUrlBeatsTheConfigWhichBeatsTheEnvironment() {
        EngineOptions environment = EngineOptions.from(Map.of("PGUSER", "env_user", "PGPASSWORD", "env_secret"));
        String bare = "jdbc:postgresql://h/db";
        String withParameters = bare + "?user=url_user&password=url_secret";

        PostgresTarget fromUrl =
                PostgresTarget.of(settings(withParameters, Optional.empty(), cluster("cfg_user", "cfg_pw"))
                        .withEngine(environment));
        PostgresTarget fromConfig = PostgresTarget.of(
                settings(bare, Optional.empty(), cluster("cfg_user", "cfg_pw")).withEngine(environment));
        PostgresTarget fromEnvironment = PostgresTarget.of(settings(bare).withEngine(environment));

        assertThat(fromUrl.connectionProperties())
                .containsEntry("user", "url_user")
                .containsEntry("password", "url_secret");
        assertThat(fromConfig.connectionProperties())
                .containsEntry("user", "cfg_user")
                .containsEntry("password", "cfg_pw");
        assertThat(fromEnvironment.connectionProperties())
                .containsEntry("user", "env_user")
                .containsEntry("password", "env_secret");
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
