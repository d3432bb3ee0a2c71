package com.sparkify.testing;

import com.sparkify.config.SettingsResolver;
import com.sparkify.pipeline.EtlListener;
import com.sparkify.pipeline.EtlOptions;
import com.sparkify.pipeline.EtlPipeline;
import com.sparkify.pipeline.EtlResult;
import com.sparkify.source.DataKind;
import com.sparkify.source.LocalFileSource;
import com.sparkify.warehouse.JdbcWarehouse;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;

/** Opens warehouses and runs etl in-process, as the CLI would, for tests. */
public final class TestWarehouses {
    private TestWarehouses() {}

    /** Opens the warehouse at a JDBC URL, with no config file and an empty environment. */
    public static Warehouse open(String url) {
        return open(url, Optional.empty());
    }

    /** Opens a warehouse whose tables live in {@code schema} (PostgreSQL). */
    public static Warehouse open(String url, Optional<String> schema) {
        return Warehouses.open(new SettingsResolver(Map.of(), Path.of("").toAbsolutePath())
                .resolve(new SettingsResolver.Flags(
                        Optional.of(url), schema, Optional.empty(), Optional.empty(), Optional.empty())));
    }

    /** The JDBC connection of a warehouse of a JDBC engine, for a test's own look at its tables. */
    public static Connection jdbc(Warehouse warehouse) {
        if (warehouse instanceof JdbcWarehouse jdbc) {
            return jdbc.connection();
        }
        throw new IllegalArgumentException("Expected a JDBC engine, found " + warehouse.engine());
    }

    public static EtlResult etl(Warehouse warehouse, Path songs, Path logs, boolean fullRefresh, long maxErrors) {
        return etl(warehouse, songs, logs, fullRefresh, maxErrors, EtlListener.NONE);
    }

    public static EtlResult etl(
            Warehouse warehouse, Path songs, Path logs, boolean fullRefresh, long maxErrors, EtlListener listener) {
        return new EtlPipeline(warehouse, listener)
                .run(new EtlOptions(
                        new LocalFileSource(songs, DataKind.SONGS),
                        new LocalFileSource(logs, DataKind.EVENTS),
                        fullRefresh,
                        maxErrors));
    }

    /** Opens, runs etl once, closes. */
    public static EtlResult etl(String url, Path songs, Path logs, boolean fullRefresh, long maxErrors) {
        try (Warehouse warehouse = open(url)) {
            return etl(warehouse, songs, logs, fullRefresh, maxErrors);
        }
    }
}
