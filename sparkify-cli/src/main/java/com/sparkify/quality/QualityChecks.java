package com.sparkify.quality;

import com.sparkify.SparkifyException;
import com.sparkify.warehouse.SessionFailures;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the data-quality checks of {@code checks.sql} in a warehouse session. */
public final class QualityChecks {
    private static final String MARKER = "-- check:";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QualityChecks.class);

    private final SqlScripts scripts;

    public QualityChecks(SqlScripts scripts) {
        this.scripts = scripts;
    }

    /** Every check over every row, in the warehouse's session (the {@code check} command). */
    public CheckReport run(Warehouse warehouse) {
        return run(warehouse.session(), false);
    }

    /**
     * The checks; with {@code onlyChanged}, an incremental etl run's on an engine that {@linkplain
     * com.sparkify.warehouse.Warehouse#supportsNarrowedChecks() narrows them}: the checks {@code
     * checks_changed.sql} names look only at the rows the run touched (its temp tables of changed keys must
     * exist).
     */
    public CheckReport run(WarehouseSession session, boolean onlyChanged) {
        Map<String, Check> narrowed = onlyChanged ? checks("checks_changed") : Map.of();
        List<CheckResult> results = new ArrayList<>();
        for (Map.Entry<String, Check> check : checks("checks").entrySet()) {
            String name = check.getKey();
            String sql = narrowed.getOrDefault(name, check.getValue()).sql();
            long started = System.nanoTime();
            results.add(new CheckResult(name, check.getValue().description(), count(session, sql)));
            LOG.debug("check {} took {} ms", name, (System.nanoTime() - started) / 1_000_000);
        }
        return new CheckReport(results);
    }

    /** Each check's promise, by name, in the order the checks run. */
    public Map<String, String> descriptions() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        checks("checks").forEach((name, check) -> descriptions.put(name, check.description()));
        return descriptions;
    }

    /**
     * Where each check of a run looked: {@link CheckScope#CHANGED} for the checks {@code checks_changed.sql}
     * narrows when {@code onlyChanged}, {@link CheckScope#ALL} for the others.
     */
    public Map<String, CheckScope> scopes(boolean onlyChanged) {
        Map<String, Check> narrowed = onlyChanged ? checks("checks_changed") : Map.of();
        Map<String, CheckScope> scopes = new LinkedHashMap<>();
        checks("checks")
                .keySet()
                .forEach(name -> scopes.put(name, narrowed.containsKey(name) ? CheckScope.CHANGED : CheckScope.ALL));
        return scopes;
    }

    /** One check of a script: what it promises, and the query counting the rows that break it. */
    private record Check(String description, String sql) {}

    /** The checks of a script, by name, in their order. */
    private Map<String, Check> checks(String script) {
        Map<String, Check> checks = new LinkedHashMap<>();
        for (String block : scripts.text(script).split("\n(?=" + MARKER + ")")) {
            if (!block.startsWith(MARKER)) {
                continue;
            }
            int endOfHeader = block.indexOf('\n');
            String[] header = block.substring(MARKER.length(), endOfHeader).split("\\|", 2);
            String sql = SqlScripts.split(block.substring(endOfHeader + 1)).get(0);
            checks.put(header[0].strip(), new Check(header[1].strip(), sql));
        }
        return checks;
    }

    private static long count(WarehouseSession session, String sql) {
        try {
            return session.queryLong(sql);
        } catch (SparkifyException e) {
            throw SessionFailures.of("A data-quality check failed to run", e);
        }
    }
}
