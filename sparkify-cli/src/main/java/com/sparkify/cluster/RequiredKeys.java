package com.sparkify.cluster;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the config keys a command needs and lacks, so that one message names them all. */
final class RequiredKeys {
    private final List<String> missing = new ArrayList<>();

    /** The value, or null with {@code key} noted as missing; {@link #check} then fails. */
    <T> T get(Optional<T> value, String key, String example) {
        if (value.isEmpty()) {
            missing.add(key + " (such as " + example + ")");
            return null;
        }
        return value.get();
    }

    void check() {
        if (missing.isEmpty()) {
            return;
        }
        String keys = missing.size() == 1
                ? missing.get(0)
                : String.join(", ", missing.subList(0, missing.size() - 1)) + " and " + missing.get(missing.size() - 1);
        throw new SparkifyException(
                ErrorCode.CONFIG,
                "Expected " + keys + " in the config, found " + (missing.size() == 1 ? "none" : "none of them"));
    }
}
