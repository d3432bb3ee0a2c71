package com.sparkify.cli;

import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every warehouse command takes. */
public final class CommonOptions {
    @Option(
            names = "--warehouse",
            paramLabel = "JDBC_URL",
            description =
                    "Warehouse to use: jdbc:duckdb:FILE, jdbc:postgresql://HOST:PORT/DB or jdbc:redshift://HOST:PORT/DB. Default: "
                            + "$SPARKIFY_WAREHOUSE, then [WAREHOUSE] URL of the config, then "
                            + Settings.DEFAULT_WAREHOUSE + " (a file in the current folder).")
    String warehouse;

    @Option(
            names = "--schema",
            paramLabel = "NAME",
            description = "PostgreSQL only: the schema that holds every sparkify table, created if missing; a letter or"
                    + " _, then letters, digits or _ (case-sensitive). Default: $SPARKIFY_SCHEMA, then [WAREHOUSE]"
                    + " SCHEMA of the config, then public. DuckDB refuses it: a DuckDB warehouse is its file.")
    String schema;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "INI config in the classic dwh.cfg layout. Default: $SPARKIFY_CONFIG, then ./dwh.cfg if present.")
    Path config;

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    Settings resolve(Optional<String> songs, Optional<String> logs) {
        logging.apply();
        SettingsResolver resolver =
                new SettingsResolver(System.getenv(), Path.of("").toAbsolutePath());
        Settings settings = resolver.resolve(new SettingsResolver.Flags(
                Optional.ofNullable(warehouse), Optional.ofNullable(schema), Optional.ofNullable(config), songs, logs));
        if (!logging.quiet()) {
            settings.warnings().forEach(warning -> System.err.println("warning: " + warning));
        }
        return settings;
    }

    Settings resolve() {
        return resolve(Optional.empty(), Optional.empty());
    }
}
