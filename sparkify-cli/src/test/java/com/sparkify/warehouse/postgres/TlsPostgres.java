package com.sparkify.warehouse.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * An embedded PostgreSQL of its own that lets {@link #USER} and {@link #IAM_USER} in over TLS only, with a
 * self-signed certificate for localhost made by the JDK's keytool, and a second certificate it does not have.
 */
public final class TlsPostgres implements AutoCloseable {
    public static final String USER = "tls_user";
    public static final String PASSWORD = "Tls-Pa55word";

    /** Logs in with a plain password (over TLS), as the temporary credentials of Redshift's IAM do. */
    public static final String IAM_USER = "iam_user";

    public static final String IAM_PASSWORD = "Iam-Temp-Pa55";

    private final EmbeddedPostgres server;
    private final Path certificates;
    private final Path serverCertificate;
    private final Path otherCertificate;

    private TlsPostgres(EmbeddedPostgres server, Path certificates, Path serverCertificate, Path otherCertificate) {
        this.server = server;
        this.certificates = certificates;
        this.serverCertificate = serverCertificate;
        this.otherCertificate = otherCertificate;
    }

    public static TlsPostgres start() throws Exception {
        Path certificates = Files.createTempDirectory("tls-postgres");
        Path serverCertificate = certificate(certificates, "server", true);
        Path otherCertificate = certificate(certificates, "other", false);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
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
                                        "hostssl all " + IAM_USER + " 127.0.0.1/32 password",
                                        "hostssl all " + IAM_USER + " ::1/128 password",
                                        ""));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .start();
        try (Connection admin = server.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            statement.execute("CREATE ROLE " + IAM_USER + " LOGIN PASSWORD '" + IAM_PASSWORD + "'");
        }
        return new TlsPostgres(server, certificates, serverCertificate, otherCertificate);
    }

    public int port() {
        return server.getPort();
    }

    /** The server's certificate, as PEM: the root to trust for verify-full. */
    public Path serverCertificate() {
        return serverCertificate;
    }

    /** A certificate for localhost that the server does not have. */
    public Path otherCertificate() {
        return otherCertificate;
    }

    @Override
    public void close() throws IOException {
        server.close();
        try (var files = Files.list(certificates)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(certificates);
    }

    /** A self-signed certificate for localhost; its key as PEM when asked. */
    private static Path certificate(Path folder, String name, boolean writeKey) throws Exception {
        Path store = folder.resolve(name + ".p12");
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
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as("keytool").isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            keys.load(in, "changeit".toCharArray());
        }
        Certificate certificate = keys.getCertificate(name);
        Path pem = folder.resolve(name + ".crt");
        Files.writeString(pem, pem("CERTIFICATE", certificate.getEncoded()));
        if (writeKey) {
            Path key = folder.resolve(name + ".key");
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
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
