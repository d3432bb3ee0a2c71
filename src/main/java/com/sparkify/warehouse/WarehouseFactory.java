package com.sparkify.warehouse;

import com.sparkify.config.Settings;

/** Opens one engine's warehouse, chosen by JDBC URL (as Flyway chooses its database support). */
public interface WarehouseFactory {
    boolean handlesJdbcUrl(String url);

    Warehouse open(Settings settings);
}
