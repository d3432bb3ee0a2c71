package com.sparkify.warehouse.postgres;

import com.sparkify.SparkifyException;
import com.sparkify.warehouse.JdbcSession;
import com.sparkify.warehouse.Row;
import com.sparkify.warehouse.SqlScripts;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The shared JDBC session, and: a connection lost at any step of a run, its commit included, is said to be
 * one, naming the server, whichever statement was running when the server went away.
 */
final class PostgresSession extends JdbcSession {
    private final PostgresFailures failures;

    PostgresSession(Connection connection, SqlScripts scripts, PostgresFailures failures) {
        super(connection, scripts);
        this.failures = failures;
    }

    @Override
    public void execute(String script, Map<String, Long> parameters) {
        guard("running " + script, () -> {
            super.execute(script, parameters);
            return null;
        });
    }

    @Override
    public void update(String script, List<?> values) {
        guard("running " + script, () -> {
            super.update(script, values);
            return null;
        });
    }

    @Override
    public void updateAll(String script, List<? extends List<?>> rows) {
        guard("running " + script, () -> {
            super.updateAll(script, rows);
            return null;
        });
    }

    @Override
    public List<Row> query(String sql) {
        return guard("reading the warehouse", () -> super.query(sql));
    }

    @Override
    public void commit() {
        guard("committing", () -> {
            super.commit();
            return null;
        });
    }

    private <T> T guard(String doing, Supplier<T> work) {
        try {
            return work.get();
        } catch (SparkifyException e) {
            if (e.getCause() instanceof SQLException sql && PostgresFailures.isConnectionLost(sql)) {
                throw failures.lost(doing, sql);
            }
            throw e;
        }
    }
}
