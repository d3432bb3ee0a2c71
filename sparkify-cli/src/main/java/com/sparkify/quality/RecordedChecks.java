package com.sparkify.quality;

import static java.util.Objects.requireNonNull;

import com.sparkify.SparkifyException;
import com.sparkify.warehouse.Row;
import com.sparkify.warehouse.SessionFailures;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.WarehouseSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks one etl run recorded in {@code etl_checks} as it ran them, passed or failed: what the report
 * shows, so that it runs no check itself.
 *
 * @param runId the run
 * @param runStatus how the run ended, as {@code etl_runs} says ({@code running} while it runs)
 * @param checkedAt when it checked, UTC, to the second
 * @param checks each check's outcome and where it looked, in the order of {@code checks.sql}
 */
public record RecordedChecks(long runId, String runStatus, String checkedAt, List<RecordedCheck> checks) {
    /** One recorded check: its outcome, and the rows it looked at. */
    public record RecordedCheck(CheckResult result, CheckScope scope) {
        public RecordedCheck {
            requireNonNull(result, "result is null");
            requireNonNull(scope, "scope is null");
        }
    }

    public RecordedChecks {
        requireNonNull(runStatus, "runStatus is null");
        requireNonNull(checkedAt, "checkedAt is null");
        checks = List.copyOf(checks);
    }

    /** The outcomes, as a run of the checks reports them. */
    public CheckReport report() {
        return new CheckReport(checks.stream().map(RecordedCheck::result).toList());
    }

    /** How many checks looked at {@code scope}. */
    public long count(CheckScope scope) {
        return checks.stream().filter(check -> check.scope() == scope).count();
    }

    /**
     * The checks of the latest run that recorded some; empty when none did (no run of this version checked
     * this warehouse yet).
     */
    public static Optional<RecordedChecks> latest(Warehouse warehouse) {
        WarehouseSession session = warehouse.session();
        try {
            session.rollback();
            if (!session.hasTable("etl_checks")) {
                return Optional.empty();
            }
            return of(session.query(session.scripts().statement("checks_recorded")), warehouse);
        } catch (SparkifyException e) {
            throw SessionFailures.of("Cannot read the recorded checks of " + warehouse.describe(), e);
        }
    }

    private static Optional<RecordedChecks> of(List<Row> rows, Warehouse warehouse) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> descriptions = new QualityChecks(warehouse.scripts()).descriptions();
        List<String> order = new ArrayList<>(descriptions.keySet());
        List<RecordedCheck> checks = new ArrayList<>();
        for (Row row : rows) {
            String name = row.getString(2);
            checks.add(new RecordedCheck(
                    new CheckResult(name, descriptions.getOrDefault(name, ""), row.getLong(3)),
                    CheckScope.of(row.getString(4))));
        }
        // A check this version no longer has goes last.
        checks.sort(Comparator.comparingInt(check -> {
            int index = order.indexOf(check.result().name());
            return index < 0 ? order.size() : index;
        }));
        Row first = rows.get(0);
        String status = first.getString(1) == null ? "unknown" : first.getString(1);
        String checkedAt = first.getString(5);
        return Optional.of(new RecordedChecks(
                first.getLong(0), status, checkedAt.substring(0, Math.min(19, checkedAt.length())), checks));
    }
}
