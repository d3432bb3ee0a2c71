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
        Optional<WarehouseFiles> files = path.map(WarehouseFiles::new);
        Optional<WarehouseFiles> created = files.filter(each -> !Files.exists(each.file()));
        Warehouse warehouse = connect(
                url,
                path.map(p -> "DuckDB file " + p).orElse("in-memory DuckDB"),
                false,
                created,
                files,
                settings.engine());
        // The connection holds DuckDB's file lock: what is left now is a killed process's, and from now on
        // the file may get ahead of its snapshot.
        try {
            files.ifPresent(WarehouseFiles::removeStaleFiles);
            files.ifPresent(WarehouseFiles::markPublishPending);
        } catch (RuntimeException e) {
            warehouse.closeAndRemoveIfNew();
            throw e;
        }
        return warehouse;
    }

    /**
     * Readers open the snapshot, read-only, so that they never hold the writer's lock nor wait for it. When the
     * file may be ahead of it (a run killed before it published, a warehouse without a snapshot yet), they
     * publish first, unless a writer holds the file: that one publishes when it ends.
     */
    @Override
    public Warehouse openExisting(Settings settings) {
        Optional<Path> path = file(settings.warehouseUrl());
        path.filter(each -> !Files.exists(each)).ifPresent(each -> {
            throw new SparkifyException(
                    ErrorCode.EMPTY,
                    "No DuckDB file " + each + " (nothing was created); load data first with: sparkify etl");
        });
        // A reader is not a run: it gets a share of the limit (decisions/0009).
        Settings reader = settings.withEngine(DuckDbSettings.forReader(settings.engine()));
        if (path.isEmpty()) {
            return open(reader);
        }
        WarehouseFiles files = new WarehouseFiles(path.get());
        if (files.publishIsPending() || !Files.exists(files.snapshot())) {
            publishFirst(settings, files);
        }
        String description = "DuckDB file " + path.get();
        return connect(
                PREFIX + files.snapshot() + options(settings.warehouseUrl()),
                description,
                true,
                Optional.empty(),
                Optional.empty(),
                reader.engine());
    }

    private void publishFirst(Settings settings, WarehouseFiles files) {
        try {
            // Closing a writer publishes: its marker is there.
            open(settings).close();
        } catch (SparkifyException e) {
            if (e.code() != ErrorCode.BUSY) {
                throw e;
            }
            if (!Files.exists(files.snapshot())) {
                throw new SparkifyException(
                        ErrorCode.BUSY,
                        "DuckDB file " + files.file() + " has nothing published yet: the first load is still "
                                + "running; retry when it has finished",
                        e);
            }
        }
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
            return connect(url, description, true, Optional.empty(), Optional.empty(), settings.engine());
        }
        return connect(
                PREFIX,
                description + ", not created yet",
                false,
                Optional.empty(),
                Optional.empty(),
                settings.engine());
    }

    private static Warehouse connect(
            String url,
            String description,
            boolean readOnly,
            Optional<WarehouseFiles> created,
            Optional<WarehouseFiles> writing,
            EngineOptions options) {
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
                    connection,
                    description,
                    new DuckDbMemory(connection, memoryLimit, inMemory),
                    created,
                    writing,
                    () -> DriverManager.getConnection(url, properties));
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

    /** The options of {@code url} ({@code ?key=value...}), or nothing. */
    private static String options(String url) {
        int options = url.indexOf('?');
        return options < 0 ? "" : url.substring(options);
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
