package com.sparkify.warehouse;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;

/**
 * One SQL script of a run, as the run declares it.
 *
 * @param script the script's name: {@code sql/<engine>/<script>.sql}, else {@code sql/common/<script>.sql}
 * @param phase the phase of the run it belongs to
 * @param parameters its numeric {@code ${name}} parameters
 * @param rewrites the tables it fills with rows that later steps of the run read again, so that an engine
 *     can refresh what it knows about them (PostgreSQL's planner statistics)
 */
public record Step(String script, Phase phase, Map<String, Long> parameters, Set<String> rewrites) {
    public Step {
        requireNonNull(script, "script is null");
        requireNonNull(phase, "phase is null");
        if (!script.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Expected a script name of a-z and _, found '" + script + "'");
        }
        parameters = Map.copyOf(parameters);
        rewrites = Set.copyOf(rewrites);
    }

    public Step(String script, Phase phase, Map<String, Long> parameters) {
        this(script, phase, parameters, Set.of());
    }

    public Step(String script, Phase phase) {
        this(script, phase, Map.of());
    }
}
