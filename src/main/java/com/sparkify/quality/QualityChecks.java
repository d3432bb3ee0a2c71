package com.sparkify.quality;

import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.WarehouseErrors;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs the data-quality checks of {@code checks.sql} against a warehouse connection. */
public final class QualityChecks {
    private static final String MARKER = "-- check:";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QualityChecks.class);

    private final SqlScripts scripts;

    public QualityChecks(SqlScripts scripts) {
        this.scripts = scripts;
    }

    public CheckReport run(Connection connection) {
        List<CheckResult> results = new ArrayList<>();
        for (String block : scripts.text("checks").split("\n(?=" + MARKER + ")")) {
            if (!block.startsWith(MARKER)) {
                continue;
            }
            int endOfHeader = block.indexOf('\n');
            String[] header = block.substring(MARKER.length(), endOfHeader).split("\\|", 2);
            String sql = SqlScripts.split(block.substring(endOfHeader + 1)).get(0);
            long started = System.nanoTime();
            results.add(new CheckResult(header[0].strip(), header[1].strip(), count(connection, sql)));
            LOG.debug("check {} took {} ms", header[0].strip(), (System.nanoTime() - started) / 1_000_000);
        }
        return new CheckReport(results);
    }

    private static long count(Connection connection, String sql) {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw WarehouseErrors.translate("A data-quality check failed to run", e);
        }
    }
}
