package com.sparkify.warehouse.redshift;

import static java.util.Objects.requireNonNull;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.Secret;
import com.sparkify.config.Settings;
import com.sparkify.warehouse.JdbcUrls;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Redshift warehouse is and who connects to it. User and password come from the URL ({@code user=} /
 * {@code UID=}, {@code password=} / {@code PWD=}), else from {@code [CLUSTER] DB_USER / DB_PASSWORD}.
 *
 * @param url the JDBC URL as given; may hold a password, so never print it as is
 * @param location {@code host:port/database}, for messages
 * @param user the user to add when the URL names none
 * @param password the password to add when the URL holds none
 */
record RedshiftTarget(String url, String location, Optional<String> user, Optional<Secret> password) {
    static final String PREFIX = "jdbc:redshift:";
    private static final Pattern LOCATION = Pattern.compile("jdbc:redshift:(?:iam:)?//([^/?;]+)(?:/([^?;]*))?.*");

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
        Optional<String> user = hasParameter(url, "user", "uid")
                ? Optional.empty()
                : settings.cluster().user();
        Optional<Secret> password = hasParameter(url, "password", "pwd")
                ? Optional.empty()
                : settings.cluster().password();
        return new RedshiftTarget(url, matcher.group(1) + "/" + database, user, password);
    }

    private static boolean hasParameter(String url, String... names) {
        String lower = url.toLowerCase(Locale.ROOT);
        for (String name : names) {
            if (Pattern.compile("[?&;]" + name + "=").matcher(lower).find()) {
                return true;
            }
        }
        return false;
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
