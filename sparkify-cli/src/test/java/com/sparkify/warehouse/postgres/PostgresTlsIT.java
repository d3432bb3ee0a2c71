package com.sparkify.warehouse.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sparkify.SparkifyException;
import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Rows;
import com.sparkify.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libpq's TLS variables against a server of its own that refuses unencrypted logins to {@code tls_user}: a
 * session that gets in went over TLS, and one that was told not to use it does not get in.
 */
class PostgresTlsIT {
    private static final String USER = TlsPostgres.USER;
    private static final String PASSWORD = TlsPostgres.PASSWORD;

    private static TlsPostgres server;

    @BeforeAll
    static void startAServerThatRequiresTls() throws Exception {
        server = TlsPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static Settings settings(String url, Map<String, String> tls, Path dir) {
        Map<String, String> environment = new HashMap<>(tls);
        environment.put("PGUSER", USER);
        environment.put("PGPASSWORD", PASSWORD);
        return new SettingsResolver(environment, dir).resolve(SettingsResolver.Flags.warehouse(url));
    }

    private static String url() {
        return "jdbc:postgresql://localhost:" + server.port() + "/postgres";
    }

    private static String sessionUsesTls(Settings settings) {
        try (Warehouse warehouse = new PostgresWarehouseFactory().open(settings)) {
            return Rows.single(
                    TestWarehouses.jdbc(warehouse), "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
        }
    }

    private static SparkifyException failure(Settings settings) {
        return catchThrowableOfType(
                SparkifyException.class,
                () -> new PostgresWarehouseFactory().open(settings).close());
    }

    @Test
    void pgsslmodeRequireConnectsOverTls(@TempDir Path dir) {
        assertThat(sessionUsesTls(settings(url(), Map.of("PGSSLMODE", "require"), dir)))
                .isEqualTo("Boolean:true");
    }

    @Test
    void pgsslmodeDisableIsRefusedByAServerThatWantsTls(@TempDir Path dir) {
        assertThat(failure(settings(url(), Map.of("PGSSLMODE", "disable"), dir)))
                .hasMessageContaining("no encryption")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void verifyFullChecksTheServerAgainstPgsslrootcert(@TempDir Path dir) {
        Map<String, String> trusted = Map.of(
                "PGSSLMODE",
                "verify-full",
                "PGSSLROOTCERT",
                server.serverCertificate().toString());
        Map<String, String> untrusted = Map.of(
                "PGSSLMODE",
                "verify-full",
                "PGSSLROOTCERT",
                server.otherCertificate().toString());

        assertThat(sessionUsesTls(settings(url(), trusted, dir))).isEqualTo("Boolean:true");
        assertThat(failure(settings(url(), untrusted, dir)))
                .hasMessageContaining("SSL error: PKIX path validation failed");
    }

    @Test
    void theUrlsSslmodeBeatsPgsslmode(@TempDir Path dir) {
        assertThat(failure(settings(url() + "?sslmode=disable", Map.of("PGSSLMODE", "require"), dir)))
                .hasMessageContaining("no encryption");
    }
}
