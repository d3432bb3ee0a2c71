package com.sparkify.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * What an engine takes from the environment, read once here so that no engine reads it. Each engine applies
 * its own defaults and checks when it opens, so a setting for one engine never fails a run on another.
 *
 * @param duckDbMemoryLimit {@code SPARKIFY_DUCKDB_MEMORY_LIMIT} as given, e.g. {@code 2GB}
 * @param postgresUser {@code PGUSER}: PostgreSQL's user when neither the URL nor {@code [CLUSTER]} names one
 * @param postgresPassword {@code PGPASSWORD}: likewise for the password; never printed
 */
public record EngineOptions(
        Optional<String> duckDbMemoryLimit, Optional<String> postgresUser, Optional<Secret> postgresPassword) {
    public static final String DUCKDB_MEMORY_LIMIT = "SPARKIFY_DUCKDB_MEMORY_LIMIT";

    public EngineOptions {
        requireNonNull(duckDbMemoryLimit, "duckDbMemoryLimit is null");
        requireNonNull(postgresUser, "postgresUser is null");
        requireNonNull(postgresPassword, "postgresPassword is null");
    }

    public static EngineOptions none() {
        return new EngineOptions(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Read from {@code environment}; an empty value counts as unset, as libpq treats PGUSER. */
    public static EngineOptions from(Map<String, String> environment) {
        return new EngineOptions(
                Optional.ofNullable(environment.get(DUCKDB_MEMORY_LIMIT)),
                nonEmpty(environment.get("PGUSER")),
                nonEmpty(environment.get("PGPASSWORD")).map(Secret::new));
    }

    private static Optional<String> nonEmpty(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
