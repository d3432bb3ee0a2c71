package com.sparkify.warehouse.postgres;

import com.sparkify.warehouse.SqlScripts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A first load fills empty tables, and building an index once over all their rows costs much less than
 * maintaining it row by row (fewer pages touched, far less WAL). So the primary keys and indexes of the
 * tables it fills are dropped in the run's transaction as it starts to stage, and built again before the
 * checks, which see the same keys as ever: a duplicate key fails the build as it failed the insert. A run
 * that rolls back gets them back with everything else. Until the run commits it holds those tables
 * exclusively, which on a first load hides nothing from readers; a full refresh keeps its indexes, so that
 * readers keep reading the rows it replaces.
 */
final class DeferredIndexes {
    private static final Logger LOG = LoggerFactory.getLogger(DeferredIndexes.class);

    private final Connection connection;
    private final SqlScripts scripts;
    private final List<String> pending = new ArrayList<>();

    DeferredIndexes(Connection connection, SqlScripts scripts) {
        this.connection = connection;
        this.scripts = scripts;
    }

    /** Drops them; {@link #build} builds them again. */
    void drop() throws SQLException {
        List<String> drops = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(scripts.statement("deferred_indexes"))) {
            while (rows.next()) {
                drops.add(rows.getString(1));
                pending.add(rows.getString(2));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String drop : drops) {
                statement.execute(drop);
            }
        }
    }

    /** Builds what {@link #drop} dropped, if anything. */
    void build() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            for (String create : pending) {
                statement.execute(create);
            }
        }
        LOG.debug("built {} indexes in {} ms", pending.size(), (System.nanoTime() - started) / 1_000_000);
        pending.clear();
    }

    /** The run rolled back, and the indexes with it. */
    void rolledBack() {
        pending.clear();
    }
}
