package com.sparkify.quality;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of one data-quality check.
 *
 * @param name short name, such as {@code songplays_users}
 * @param description what the check promises
 * @param offendingRows rows that break the promise; 0 passes
 */
public record CheckResult(String name, String description, long offendingRows) {
    public CheckResult {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
    }

    public boolean passed() {
        return offendingRows == 0;
    }
}
