package com.sparkify.warehouse.postgres;

import static java.util.Objects.requireNonNull;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.Secret;
import com.sparkify.config.Settings;
import com.sparkify.warehouse.JdbcUrls;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Where a PostgreSQL warehouse is and who connects to it. User and password come from the URL (as {@code
 * user=}/{@code password=} parameters or as {@code //user:password@host}), else from {@code [CLUSTER] DB_USER
 * / DB_PASSWORD} of the config, else from {@code PGUSER / PGPASSWORD}.
 *
 * @param url the JDBC URL without user info, as pgjdbc understands it; may still hold a password parameter
 * @param host host (or hosts, comma-separated), for messages
 * @param port port (or ports), for messages
 * @param database database name, for messages
 * @param user the user, absent to let pgjdbc choose (the operating system user)
 * @param password the password, absent when the server asks for none
 * @param schema the schema that holds every table
 */
record PostgresTarget(
        String url,
        String host,
        String port,
        String database,
        Optional<String> user,
        Optional<Secret> password,
        String schema) {
    static final String PREFIX = "jdbc:postgresql:";
    static final String DEFAULT_SCHEMA = "public";

    PostgresTarget {
        requireNonNull(url, "url is null");
        requireNonNull(host, "host is null");
        requireNonNull(port, "port is null");
        requireNonNull(database, "database is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        requireNonNull(schema, "schema is null");
        if (!Settings.SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a valid schema name: " + schema);
        }
    }

    static PostgresTarget of(Settings settings) {
        String given = settings.warehouseUrl();
        UserInfo userInfo = UserInfo.split(given);
        Properties parsed = Driver.parseURL(userInfo.url(), new Properties());
        if (parsed == null) {
            throw new SparkifyException(
                    ErrorCode.CONFIG,
                    "Expected a PostgreSQL URL like jdbc:postgresql://HOST:PORT/DATABASE, found '"
                            + JdbcUrls.redact(given) + "'; check --warehouse");
        }
        Optional<String> user = userInfo.user()
                .or(() -> nonEmpty(parsed.getProperty("user")))
                .or(() -> settings.cluster().user())
                .or(() -> settings.engine().postgresUser());
        Optional<Secret> password = userInfo.password()
                .or(() -> nonEmpty(parsed.getProperty("password")).map(Secret::new))
                .or(() -> settings.cluster().password())
                .or(() -> settings.engine().postgresPassword());
        return new PostgresTarget(
                userInfo.url(),
                parsed.getProperty("PGHOST", "localhost"),
                parsed.getProperty("PGPORT", "5432"),
                parsed.getProperty("PGDBNAME", ""),
                user,
                password,
                settings.schema().orElse(DEFAULT_SCHEMA));
    }

    /** The properties pgjdbc connects with; parameters in the URL take precedence over them. */
    Properties connectionProperties() {
        Properties properties = new Properties();
        user.ifPresent(name -> properties.setProperty("user", name));
        password.ifPresent(secret -> properties.setProperty("password", secret.reveal()));
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
