package com.sparkify.pipeline;

import com.sparkify.quality.CheckReport;
import com.sparkify.quality.CheckResult;
import com.sparkify.quality.CheckScope;
import com.sparkify.warehouse.ClientClock;
import com.sparkify.warehouse.WarehouseSession;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * {@code etl_checks}: each check's outcome of a run, written on the side session as soon as the run has
 * checked, passed or failed, so that it stays when the run publishes nothing.
 */
final class CheckLog {
    private CheckLog() {}

    static void write(WarehouseSession side, long runId, CheckReport report, Map<String, CheckScope> scopes) {
        LocalDateTime checkedAt = ClientClock.now();
        side.updateAll(
                "check_insert",
                report.results().stream()
                        .map(check -> row(runId, check, scopes.getOrDefault(check.name(), CheckScope.ALL), checkedAt))
                        .toList());
    }

    private static List<Object> row(long runId, CheckResult check, CheckScope scope, LocalDateTime checkedAt) {
        return List.of(runId, check.name(), check.passed(), check.offendingRows(), scope.label(), checkedAt);
    }
}
