package com.sparkify.analytics;

import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/** {@link TextRepair} as a value mapper that remembers which distinct values it repaired. */
final class TextRepairs implements UnaryOperator<String> {
    private final Set<String> repaired = new HashSet<>();

    @Override
    public String apply(String text) {
        String result = TextRepair.repair(text);
        if (!result.equals(text)) {
            repaired.add(text);
        }
        return result;
    }

    int count() {
        return repaired.size();
    }
}
