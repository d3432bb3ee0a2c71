package com.sparkify.config;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds {@link Settings} from flags, environment variables and the config file, in that order. */
public final class SettingsResolver {
    public static final String DEFAULT_CONFIG = "dwh.cfg";

    private final Map<String, String> environment;
    private final Path workingDirectory;

    public SettingsResolver(Map<String, String> environment, Path workingDirectory) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
    }

    /** The flags a command was given; empty when not given. */
    public record Flags(
            Optional<String> warehouse,
            Optional<String> schema,
            Optional<Path> config,
            Optional<String> songs,
            Optional<String> logs) {
        /** Without a schema. */
        public Flags(Optional<String> warehouse, Optional<Path> config, Optional<String> songs, Optional<String> logs) {
            this(warehouse, Optional.empty(), config, songs, logs);
        }

        public static Flags none() {
            return new Flags(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** Only a warehouse URL. */
        public static Flags warehouse(String url) {
            return new Flags(Optional.of(url), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    public Settings resolve(Flags flags) {
        Optional<Path> configFile = configFile(flags);
        IniFile ini = configFile.map(IniFile::read).orElse(IniFile.empty());
        Cluster cluster = cluster(ini, configFile);
        List<String> warnings = new ArrayList<>();
        configFile.ifPresent(file -> warnIfWorldReadable(file, cluster, warnings));
        Settings.Origin origin = flags.warehouse().isPresent()
                ? Settings.Origin.FLAG
                : env("SPARKIFY_WAREHOUSE").isPresent()
                        ? Settings.Origin.ENVIRONMENT
                        : ini.get("WAREHOUSE", "URL").or(() -> cluster.host()).isPresent()
                                ? Settings.Origin.CONFIG_FILE
                                : Settings.Origin.DEFAULT;
        String warehouse = flags.warehouse()
                .or(() -> env("SPARKIFY_WAREHOUSE"))
                .or(() -> ini.get("WAREHOUSE", "URL"))
                .or(() -> redshiftUrl(cluster))
                .orElse(Settings.DEFAULT_WAREHOUSE);
        EngineOptions engine = EngineOptions.from(environment);
        if (warehouse.startsWith("jdbc:postgresql:")) {
            engine = checkPasswordFile(engine, warnings);
        }
        Optional<String> schema = flags.schema()
                .map(name -> checkSchema(name, "--schema"))
                .or(() -> env("SPARKIFY_SCHEMA").map(name -> checkSchema(name, "$SPARKIFY_SCHEMA")))
                .or(() -> ini.get("WAREHOUSE", "SCHEMA")
                        .map(name -> checkSchema(name, "[WAREHOUSE] SCHEMA of " + configFile.orElseThrow())));
        return new Settings(
                warehouse,
                schema,
                flags.songs().or(() -> env("SPARKIFY_SONGS")).or(() -> ini.get("S3", "SONG_DATA")),
                flags.logs().or(() -> env("SPARKIFY_LOGS")).or(() -> ini.get("S3", "LOG_DATA")),
                ini.get("S3", "LOG_JSONPATH"),
                cluster,
                ini.get("IAM_ROLE", "ARN"),
                configFile,
                warnings,
                aws(ini, configFile),
                env("SPARKIFY_S3_ENDPOINT").or(() -> ini.get("S3", "ENDPOINT")),
                engine,
                origin);
    }

    private Optional<Path> configFile(Flags flags) {
        Optional<Path> explicit = flags.config().or(() -> env("SPARKIFY_CONFIG").map(Path::of));
        if (explicit.isPresent()) {
            Path path = workingDirectory.resolve(explicit.get());
            if (!Files.isRegularFile(path)) {
                throw new SparkifyException(
                        ErrorCode.CONFIG, "Expected a config file at " + path + ", found none; check --config");
            }
            return Optional.of(path);
        }
        Path fallback = workingDirectory.resolve(DEFAULT_CONFIG);
        return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    private static String checkSchema(String name, String source) {
        if (!Settings.SCHEMA_NAME.matcher(name).matches()) {
            throw new SparkifyException(
                    ErrorCode.CONFIG,
                    "Expected a schema name for " + source + " (a letter or _, then letters, digits or _, at most 63),"
                            + " found '" + name + "'");
        }
        return name;
    }

    private static Cluster cluster(IniFile ini, Optional<Path> file) {
        Optional<Integer> port = number(ini, "CLUSTER", "DB_PORT", "a port number", file);
        return new Cluster(
                ini.get("CLUSTER", "HOST"),
                port,
                ini.get("CLUSTER", "DB_NAME"),
                ini.get("CLUSTER", "DB_USER"),
                ini.get("CLUSTER", "DB_PASSWORD").map(Secret::new));
    }

    private static AwsSettings aws(IniFile ini, Optional<Path> file) {
        return new AwsSettings(
                ini.get("CLUSTER", "REGION"),
                ini.get("CLUSTER", "CLUSTER_IDENTIFIER"),
                ini.get("CLUSTER", "CLUSTER_TYPE"),
                number(ini, "CLUSTER", "NUM_NODES", "a number of nodes", file),
                ini.get("CLUSTER", "NODE_TYPE"),
                ini.get("IAM_ROLE", "ROLE_NAME"),
                ini.get("S3", "MANIFEST_PREFIX"),
                ini.get("S3", "REGION"));
    }

    private static Optional<Integer> number(IniFile ini, String section, String key, String what, Optional<Path> file) {
        return ini.get(section, key).map(value -> {
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw new SparkifyException(
                        ErrorCode.CONFIG,
                        "Expected " + what + " for [" + section + "] " + key + " in " + file.orElseThrow() + ", found '"
                                + value + "'");
            }
        });
    }

    private static Optional<String> redshiftUrl(Cluster cluster) {
        return cluster.host()
                .map(host -> "jdbc:redshift://" + host + ":" + cluster.port().orElse(5439) + "/"
                        + cluster.database().orElse("dev"));
    }

    private static void warnIfWorldReadable(Path file, Cluster cluster, List<String> warnings) {
        if (cluster.password().isEmpty()) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
                warnings.add(file + " holds a password and is readable by every user of this machine; run: chmod 600 "
                        + file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to check.
        }
    }

    /** As libpq does on Unix: a password file others may read or write is ignored, with a warning. */
    private static EngineOptions checkPasswordFile(EngineOptions engine, List<String> warnings) {
        if (engine.passwordFile().isEmpty()) {
            return engine;
        }
        Path file = engine.passwordFile().get().path();
        if (!Files.exists(file)) {
            return engine;
        }
        if (!Files.isRegularFile(file)) {
            warnings.add("password file " + file + " is not a plain file, so it is ignored");
            return engine.withoutPasswordFile();
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(permission -> !permission.name().startsWith("OWNER_"))) {
                warnings.add("password file " + file + " has group or world access, so it is ignored, as psql"
                        + " ignores it; run: chmod 600 " + file);
                return engine.withoutPasswordFile();
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: libpq checks nothing there either.
        }
        return engine;
    }

    private Optional<String> env(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
