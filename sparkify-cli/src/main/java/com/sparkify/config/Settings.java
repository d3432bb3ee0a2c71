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
 * @param warehouseOrigin where {@link #warehouseUrl} came from, which ranks the login it may hold
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
        EngineOptions engine,
        Origin warehouseOrigin) {
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
        requireNonNull(warehouseOrigin, "warehouseOrigin is null");
    }

    /** Where a setting came from. */
    public enum Origin {
        FLAG,
        ENVIRONMENT,
        CONFIG_FILE,
        DEFAULT
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
                EngineOptions.none(),
                Origin.FLAG);
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
                engine,
                warehouseOrigin);
    }

    /**
     * Who connects, flag before environment before config file: the login in a URL given as {@code --warehouse}
     * or {@code $SPARKIFY_WAREHOUSE}, then {@code PGUSER}/{@code PGPASSWORD}, then the login in a {@code
     * [WAREHOUSE] URL} of the config file, then {@code [CLUSTER] DB_USER}/{@code DB_PASSWORD}. User and
     * password are resolved each on its own, as libpq does.
     *
     * @param inUrl the user and password the warehouse URL itself holds
     */
    public Login login(Login inUrl) {
        Login environment = new Login(engine.pgUser(), engine.pgPassword());
        Login configFile = new Login(cluster.user(), cluster.password());
        return warehouseOrigin == Origin.CONFIG_FILE
                ? environment.or(inUrl).or(configFile)
                : inUrl.or(environment).or(configFile);
    }
}
