package io.hakit.model.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Every finding of one validation, errors first. Immutable and thread-safe.
 */
public final class ValidationReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Finding> findings;

    /**
     * @param findings the findings, in any order (they are sorted: errors, warnings, infos;
     *     within a severity, in the order the rules found them)
     */
    public ValidationReport(List<Finding> findings) {
        Objects.requireNonNull(findings, "findings");
        this.findings = findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
    }

    /** @return every finding, errors first */
    public List<Finding> findings() {
        return findings;
    }

    /**
     * @param severity a severity
     * @return the findings of that severity
     */
    public List<Finding> findings(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /**
     * @param rule a rule ID
     * @return the findings under that rule
     */
    public List<Finding> byRule(String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    /** @return how many errors */
    public int errors() {
        return count(Severity.ERROR);
    }

    /** @return how many warnings */
    public int warnings() {
        return count(Severity.WARNING);
    }

    /** @return how many infos */
    public int infos() {
        return count(Severity.INFO);
    }

    private int count(Severity s) {
        return (int) findings.stream().filter(f -> f.severity() == s).count();
    }

    /** @return whether the deployment has no errors */
    public boolean isValid() {
        return errors() == 0;
    }

    /**
     * The JSON of DESIGN.md: {@code {"findings":[{"rule":..,"severity":..,"path":..,"message":..,"hint":..}],
     * "errors":N,"warnings":N}}.
     *
     * @return the report as JSON
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("findings");
        for (Finding f : findings) {
            list.addObject().put("rule", f.rule()).put("severity", f.severity().key()).put("path", f.path())
                    .put("message", f.message()).put("hint", f.hint());
        }
        root.put("errors", errors());
        root.put("warnings", warnings());
        root.put("infos", infos());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a validation report as JSON", e);
        }
    }

    @Override
    public String toString() {
        return "ValidationReport[" + errors() + " errors, " + warnings() + " warnings, " + infos() + " infos]";
    }
}
