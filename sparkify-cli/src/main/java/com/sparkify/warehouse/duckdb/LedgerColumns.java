package com.sparkify.warehouse.duckdb;

import com.sparkify.warehouse.ClientClock;
import com.sparkify.warehouse.LoadedFile;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.WarehouseErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a run's ledger rows in one statement, one list per column ({@code sql/duckdb/ledger_insert.sql}):
 * DuckDB runs a JDBC batch one insert per row, and each takes blocks of its own in the run's transaction,
 * held until the commit, so a run of many files left its checks too little of the memory limit.
 */
final class LedgerColumns {
    private static final String[] TYPES = {"VARCHAR", "VARCHAR", "BIGINT", "VARCHAR", "BIGINT", "BIGINT", "BIGINT"};

    private LedgerColumns() {}

    static void insert(Connection connection, SqlScripts scripts, List<LoadedFile> files, long loadId) {
        if (files.isEmpty()) {
            return;
        }
        int n = files.size();
        Object[][] columns = new Object[TYPES.length][n];
        for (int i = 0; i < n; i++) {
            LoadedFile loaded = files.get(i);
            columns[0][i] = loaded.file().uri();
            columns[1][i] = loaded.file().kind().label();
            columns[2][i] = loaded.file().size();
            columns[3][i] = loaded.file().changeMarker();
            columns[4][i] = loaded.counts().read();
            columns[5][i] = loaded.counts().staged();
            columns[6][i] = loaded.counts().rejected();
        }
        try (PreparedStatement statement = connection.prepareStatement(scripts.statement("ledger_insert"))) {
            for (int c = 0; c < TYPES.length; c++) {
                statement.setArray(c + 1, connection.createArrayOf(TYPES[c], columns[c]));
            }
            statement.setLong(TYPES.length + 1, loadId);
            statement.setObject(TYPES.length + 2, ClientClock.now());
            statement.execute();
        } catch (SQLException e) {
            throw WarehouseErrors.translate("The warehouse rejected script ledger_insert", e);
        }
    }
}
