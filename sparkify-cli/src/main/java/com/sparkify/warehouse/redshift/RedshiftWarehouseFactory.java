package com.sparkify.warehouse.redshift;

import com.sparkify.Messages;
import com.sparkify.config.Settings;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Opens {@code jdbc:redshift://HOST:PORT/DATABASE} with the official Redshift JDBC driver, in the schema of
 * {@code --schema} when given. Registered before any PostgreSQL factory: Redshift speaks the PostgreSQL
 * protocol, but not its SQL.
 */
public final class RedshiftWarehouseFactory implements WarehouseFactory {
    private static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    private static final Duration PLAN_LOGIN_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public boolean handlesJdbcUrl(String url) {
        return url.startsWith(RedshiftTarget.PREFIX);
    }

    @Override
    public Warehouse open(Settings settings) {
        return open(settings, RedshiftTarget.of(settings));
    }

    /**
     * Connects only to see whether the cluster is there; when it is not (no cluster yet, or none reachable
     * from here), plans as for an empty warehouse, saying why in the plan's header.
     */
    @Override
    public Warehouse openToPlan(Settings settings) {
        RedshiftTarget target = RedshiftTarget.of(settings);
        Properties properties = target.connectionProperties();
        properties.putIfAbsent("loginTimeout", Long.toString(PLAN_LOGIN_TIMEOUT.toSeconds()));
        try {
            DriverManager.getConnection(target.url(), properties).close();
        } catch (SQLException e) {
            return new PlanWithoutCluster(
                    target.describe() + ", not reachable (" + target.redact(Messages.firstLine(e.getMessage()))
                            + "): planned as for an empty warehouse",
                    settings);
        }
        return open(settings, target);
    }

    private static Warehouse open(Settings settings, RedshiftTarget target) {
        RedshiftWarehouse.Sessions sessions = new SchemaSessions(() -> connect(target), settings.schema());
        Connection main = sessions.open();
        try {
            main.setAutoCommit(false);
        } catch (SQLException e) {
            throw RedshiftWarehouse.connectFailure(target, e);
        }
        return new RedshiftWarehouse(
                main,
                sessions,
                target.describe()
                        + settings.schema()
                                .map(name -> " (schema " + name + ")")
                                .orElse(""),
                settings,
                new S3ManifestStore(
                        settings.aws().dataRegion().or(() -> settings.aws().region())),
                new RedshiftCopier(),
                LOCK_WAIT);
    }

    private static Connection connect(RedshiftTarget target) {
        try {
            Connection connection = DriverManager.getConnection(target.url(), target.connectionProperties());
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException e) {
            throw RedshiftWarehouse.connectFailure(target, e);
        }
    }
}
