package com.sparkify.warehouse.duckdb;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.EngineOptions;
import com.sparkify.config.Settings;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseErrors;
import com.sparkify.warehouse.WarehouseFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/** Opens {@code jdbc:duckdb:FILE} (or {@code jdbc:duckdb:} for a throw-away in-memory warehouse). */
public final class DuckDbWarehouseFactory implements WarehouseFactory {
    private static final String PREFIX = "jdbc:duckdb:";

    @Override
    public boolean handlesJdbcUrl(String url) {
        return url.startsWith(PREFIX);
    }

    @Override
    public Warehouse open(Settings settings) {
        checkNoSchema(settings);
        String url = settings.warehouseUrl();
        Optional<Path> path = file(url);
        path.ifPresent(DuckDbWarehouseFactory::checkFolder);
        Optional<WarehouseFiles> created =
                path.filter(file -> !Files.exists(file)).map(WarehouseFiles::new);
        Warehouse warehouse = connect(
                url, path.map(p -> "DuckDB file " + p).orElse("in-memory DuckDB"), false, created, settings.engine());
        // The connection holds DuckDB's file lock: a spill folder left now is a killed process's.
        path.map(WarehouseFiles::new).ifPresent(WarehouseFiles::removeStaleSpillFolder);
        return warehouse;
    }

    @Override
    public Warehouse openExisting(Settings settings) {
        file(settings.warehouseUrl()).filter(path -> !Files.exists(path)).ifPresent(path -> {
            throw new SparkifyException(
                    ErrorCode.EMPTY,
                    "No DuckDB file " + path + " (nothing was created); load data first with: sparkify etl");
        });
        return open(settings.withEngine(DuckDbSettings.forReader(settings.engine())));
    }

    @Override
    public boolean inMemory(String url) {
        return file(url).isEmpty();
    }

    /**
     * Read-only when the file exists; when it does not, an empty in-memory database stands in for it, so that
     * planning creates no file.
     */
    @Override
    public Warehouse openToPlan(Settings settings) {
        checkNoSchema(settings);
        String url = settings.warehouseUrl();
        Optional<Path> path = file(url);
        if (path.isEmpty()) {
            return open(settings);
        }
        String description = "DuckDB file " + path.get();
        if (Files.exists(path.get())) {
            return connect(url, description, true, Optional.empty(), settings.engine());
        }
        return connect(PREFIX, description + ", not created yet", false, Optional.empty(), settings.engine());
    }

    private static Warehouse connect(
            String url, String description, boolean readOnly, Optional<WarehouseFiles> created, EngineOptions options) {
        String memoryLimit = DuckDbSettings.memoryLimit(options);
        DuckDbLibrary.load();
        Properties properties = DuckDbSettings.connectionProperties(memoryLimit);
        if (readOnly) {
            properties.setProperty("access_mode", "READ_ONLY");
        }
        try {
            Connection connection = DriverManager.getConnection(url, properties);
            connection.setAutoCommit(false);
            boolean inMemory = file(url).isEmpty();
            return new DuckDbWarehouse(
                    connection, description, new DuckDbMemory(connection, memoryLimit, inMemory), created);
        } catch (SQLException e) {
            throw translateOpenFailure(e, description);
        }
    }

    private static void checkNoSchema(Settings settings) {
        if (settings.schema().isPresent()) {
            throw new SparkifyException(
                    ErrorCode.CONFIG,
                    "Expected no schema for a DuckDB warehouse (its tables live in the file), found '"
                            + settings.schema().get() + "' from --schema, $SPARKIFY_SCHEMA or [WAREHOUSE] SCHEMA;"
                            + " drop it, or use another DuckDB file for a second warehouse");
        }
    }

    /** The warehouse's file, absolute; empty for an in-memory warehouse. */
    private static Optional<Path> file(String url) {
        String location = url.substring(PREFIX.length());
        int options = location.indexOf('?');
        String file = options < 0 ? location : location.substring(0, options);
        return file.isEmpty() || file.startsWith(":memory:")
                ? Optional.empty()
                : Optional.of(Path.of(file).toAbsolutePath().normalize());
    }

    private static void checkFolder(Path path) {
        Path folder = path.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new SparkifyException(
                    ErrorCode.CONFIG,
                    "Expected a folder " + folder
                            + " for the warehouse file, found none; create it or fix --warehouse");
        }
    }

    static SparkifyException translateOpenFailure(SQLException e, String description) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Could not set lock") || message.contains("Conflicting lock")) {
            return new SparkifyException(
                    ErrorCode.BUSY,
                    description + " is in use by another process (DuckDB allows one writer at a time); "
                            + "wait for the other run to finish, then retry",
                    e);
        }
        return WarehouseErrors.translate("Cannot open " + description, e);
    }
}
