package com.sparkify.quality;

/** The rows a check looked at, as {@code etl_checks.scope} records it. */
public enum CheckScope {
    /** Every row of the tables it names. */
    ALL("all"),
    /** Only the rows the run changed, and the rows they refer to. */
    CHANGED("changed");

    private final String label;

    CheckScope(String label) {
        this.label = label;
    }

    /** As stored: {@code all} or {@code changed}. */
    public String label() {
        return label;
    }

    /** The scope stored as {@code label}. */
    public static CheckScope of(String label) {
        for (CheckScope scope : values()) {
            if (scope.label.equals(label)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("Expected a check scope all or changed, found '" + label + "'");
    }
}
