package com.sparkify.warehouse;

import com.sparkify.config.Settings;

/** Opens one engine's warehouse, chosen by JDBC URL (as Flyway chooses its database support). */
public interface WarehouseFactory {
    boolean handlesJdbcUrl(String url);

    Warehouse open(Settings settings);

    /** Whether {@code url} names a warehouse that lives in memory and is gone when it is closed. */
    default boolean inMemory(String url) {
        return false;
    }

    /**
     * Opens a warehouse that must already exist, for the commands that only read it. An engine whose open
     * would create it (a DuckDB file) fails instead with {@link com.sparkify.ErrorCode#EMPTY}.
     */
    default Warehouse openExisting(Settings settings) {
        return open(settings);
    }

    /**
     * Opens the warehouse for {@code etl --plan}, which reads and creates nothing. An engine whose open would
     * create it (a DuckDB file) opens an existing one read-only, and plans against an empty one otherwise.
     */
    default Warehouse openToPlan(Settings settings) {
        return open(settings);
    }
}
