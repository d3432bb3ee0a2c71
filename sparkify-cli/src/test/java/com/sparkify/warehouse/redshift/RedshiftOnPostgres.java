package com.sparkify.warehouse.redshift;

import com.sparkify.config.Settings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Runs the Redshift engine's SQL on a real PostgreSQL, as far as the two dialects overlap. Exactly one thing
 * differs, and only it is bridged: the physical-design clauses of Redshift's CREATE TABLE (DISTSTYLE, DISTKEY,
 * SORTKEY, ENCODE) are taken out of each statement on its way to PostgreSQL.
 *
 * <p>Everything else (types, VARCHAR lengths, md5, window functions, DELETE ... USING, EXTRACT, the epoch
 * arithmetic, LOCK, statement_timeout, temporary tables) runs as written. COPY and stl_load_errors do not
 * exist here: {@link FakeCopier} stands in for them. Each database gets the "C" collation, which compares
 * text byte by byte as Redshift does.
 */
final class RedshiftOnPostgres implements AutoCloseable {
    private static final List<Pattern> REDSHIFT_ONLY = List.of(
            Pattern.compile("(?i)\\s*DISTSTYLE\\s+(ALL|EVEN|AUTO|KEY)"),
            Pattern.compile("(?i)\\s*DISTKEY\\s*\\([^)]*\\)"),
            Pattern.compile("(?i)\\s*(COMPOUND\\s+|INTERLEAVED\\s+)?SORTKEY\\s*\\([^)]*\\)"),
            Pattern.compile("(?i)\\s+ENCODE\\s+\\w+"));
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EmbeddedPostgres server;

    RedshiftOnPostgres() {
        try {
            server = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    /** A new, empty database: one per warehouse under test. */
    String newDatabase() throws SQLException {
        String name = "redshift_sql_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("postgres"));
                Statement statement = admin.createStatement()) {
            statement.execute(
                    "CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        }
        return name;
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database + "?user=postgres";
    }

    /** A session on {@code database} that translates Redshift's DDL; auto-commit on. */
    Connection session(String database) {
        try {
            Connection connection = DriverManager.getConnection(url(database));
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, new Translating(connection));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Redshift engine on {@code database}, COPY faked, manifests kept in memory. */
    RedshiftWarehouse warehouse(
            String database, Settings settings, FakeCopier copier, FakeManifestStore manifests, Duration lockWait) {
        RedshiftWarehouse.Sessions sessions = new SchemaSessions(() -> session(database), settings.schema());
        Connection main = sessions.open();
        try {
            main.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new RedshiftWarehouse(
                main, sessions, "Redshift-on-PostgreSQL " + database, settings, manifests, copier, lockWait);
    }

    static String toPostgres(String sql) {
        String translated = sql;
        for (Pattern clause : REDSHIFT_ONLY) {
            translated = clause.matcher(translated).replaceAll("");
        }
        return translated;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** Passes every call through, with the SQL of statements translated first. */
    private static final class Translating implements InvocationHandler {
        private final Object target;

        Translating(Object target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (args != null && args.length > 0 && args[0] instanceof String sql && takesSql(method)) {
                args[0] = toPostgres(sql);
            }
            try {
                Object result = method.invoke(target, args);
                if (result instanceof PreparedStatement statement) {
                    return wrap(statement, PreparedStatement.class);
                }
                if (result instanceof Statement statement) {
                    return wrap(statement, Statement.class);
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private static boolean takesSql(Method method) {
            return switch (method.getName()) {
                case "prepareStatement", "prepareCall", "execute", "executeQuery", "executeUpdate", "addBatch" -> true;
                default -> false;
            };
        }

        private static Object wrap(Object statement, Class<?> type) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Translating(statement));
        }
    }
}
