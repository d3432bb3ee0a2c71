package com.sparkify.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything a command needs to know, resolved once: flags beat environment beat config file.
 *
 * @param warehouseUrl JDBC URL of the warehouse; may hold a password, so never print it as is
 * @param schema the database schema that holds every sparkify table (PostgreSQL); matches {@link #SCHEMA_NAME}
 * @param songs where song files are (folder, file or s3:// uri)
 * @param logs where event logs are
 * @param logJsonPath the {@code [S3] LOG_JSONPATH} of dwh.cfg, for Redshift's COPY
 * @param cluster server and credentials from {@code [CLUSTER]}
 * @param iamRoleArn {@code [IAM_ROLE] ARN}
 * @param configFile the config file that was read, if any
 * @param warnings things the user should know, such as a world-readable config holding a password
 * @param aws the cluster to create and the S3 folder for COPY manifests
 * @param s3Endpoint an S3-compatible store (its URL) to read s3:// locations from instead of AWS S3
 * @param engine what the engines take from the environment
 */
public record Settings(
        String warehouseUrl,
        Optional<String> schema,
        Optional<String> songs,
        Optional<String> logs,
        Optional<String> logJsonPath,
        Cluster cluster,
        Optional<String> iamRoleArn,
        Optional<Path> configFile,
        List<String> warnings,
        AwsSettings aws,
        Optional<String> s3Endpoint,
        EngineOptions engine) {
    public static final String DEFAULT_WAREHOUSE = "jdbc:duckdb:sparkify.duckdb";

    /** A schema name that needs no care anywhere: a letter or _, then letters, digits or _, 63 at most. */
    public static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public Settings {
        requireNonNull(warehouseUrl, "warehouseUrl is null");
        requireNonNull(schema, "schema is null");
        schema.ifPresent(name -> {
            if (!SCHEMA_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a valid schema name: " + name);
            }
        });
        requireNonNull(songs, "songs is null");
        requireNonNull(logs, "logs is null");
        requireNonNull(logJsonPath, "logJsonPath is null");
        requireNonNull(cluster, "cluster is null");
        requireNonNull(iamRoleArn, "iamRoleArn is null");
        requireNonNull(configFile, "configFile is null");
        warnings = List.copyOf(warnings);
        requireNonNull(aws, "aws is null");
        requireNonNull(s3Endpoint, "s3Endpoint is null");
        requireNonNull(engine, "engine is null");
    }

    /** Settings without AWS keys, an S3 endpoint or engine options, for callers that need none. */
    public Settings(
            String warehouseUrl,
            Optional<String> schema,
            Optional<String> songs,
            Optional<String> logs,
            Optional<String> logJsonPath,
            Cluster cluster,
            Optional<String> iamRoleArn,
            Optional<Path> configFile,
            List<String> warnings) {
        this(
                warehouseUrl,
                schema,
                songs,
                logs,
                logJsonPath,
                cluster,
                iamRoleArn,
                configFile,
                warnings,
                AwsSettings.none(),
                Optional.empty(),
                EngineOptions.none());
    }

    /** These settings with {@code engine} instead. */
    public Settings withEngine(EngineOptions engine) {
        return new Settings(
                warehouseUrl,
                schema,
                songs,
                logs,
                logJsonPath,
                cluster,
                iamRoleArn,
                configFile,
                warnings,
                aws,
                s3Endpoint,
                engine);
    }
}
