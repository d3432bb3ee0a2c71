package com.sparkify.warehouse;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.Settings;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The registry of engines: every {@link WarehouseFactory} that {@code
 * META-INF/services/com.sparkify.warehouse.WarehouseFactory} names, asked in the order listed there, so
 * more specific URL prefixes come first (Redshift before PostgreSQL). An engine in a jar of its own plugs
 * in with that file.
 */
public final class Warehouses {
    private static final List<WarehouseFactory> FACTORIES = ServiceLoader.load(WarehouseFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList();

    private Warehouses() {}

    public static Warehouse open(Settings settings) {
        return factory(settings).open(settings);
    }

    /** For the commands that only read: a warehouse that does not exist yet is an error, not created. */
    public static Warehouse openExisting(Settings settings) {
        return factory(settings).openExisting(settings);
    }

    /** Whether the warehouse of {@code settings} lives in memory only, its tables gone when it closes. */
    public static boolean inMemory(Settings settings) {
        return factory(settings).inMemory(settings.warehouseUrl());
    }

    /** For {@code etl --plan}: reads the warehouse if it exists, and creates nothing. */
    public static Warehouse openToPlan(Settings settings) {
        return factory(settings).openToPlan(settings);
    }

    /** The engines found, in the order they are asked. */
    static List<WarehouseFactory> factories() {
        return FACTORIES;
    }

    private static WarehouseFactory factory(Settings settings) {
        String url = settings.warehouseUrl();
        return FACTORIES.stream()
                .filter(factory -> factory.handlesJdbcUrl(url))
                .findFirst()
                .orElseThrow(() -> new SparkifyException(ErrorCode.CONFIG, noEngineFor(url)));
    }

    /** What to do about a URL no engine on the class path handles: the Spark engine is a jar of its own. */
    static String noEngineFor(String url) {
        if (url.startsWith("spark:")) {
            return "The Spark engine is not in this sparkify: run ./sparkify-on-spark, or put the sparkify-spark jar"
                    + " and its dependencies on the class path (docs/spark.md)";
        }
        return "Expected a warehouse URL starting with jdbc:duckdb:, jdbc:redshift:, jdbc:postgresql: or spark:, "
                + "found '" + JdbcUrls.redact(url) + "'; check --warehouse";
    }
}
