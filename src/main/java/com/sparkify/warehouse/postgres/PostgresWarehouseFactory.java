package com.sparkify.warehouse.postgres;

import com.sparkify.config.Settings;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseFactory;
import java.util.Map;

/**
 * Opens {@code jdbc:postgresql://HOST:PORT/DATABASE} (Redshift's {@code jdbc:redshift:} is not ours). User
 * and password: from the URL, else {@code [CLUSTER] DB_USER / DB_PASSWORD}, else {@code PGUSER /
 * PGPASSWORD}.
 */
public final class PostgresWarehouseFactory implements WarehouseFactory {
    private final Map<String, String> environment;

    public PostgresWarehouseFactory() {
        this(System.getenv());
    }

    /** With the environment given, for tests. */
    public PostgresWarehouseFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public boolean handlesJdbcUrl(String url) {
        return url.startsWith(PostgresTarget.PREFIX);
    }

    @Override
    public Warehouse open(Settings settings) {
        PostgresConnector connector = new PostgresConnector(PostgresTarget.of(settings, environment));
        return new PostgresWarehouse(connector.openMain(), connector);
    }
}
