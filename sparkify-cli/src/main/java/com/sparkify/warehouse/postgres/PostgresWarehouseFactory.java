package com.sparkify.warehouse.postgres;

import com.sparkify.config.Settings;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseFactory;

/**
 * Opens {@code jdbc:postgresql://HOST:PORT/DATABASE} (Redshift's {@code jdbc:redshift:} is not ours). User
 * and password: from the URL, else {@code [CLUSTER] DB_USER / DB_PASSWORD}, else {@code PGUSER /
 * PGPASSWORD} as the settings read them.
 */
public final class PostgresWarehouseFactory implements WarehouseFactory {
    @Override
    public boolean handlesJdbcUrl(String url) {
        return url.startsWith(PostgresTarget.PREFIX);
    }

    @Override
    public Warehouse open(Settings settings) {
        PostgresConnector connector = new PostgresConnector(PostgresTarget.of(settings));
        return new PostgresWarehouse(connector.openMain(), connector);
    }
}
