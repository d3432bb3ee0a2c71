package com.sparkify.warehouse.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sparkify.SparkifyException;
import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import com.sparkify.warehouse.Rows;
import com.sparkify.warehouse.Warehouse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libpq's TLS variables against a server of its own that refuses unencrypted logins to {@code tls_user}: a
 * session that gets in went over TLS, and one that was told not to use it does not get in.
 */
class PostgresTlsIT {
    private static final String USER = "tls_user";
    private static final String PASSWORD = "Tls-Pa55word";

    @TempDir
    static Path certificates;

    private static EmbeddedPostgres server;
    private static Path serverCertificate;
    private static Path otherCertificate;

    @BeforeAll
    static void startAServerThatRequiresTls() throws Exception {
        serverCertificate = certificate("server", "localhost", true);
        otherCertificate = certificate("other", "localhost", false);
        server = EmbeddedPostgres.builder()
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", serverCertificate.toString())
                .setServerConfig(
                        "ssl_key_file", certificates.resolve("server.key").toString())
                .setDataDirectoryCustomizer(data -> {
                    try {
                        Files.writeString(
                                data.toPath().resolve("pg_hba.conf"),
                                String.join(
                                        "\n",
                                        "local all all trust",
                                        "host all postgres 127.0.0.1/32 trust",
                                        "host all postgres ::1/128 trust",
                                        "hostssl all " + USER + " 127.0.0.1/32 scram-sha-256",
                                        "hostssl all " + USER + " ::1/128 scram-sha-256",
                                        ""));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .start();
        try (Connection admin = server.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** A self-signed certificate for {@code host} made with the JDK's keytool; its key as PEM when asked. */
    private static Path certificate(String name, String host, boolean writeKey) throws Exception {
        Path store = certificates.resolve(name + ".p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        name,
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=" + host,
                        "-ext",
                        "SAN=dns:" + host + ",ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as("keytool").isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            keys.load(in, "changeit".toCharArray());
        }
        Certificate certificate = keys.getCertificate(name);
        Path pem = certificates.resolve(name + ".crt");
        Files.writeString(pem, pem("CERTIFICATE", certificate.getEncoded()));
        if (writeKey) {
            Path key = certificates.resolve(name + ".key");
            Files.writeString(
                    key,
                    pem(
                            "PRIVATE KEY",
                            keys.getKey(name, "changeit".toCharArray()).getEncoded()));
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        }
        return pem;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static Settings settings(String url, Map<String, String> tls, Path dir) {
        Map<String, String> environment = new HashMap<>(tls);
        environment.put("PGUSER", USER);
        environment.put("PGPASSWORD", PASSWORD);
        return new SettingsResolver(environment, dir).resolve(SettingsResolver.Flags.warehouse(url));
    }

    private static String url() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
    }

    private static String sessionUsesTls(Settings settings) {
        try (Warehouse warehouse = new PostgresWarehouseFactory().open(settings)) {
            return Rows.single(warehouse.connection(), "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
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
        Map<String, String> trusted = Map.of("PGSSLMODE", "verify-full", "PGSSLROOTCERT", serverCertificate.toString());
        Map<String, String> untrusted =
                Map.of("PGSSLMODE", "verify-full", "PGSSLROOTCERT", otherCertificate.toString());

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
