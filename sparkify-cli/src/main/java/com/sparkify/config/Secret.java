package com.sparkify.config;

import static java.util.Objects.requireNonNull;

/** A password or key. Its {@code toString} never shows the value, so it cannot leak into a log line. */
public record Secret(String value) {
    public Secret {
        requireNonNull(value, "value is null");
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
