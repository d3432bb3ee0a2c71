package com.sparkify.warehouse.postgres;

import static com.sparkify.warehouse.postgres.TestPostgres.LOGIN_DATABASE;
import static com.sparkify.warehouse.postgres.TestPostgres.LOGIN_PASSWORD;
import static com.sparkify.warehouse.postgres.TestPostgres.LOGIN_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.cli.SparkifyCommand;
import com.sparkify.config.EngineOptions;
import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Rows;
import com.sparkify.warehouse.Warehouse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Who connects, and what the user reads when it fails: against the embedded server, which asks every user
 * but {@code postgres} for a password.
 */
class PostgresConnectionIT {
    private static final String ENCODED_PASSWORD = LOGIN_PASSWORD.replace("@", "%40");
    private static final String WRONG_PASSWORD = "Wr0ng-Secret-77";

    private static TestPostgres server;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsTheEmbeddedServer() {
        server = TestPostgres.get();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                server.embedded(), "needs the embedded server's login role and password authentication");
    }

    private String location() {
        return "localhost:" + server.port() + "/" + LOGIN_DATABASE;
    }

    private Settings settings(String url, String... configLines) {
        Optional<Path> config = Optional.empty();
        if (configLines.length > 0) {
            try {
                Path file = Files.writeString(dir.resolve("dwh.cfg"), String.join("\n", configLines) + "\n");
                config = Optional.of(file);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return new SettingsResolver(Map.of(), dir)
                .resolve(new SettingsResolver.Flags(
                        Optional.of(url), Optional.empty(), config, Optional.empty(), Optional.empty()));
    }

    private static String currentUser(Settings settings, Map<String, String> environment) {
        try (Warehouse warehouse =
                new PostgresWarehouseFactory().open(settings.withEngine(EngineOptions.from(environment)))) {
            return Rows.single(TestWarehouses.jdbc(warehouse), "SELECT current_user");
        }
    }

    private static SparkifyException failure(Settings settings, Map<String, String> environment) {
        return catchThrowableOfType(SparkifyException.class, () -> new PostgresWarehouseFactory()
                .open(settings.withEngine(EngineOptions.from(environment)))
                .close());
    }

    @Test
    void credentialsInTheUrlParameters() {
        String url = server.loginDatabaseUrl() + "?user=" + LOGIN_USER + "&password=" + ENCODED_PASSWORD;

        assertThat(currentUser(settings(url), Map.of())).isEqualTo("'" + LOGIN_USER + "'");
    }

    @Test
    void credentialsInTheUrlUserInfo() {
        String url = "jdbc:postgresql://" + LOGIN_USER + ":" + ENCODED_PASSWORD + "@" + location();

        assertThat(currentUser(settings(url), Map.of())).isEqualTo("'" + LOGIN_USER + "'");
    }

    @Test
    void credentialsFromTheConfig() {
        Settings settings = settings(
                server.loginDatabaseUrl(), "[CLUSTER]", "DB_USER = " + LOGIN_USER, "DB_PASSWORD = " + LOGIN_PASSWORD);

        assertThat(currentUser(settings, Map.of())).isEqualTo("'" + LOGIN_USER + "'");
    }

    @Test
    void credentialsFromTheEnvironment() {
        Map<String, String> environment = Map.of("PGUSER", LOGIN_USER, "PGPASSWORD", LOGIN_PASSWORD);

        assertThat(currentUser(settings(server.loginDatabaseUrl()), environment))
                .isEqualTo("'" + LOGIN_USER + "'");
    }

    @Test
    void theUrlBeatsTheEnvironmentWhichBeatsTheConfig() {
        Map<String, String> rightEnvironment = Map.of("PGUSER", LOGIN_USER, "PGPASSWORD", LOGIN_PASSWORD);
        Map<String, String> wrongEnvironment = Map.of("PGUSER", LOGIN_USER, "PGPASSWORD", WRONG_PASSWORD);
        String[] wrongConfig = {"[CLUSTER]", "DB_USER = " + LOGIN_USER, "DB_PASSWORD = " + WRONG_PASSWORD};
        String[] rightConfig = {"[CLUSTER]", "DB_USER = " + LOGIN_USER, "DB_PASSWORD = " + LOGIN_PASSWORD};
        String rightUrl = server.loginDatabaseUrl() + "?password=" + ENCODED_PASSWORD;

        assertThat(currentUser(settings(server.loginDatabaseUrl(), wrongConfig), rightEnvironment))
                .as("a stale [CLUSTER] DB_PASSWORD loses to PGPASSWORD")
                .isEqualTo("'" + LOGIN_USER + "'");
        assertThat(failure(settings(server.loginDatabaseUrl(), rightConfig), wrongEnvironment))
                .hasMessageContaining("password authentication failed");
        assertThat(currentUser(settings(rightUrl, wrongConfig), wrongEnvironment))
                .isEqualTo("'" + LOGIN_USER + "'");
    }

    @Test
    void thePasswordFileOfPgpassfileAsLibpqReadsIt() throws IOException {
        Path file = dir.resolve("pgpass");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "# another database first, then the login database",
                        "localhost:" + server.port() + ":postgres:" + LOGIN_USER + ":" + WRONG_PASSWORD,
                        "localhost:" + server.port() + ":" + LOGIN_DATABASE + ":" + LOGIN_USER + ":" + LOGIN_PASSWORD,
                        ""));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> environment = Map.of("PGPASSFILE", file.toString());
        String url = server.loginDatabaseUrl() + "?user=" + LOGIN_USER;

        Settings tight = new SettingsResolver(environment, dir).resolve(SettingsResolver.Flags.warehouse(url));
        assertThat(currentUser(tight, environment)).isEqualTo("'" + LOGIN_USER + "'");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Settings loose = new SettingsResolver(environment, dir).resolve(SettingsResolver.Flags.warehouse(url));
        assertThat(loose.warnings()).singleElement().asString().contains("group or world access");
        assertThat(catchThrowableOfType(
                        SparkifyException.class,
                        () -> new PostgresWarehouseFactory().open(loose).close()))
                .as("ignored, as psql ignores it")
                .hasMessageContaining("The server requested SCRAM-based")
                .hasMessageNotContaining(LOGIN_PASSWORD);
    }

    @Test
    void aWrongPasswordNamesTheServerButNotThePassword() {
        String url = "jdbc:postgresql://" + LOGIN_USER + ":" + WRONG_PASSWORD + "@" + location();

        SparkifyException failure = failure(settings(url), Map.of());

        assertThat(failure.code()).isEqualTo(ErrorCode.WAREHOUSE_FAILED);
        assertThat(failure.getMessage())
                .isEqualTo("Cannot connect to PostgreSQL " + location() + ": password authentication failed for user"
                        + " \"" + LOGIN_USER + "\"; check the user and password (user=/password= in --warehouse,"
                        + " [CLUSTER] DB_USER/DB_PASSWORD of the config, or PGUSER/PGPASSWORD)")
                .doesNotContain(WRONG_PASSWORD);
    }

    @Test
    void noPasswordAtAllSaysWhereToPutOne() {
        SparkifyException failure = failure(settings(server.loginDatabaseUrl() + "?user=" + LOGIN_USER), Map.of());

        assertThat(failure.getMessage())
                .startsWith("Cannot connect to PostgreSQL " + location() + ": The server requested SCRAM-based")
                .contains("PGUSER/PGPASSWORD");
    }

    @Test
    void aMissingDatabaseIsNamed() {
        String url =
                "jdbc:postgresql://localhost:" + server.port() + "/no_such_db?user=postgres&password=" + WRONG_PASSWORD;

        SparkifyException failure = failure(settings(url), Map.of());

        assertThat(failure.code()).isEqualTo(ErrorCode.WAREHOUSE_FAILED);
        assertThat(failure.getMessage())
                .isEqualTo("Cannot connect to PostgreSQL localhost:" + server.port() + "/no_such_db: database"
                        + " \"no_such_db\" does not exist; create the database (CREATE DATABASE no_such_db) or fix"
                        + " --warehouse");
    }

    @Test
    void aServerThatIsDownIsNamed() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://" + LOGIN_USER + ":" + WRONG_PASSWORD + "@localhost:" + port + "/sparkify";

        SparkifyException failure = failure(settings(url), Map.of());

        assertThat(failure.code()).isEqualTo(ErrorCode.WAREHOUSE_UNREACHABLE);
        assertThat(failure.getMessage())
                .startsWith("Cannot connect to PostgreSQL localhost:" + port + "/sparkify: Connection to localhost:"
                        + port + " refused")
                .endsWith("; check that the server is running and that host and port in --warehouse are right")
                .doesNotContain(WRONG_PASSWORD);
    }

    @Test
    void theCommandLinePrintsOneLineWithoutThePasswordAndExits11() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SparkifyCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String url = server.loginDatabaseUrl() + "?user=" + LOGIN_USER + "&password=" + WRONG_PASSWORD;

        int exit = cli.execute("check", "--warehouse", url);

        assertThat(exit).isEqualTo(11);
        assertThat(err.toString().lines())
                .containsExactly("error: Cannot connect to PostgreSQL " + location()
                        + ": password authentication failed for user \"" + LOGIN_USER + "\"; check the user and"
                        + " password (user=/password= in --warehouse, [CLUSTER] DB_USER/DB_PASSWORD of the config,"
                        + " or PGUSER/PGPASSWORD)");
        assertThat(out.toString() + err).doesNotContain(WRONG_PASSWORD);
    }
}
