package com.sparkify.warehouse.postgres;

import static java.util.Objects.requireNonNull;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.Login;
import com.sparkify.config.PasswordFile;
import com.sparkify.config.Secret;
import com.sparkify.config.Settings;
import com.sparkify.warehouse.JdbcUrls;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.Driver;

/**
 * Where a PostgreSQL warehouse is and who connects to it. User and password come from the URL ({@code
 * user=}/{@code password=} parameters or {@code //user:password@host}), {@code PGUSER / PGPASSWORD} and
 * {@code [CLUSTER] DB_USER / DB_PASSWORD}, in the order {@link Settings#login} gives, else the password from
 * libpq's password file. libpq's {@code PGSSLMODE}, {@code PGSSLROOTCERT}, {@code PGSSLCERT} and {@code
 * PGSSLKEY} apply unless the URL says otherwise.
 *
 * @param url the JDBC URL as pgjdbc understands it, without user or password
 * @param host host (or hosts, comma-separated), for messages
 * @param port port (or ports), for messages
 * @param database database name, for messages
 * @param user the user, absent to let pgjdbc choose (the operating system user)
 * @param password the password, absent when the server asks for none
 * @param schema the schema that holds every table
 * @param ssl pgjdbc's TLS properties taken from the environment
 */
record PostgresTarget(
        String url,
        String host,
        String port,
        String database,
        Optional<String> user,
        Optional<Secret> password,
        String schema,
        Map<String, String> ssl) {
    static final String PREFIX = "jdbc:postgresql:";
    private static final Set<String> SSL_MODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    static final String DEFAULT_SCHEMA = "public";

    PostgresTarget {
        requireNonNull(url, "url is null");
        requireNonNull(host, "host is null");
        requireNonNull(port, "port is null");
        requireNonNull(database, "database is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        requireNonNull(schema, "schema is null");
        ssl = Map.copyOf(ssl);
        if (!Settings.SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a valid schema name: " + schema);
        }
    }

    static PostgresTarget of(Settings settings) {
        String given = settings.warehouseUrl();
        UserInfo userInfo = UserInfo.split(given);
        // A password default keeps pgjdbc from filling one in from its own reading of ~/.pgpass.
        Properties noPasswordFile = new Properties();
        noPasswordFile.setProperty("password", "");
        Properties parsed = Driver.parseURL(userInfo.url(), noPasswordFile);
        if (parsed == null) {
            throw new SparkifyException(
                    ErrorCode.CONFIG,
                    "Expected a PostgreSQL URL like jdbc:postgresql://HOST:PORT/DATABASE, found '"
                            + JdbcUrls.redact(given) + "'; check --warehouse");
        }
        Login inUrl = new Login(
                userInfo.user().or(() -> nonEmpty(parsed.getProperty("user"))),
                userInfo.password()
                        .or(() -> nonEmpty(parsed.getProperty("password")).map(Secret::new)));
        Login login = settings.login(inUrl);
        String host = parsed.getProperty("PGHOST", "localhost");
        String port = parsed.getProperty("PGPORT", "5432");
        String database = parsed.getProperty("PGDBNAME", "");
        if (login.password().isEmpty() && settings.engine().passwordFile().isPresent()) {
            login = fromPasswordFile(settings.engine().passwordFile().get(), login, host, port, database);
        }
        return new PostgresTarget(
                withoutLogin(userInfo.url()),
                host,
                port,
                database,
                login.user(),
                login.password(),
                settings.schema().orElse(DEFAULT_SCHEMA),
                ssl(settings.engine().pgSsl(), parsed));
    }

    /** libpq's lookup: the first host and port, and the operating system's user when no user is given. */
    private static Login fromPasswordFile(PasswordFile file, Login login, String host, String port, String database) {
        String user = login.user().orElse(System.getProperty("user.name"));
        Optional<Secret> password = file.find(first(host), first(port), database, user);
        return password.isEmpty() ? login : new Login(Optional.of(user), password);
    }

    private static String first(String list) {
        int comma = list.indexOf(',');
        return comma < 0 ? list : list.substring(0, comma);
    }

    /** The TLS settings of the environment the URL does not set itself; the URL's {@code ssl=} counts as a mode. */
    private static Map<String, String> ssl(Map<String, String> environment, Properties url) {
        Map<String, String> ssl = new LinkedHashMap<>();
        environment.forEach((property, value) -> {
            boolean setByUrl =
                    url.getProperty(property) != null || (property.equals("sslmode") && url.getProperty("ssl") != null);
            if (!setByUrl) {
                ssl.put(property, value);
            }
        });
        String mode = ssl.get("sslmode");
        if (mode != null && !SSL_MODES.contains(mode)) {
            throw new SparkifyException(
                    ErrorCode.CONFIG,
                    "Expected PGSSLMODE to be disable, allow, prefer, require, verify-ca or verify-full, found '" + mode
                            + "'");
        }
        return ssl;
    }

    /** The URL without {@code user=} and {@code password=}: the login goes as properties, resolved above. */
    private static String withoutLogin(String url) {
        int question = url.indexOf('?');
        if (question < 0) {
            return url;
        }
        String parameters = Arrays.stream(url.substring(question + 1).split("&"))
                .filter(parameter -> {
                    String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
                    return !name.equals("user") && !name.equals("password");
                })
                .collect(Collectors.joining("&"));
        return parameters.isEmpty() ? url.substring(0, question) : url.substring(0, question + 1) + parameters;
    }

    /** The properties pgjdbc connects with; parameters in the URL take precedence over them. */
    Properties connectionProperties() {
        Properties properties = new Properties();
        user.ifPresent(name -> properties.setProperty("user", name));
        password.ifPresent(secret -> properties.setProperty("password", secret.reveal()));
        ssl.forEach(properties::setProperty);
        properties.setProperty("ApplicationName", "sparkify");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("reWriteBatchedInserts", "true");
        return properties;
    }

    /** {@code host:port/database}, never a password. */
    String location() {
        return host + ":" + port + "/" + database;
    }

    /** Where the warehouse is, safe to print. */
    String describe() {
        return "PostgreSQL " + location() + " (schema " + schema + ")";
    }

    /** {@code text} with the password, should it be in there, replaced by {@code ****}. */
    String redact(String text) {
        String redacted = String.valueOf(text);
        if (password.isPresent() && password.get().reveal().length() >= 4) {
            redacted = redacted.replace(password.get().reveal(), "****");
        }
        return redacted;
    }

    private static Optional<String> nonEmpty(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /**
     * The {@code user:password@} of a URL, which pgjdbc does not read (it takes the password for a port and
     * logs it), taken out of the URL. Both parts are percent-decoded.
     */
    private record UserInfo(String url, Optional<String> user, Optional<Secret> password) {
        static UserInfo split(String url) {
            String prefix = PREFIX + "//";
            if (!url.startsWith(prefix)) {
                return new UserInfo(url, Optional.empty(), Optional.empty());
            }
            String rest = url.substring(prefix.length());
            int authorityEnd = rest.length();
            for (char end : new char[] {'/', '?'}) {
                int index = rest.indexOf(end);
                if (index >= 0) {
                    authorityEnd = Math.min(authorityEnd, index);
                }
            }
            int at = rest.lastIndexOf('@', authorityEnd - 1);
            if (at < 0) {
                return new UserInfo(url, Optional.empty(), Optional.empty());
            }
            String info = rest.substring(0, at);
            int colon = info.indexOf(':');
            String user = decode(colon < 0 ? info : info.substring(0, colon));
            Optional<Secret> password =
                    colon < 0 ? Optional.empty() : Optional.of(new Secret(decode(info.substring(colon + 1))));
            return new UserInfo(prefix + rest.substring(at + 1), nonEmpty(user), password);
        }

        private static String decode(String text) {
            StringBuilder decoded = new StringBuilder();
            ByteArrayOutputStream escaped = new ByteArrayOutputStream();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
                    escaped.write(Integer.parseInt(text, i + 1, i + 3, 16));
                    i += 2;
                } else {
                    decoded.append(escaped.toString(StandardCharsets.UTF_8)).append(c);
                    escaped.reset();
                }
            }
            return decoded.append(escaped.toString(StandardCharsets.UTF_8)).toString();
        }

        private static boolean isHex(String text, int index) {
            return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
        }
    }
}
