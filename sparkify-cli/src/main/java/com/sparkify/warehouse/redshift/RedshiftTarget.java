package com.sparkify.warehouse.redshift;

import static java.util.Objects.requireNonNull;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.Login;
import com.sparkify.config.Secret;
import com.sparkify.config.Settings;
import com.sparkify.warehouse.JdbcUrls;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Redshift warehouse is and who connects to it. User and password come from the URL ({@code user=} /
 * {@code UID=}, {@code password=} / {@code PWD=}), {@code PGUSER / PGPASSWORD} (as psql users connect to
 * Redshift) and {@code [CLUSTER] DB_USER / DB_PASSWORD}, in the order {@link Settings#login} gives.
 *
 * @param url the JDBC URL as given, less a user or password that a higher-ranked setting replaces; may hold
 *     a password, so never print it as is
 * @param location {@code host:port/database}, for messages
 * @param user the user to add when the URL's does not count
 * @param password the password to add when the URL's does not count
 */
record RedshiftTarget(String url, String location, Optional<String> user, Optional<Secret> password) {
    static final String PREFIX = "jdbc:redshift:";
    private static final Pattern LOCATION = Pattern.compile("jdbc:redshift:(?:iam:)?//([^/?;]+)(?:/([^?;]*))?.*");
    private static final Pattern PARAMETER = Pattern.compile("[?&;]([^=&;?]+)=([^&;]*)");
    private static final Set<String> USER_NAMES = Set.of("user", "uid");
    private static final Set<String> PASSWORD_NAMES = Set.of("password", "pwd");

    RedshiftTarget {
        requireNonNull(url, "url is null");
        requireNonNull(location, "location is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
    }

    static RedshiftTarget of(Settings settings) {
        String url = settings.warehouseUrl();
        Matcher matcher = LOCATION.matcher(url);
        if (!matcher.matches()) {
            throw new SparkifyException(
                    ErrorCode.CONFIG,
                    "Expected a Redshift URL like jdbc:redshift://HOST:5439/DATABASE, found '" + JdbcUrls.redact(url)
                            + "'; check --warehouse or [CLUSTER] HOST");
        }
        String database = matcher.group(2) == null ? "" : matcher.group(2);
        Login inUrl = new Login(
                parameter(url, USER_NAMES), parameter(url, PASSWORD_NAMES).map(Secret::new));
        Login login = settings.login(inUrl);
        // The driver reads a URL's parameters over the properties: a login that does not count leaves the URL.
        Optional<String> user = login.user().equals(inUrl.user()) ? Optional.empty() : login.user();
        Optional<Secret> password = login.password().equals(inUrl.password()) ? Optional.empty() : login.password();
        String connectUrl = url;
        if (user.isPresent()) {
            connectUrl = withoutParameter(connectUrl, USER_NAMES);
        }
        if (password.isPresent()) {
            connectUrl = withoutParameter(connectUrl, PASSWORD_NAMES);
        }
        return new RedshiftTarget(connectUrl, matcher.group(1) + "/" + database, user, password);
    }

    /** The value of the first of these parameters in the URL, percent-decoded as the driver decodes it. */
    private static Optional<String> parameter(String url, Set<String> names) {
        Matcher parameters = PARAMETER.matcher(url);
        while (parameters.find()) {
            if (names.contains(parameters.group(1).toLowerCase(Locale.ROOT))) {
                return Optional.of(URLDecoder.decode(parameters.group(2), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static String withoutParameter(String url, Set<String> names) {
        Matcher parameters = PARAMETER.matcher(url);
        StringBuilder kept = new StringBuilder();
        while (parameters.find()) {
            boolean drop = names.contains(parameters.group(1).toLowerCase(Locale.ROOT));
            // Keep the separator before the parameter when it is the first ('?'), drop it otherwise.
            String separator = url.substring(parameters.start(), parameters.start() + 1);
            parameters.appendReplacement(kept, drop ? (separator.equals("?") ? "?" : "") : "$0");
        }
        parameters.appendTail(kept);
        return kept.toString().replace("?&", "?").replace("?;", "?").replaceAll("\\?$", "");
    }

    Properties connectionProperties() {
        Properties properties = new Properties();
        user.ifPresent(name -> properties.setProperty("user", name));
        password.ifPresent(secret -> properties.setProperty("password", secret.reveal()));
        properties.setProperty("ApplicationName", "sparkify");
        properties.setProperty("tcpKeepAlive", "true");
        // load_errors and the ledger are written in JDBC batches; on Redshift each single-row INSERT costs a
        // round trip and, on an auto-commit session, a commit, so batches go as multi-row INSERTs.
        properties.setProperty("reWriteBatchedInserts", "true");
        // The driver reads a query's rows ahead into a ring buffer of 1G by default, more than the launcher's
        // heap; a smaller one keeps a streamed query's memory bounded.
        properties.setProperty("fetchRingBufferSize", "32M");
        return properties;
    }

    /** Where the warehouse is, safe to print. */
    String describe() {
        return "Redshift " + location + user.map(name -> " as " + name).orElse("");
    }

    /** {@code text} with the password, should it be in there, replaced by {@code ****}. */
    String redact(String text) {
        String redacted = JdbcUrls.redact(String.valueOf(text));
        if (password.isPresent() && password.get().reveal().length() >= 4) {
            redacted = redacted.replace(password.get().reveal(), "****");
        }
        return redacted;
    }
}
