package com.sparkify.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an engine takes from the environment, read once here so that no engine reads it. Each engine applies
 * its own defaults and checks when it opens, so a setting for one engine never fails a run on another.
 *
 * @param duckDbMemoryLimit {@code SPARKIFY_DUCKDB_MEMORY_LIMIT} as given, e.g. {@code 2GB}
 * @param pgUser {@code PGUSER}: the user of PostgreSQL and Redshift, as psql takes it
 * @param pgPassword {@code PGPASSWORD}: likewise for the password; never printed
 * @param pgSsl libpq's TLS variables that are set, by the pgjdbc property each stands for: {@code PGSSLMODE}
 *     as {@code sslmode}, {@code PGSSLROOTCERT}, {@code PGSSLCERT}, {@code PGSSLKEY}
 * @param passwordFile {@code $PGPASSFILE}, else {@code ~/.pgpass}; absent when there is none to read
 */
public record EngineOptions(
        Optional<String> duckDbMemoryLimit,
        Optional<String> pgUser,
        Optional<Secret> pgPassword,
        Map<String, String> pgSsl,
        Optional<PasswordFile> passwordFile) {
    public static final String DUCKDB_MEMORY_LIMIT = "SPARKIFY_DUCKDB_MEMORY_LIMIT";

    private static final Map<String, String> SSL_VARIABLES = Map.of(
            "PGSSLMODE", "sslmode",
            "PGSSLROOTCERT", "sslrootcert",
            "PGSSLCERT", "sslcert",
            "PGSSLKEY", "sslkey");

    public EngineOptions {
        requireNonNull(duckDbMemoryLimit, "duckDbMemoryLimit is null");
        requireNonNull(pgUser, "pgUser is null");
        requireNonNull(pgPassword, "pgPassword is null");
        pgSsl = Map.copyOf(pgSsl);
        requireNonNull(passwordFile, "passwordFile is null");
    }

    public static EngineOptions none() {
        return new EngineOptions(Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Optional.empty());
    }

    /** Read from {@code environment}; an empty value counts as unset, as libpq treats PGUSER. */
    public static EngineOptions from(Map<String, String> environment) {
        Map<String, String> ssl = new LinkedHashMap<>();
        SSL_VARIABLES.forEach((variable, property) ->
                nonEmpty(environment.get(variable)).ifPresent(value -> ssl.put(property, value)));
        Optional<Path> passwordFile = nonEmpty(environment.get("PGPASSFILE"))
                .map(Path::of)
                .or(() -> nonEmpty(environment.get("HOME"))
                        .or(() -> nonEmpty(System.getProperty("user.home")))
                        .map(home -> Path.of(home, ".pgpass")));
        return new EngineOptions(
                Optional.ofNullable(environment.get(DUCKDB_MEMORY_LIMIT)),
                nonEmpty(environment.get("PGUSER")),
                nonEmpty(environment.get("PGPASSWORD")).map(Secret::new),
                ssl,
                passwordFile.map(PasswordFile::new));
    }

    /** These options with DuckDB's memory limit {@code limit}, e.g. {@code 128MiB}. */
    public EngineOptions withDuckDbMemoryLimit(String limit) {
        return new EngineOptions(Optional.of(limit), pgUser, pgPassword, pgSsl, passwordFile);
    }

    /** These options without a password file: the one found is not to be read. */
    public EngineOptions withoutPasswordFile() {
        return new EngineOptions(duckDbMemoryLimit, pgUser, pgPassword, pgSsl, Optional.empty());
    }

    private static Optional<String> nonEmpty(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
