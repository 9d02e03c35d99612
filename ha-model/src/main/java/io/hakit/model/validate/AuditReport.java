package io.hakit.model.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.model.Vendor;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What an audit found on a device or in a configuration file: findings by the guide's rule IDs
 * (in {@link ValidationReport}'s shape) and, when a topology was given, the drift from it as the
 * changes a plan would make; which objects it judged ({@link #scope()}) and which it left alone as
 * other applications' ({@link #outOfScope()}). Immutable and thread-safe.
 */
public final class AuditReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the audited configuration came from. */
    public enum Source {
        /** Read from a live device (Citrix NITRO, F5 iControl REST). */
        DEVICE,
        /** Read from a configuration file (IIS {@code applicationHost.config}). */
        FILE;

        /** @return {@code device} or {@code file} */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which objects an audit judged (DESIGN.md, "Scope on a shared device"). */
    public enum Scope {
        /** The topology's deployment: the objects hakit owns and those the topology names or references. */
        DEPLOYMENT,
        /** No topology: the PatientSecure deployments found on the device, and what they reference. */
        FOUND,
        /** Every object on the device or in the file ({@code audit --all}). */
        ALL;

        /** @return {@code deployment}, {@code found} or {@code all} */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Source source;
    private final Scope scope;
    private final List<String> outOfScope;
    private final Vendor vendor;
    private final ValidationReport report;
    private final Optional<Plan> drift;

    /**
     * An audit that judged every object ({@link Scope#ALL}), so nothing is out of scope.
     *
     * @param vendor the vendor (written in JSON and text by its key, e.g. {@code citrix})
     * @param source where the configuration came from
     * @param findings what the guide's rules found
     * @param drift the plan against the topology, when one was given
     * @throws NullPointerException naming a null argument
     */
    public AuditReport(Vendor vendor, Source source, List<Finding> findings, Optional<Plan> drift) {
        this(vendor, source, Scope.ALL, findings, drift, List.of());
    }

    /**
     * @param vendor the vendor (written in JSON and text by its key, e.g. {@code citrix})
     * @param source where the configuration came from
     * @param scope which objects were judged
     * @param findings what the guide's rules found
     * @param drift the plan against the topology, when one was given
     * @param outOfScope the names of the objects left alone as other applications' (never judged), e.g.
     *     {@code webFarm Intranet Farm}
     * @throws NullPointerException naming a null argument
     */
    public AuditReport(Vendor vendor, Source source, Scope scope, List<Finding> findings, Optional<Plan> drift,
            List<String> outOfScope) {
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.source = Objects.requireNonNull(source, "source");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.report = new ValidationReport(findings);
        this.drift = Objects.requireNonNull(drift, "drift");
        this.outOfScope = List.copyOf(outOfScope);
    }

    /** @return which objects were judged */
    public Scope scope() {
        return scope;
    }

    /** @return the names of the objects left alone as other applications' (never judged), in the order found */
    public List<String> outOfScope() {
        return outOfScope;
    }

    /** @return the vendor */
    public Vendor vendor() {
        return vendor;
    }

    /** @return where the configuration came from */
    public Source source() {
        return source;
    }

    /** @return the findings, errors first */
    public List<Finding> findings() {
        return report.findings();
    }

    /**
     * @param rule a rule ID
     * @return the findings under that rule
     */
    public List<Finding> byRule(String rule) {
        return report.byRule(rule);
    }

    /** @return the findings as a validation report */
    public ValidationReport report() {
        return report;
    }

    /** @return the plan against the topology, when one was given */
    public Optional<Plan> drift() {
        return drift;
    }

    /** @return the drift's changes (empty without a topology or when nothing drifted) */
    public List<Change> driftChanges() {
        return drift.map(Plan::changes).orElse(List.of());
    }

    /** @return whether nothing is wrong: no error finding and no drift */
    public boolean isClean() {
        return report.isValid() && driftChanges().isEmpty() && drift.map(Plan::isApplicable).orElse(true);
    }

    /**
     * The audit JSON of DESIGN.md: validate's shape plus {@code "source":"device"|"file"}, {@code "vendor"},
     * {@code "scope":"deployment"|"found"|"all"}, {@code "outOfScope":N} with the names in
     * {@code "outOfScopeObjects":[...]}, and, with a topology, {@code "drift":[...changes as in plan...]} and
     * {@code "conflicts"}.
     *
     * @return the JSON
     */
    public String toJson() {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(report.toJson());
            root.put("source", source.key());
            root.put("vendor", vendor.key());
            root.put("scope", scope.key());
            root.put("outOfScope", outOfScope.size());
            outOfScope.forEach(root.putArray("outOfScopeObjects")::add);
            if (drift.isPresent()) {
                ObjectNode plan = (ObjectNode) JSON.readTree(drift.get().toJson());
                root.set("drift", plan.get("changes"));
                root.set("conflicts", plan.get("conflicts"));
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write an audit report as JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The report for people: findings grouped by severity, then the drift; the objects out of scope are
     * counted only.
     *
     * @return the text
     */
    public String toText() {
        return toText(false);
    }

    /**
     * The report for people: the scope, findings grouped by severity, then the drift.
     *
     * @param verbose whether to list the objects out of scope by name (otherwise they are counted)
     * @return the text
     */
    public String toText(boolean verbose) {
        StringBuilder b = new StringBuilder();
        b.append("Audit of the ").append(vendor.key()).append(' ').append(source.key()).append(": ")
                .append(report.errors()).append(" errors, ").append(report.warnings()).append(" warnings, ")
                .append(report.infos()).append(" infos\n");
        b.append("Scope: ").append(scope.key());
        switch (scope) {
            case DEPLOYMENT:
                b.append(" (the topology's objects)");
                break;
            case FOUND:
                b.append(" (the PatientSecure objects found; no topology given)");
                break;
            default:
                b.append(" (every object)");
                break;
        }
        if (!outOfScope.isEmpty()) {
            b.append("; ").append(outOfScope.size()).append(outOfScope.size() == 1 ? " object" : " objects")
                    .append(" of other applications not judged").append(verbose ? ":" : " (--verbose lists them)");
        }
        b.append('\n');
        if (verbose) {
            outOfScope.forEach(o -> b.append("  out of scope: ").append(o).append('\n'));
        }
        for (Finding f : report.findings()) {
            b.append("  ").append(f.severity().key().toUpperCase(Locale.ROOT)).append(' ').append(f.rule())
                    .append(' ').append(f.path()).append(": ").append(f.message());
            if (!f.hint().isEmpty()) {
                b.append("\n      hint: ").append(f.hint());
            }
            b.append('\n');
        }
        drift.ifPresent(p -> {
            if (p.isEmpty()) {
                b.append("Drift: none; the configuration matches the topology.\n");
            } else {
                b.append("Drift from the topology:\n").append(p.toText().indent(2));
            }
        });
        return b.toString();
    }

    @Override
    public String toString() {
        return "AuditReport[" + vendor.key() + " " + source.key() + ", scope " + scope.key() + ", " + report.errors()
                + " errors, " + driftChanges().size() + " drift, " + outOfScope.size() + " out of scope]";
    }
}
