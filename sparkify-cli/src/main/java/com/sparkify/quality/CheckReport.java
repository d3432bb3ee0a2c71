package com.sparkify.quality;

import java.util.List;

/** Every check's outcome, in the order of {@code checks.sql}. */
public record CheckReport(List<CheckResult> results) {
    public CheckReport {
        results = List.copyOf(results);
    }

    public boolean passed() {
        return results.stream().allMatch(CheckResult::passed);
    }

    public List<CheckResult> failures() {
        return results.stream().filter(result -> !result.passed()).toList();
    }
}
