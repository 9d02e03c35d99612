package io.hakit.model.validate;

import java.util.Objects;

/**
 * One thing a validator found: the rule it breaks (GUIDE-RULES ID), how much it matters,
 * where in the topology it is, what is wrong and how to fix it. Immutable.
 *
 * @param rule the rule ID, e.g. {@code SVC-005}
 * @param severity how much it matters
 * @param path where in the topology, e.g. {@code services.fhir.port}
 * @param message what is wrong, naming the values involved
 * @param hint how to fix it ({@code ""} when there is nothing to add)
 */
public record Finding(String rule, Severity severity, String path, String message, String hint) {

    /**
     * @throws NullPointerException naming a null argument
     */
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    @Override
    public String toString() {
        return severity + " " + rule + " at " + path + ": " + message + (hint.isEmpty() ? "" : " (" + hint + ")");
    }
}
