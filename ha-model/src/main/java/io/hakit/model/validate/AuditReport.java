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
 * changes a plan would make. Immutable and thread-safe.
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

    private final Source source;
    private final Vendor vendor;
    private final ValidationReport report;
    private final Optional<Plan> drift;

    /**
     * @param vendor the vendor (written in JSON and text by its key, e.g. {@code citrix})
     * @param source where the configuration came from
     * @param findings what the guide's rules found
     * @param drift the plan against the topology, when one was given
     * @throws NullPointerException naming a null argument
     */
    public AuditReport(Vendor vendor, Source source, List<Finding> findings, Optional<Plan> drift) {
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.source = Objects.requireNonNull(source, "source");
        this.report = new ValidationReport(findings);
        this.drift = Objects.requireNonNull(drift, "drift");
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
     * and, with a topology, {@code "drift":[...changes as in plan...]} and {@code "conflicts"}.
     *
     * @return the JSON
     */
    public String toJson() {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(report.toJson());
            root.put("source", source.key());
            root.put("vendor", vendor.key());
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
     * The report for people: findings grouped by severity, then the drift.
     *
     * @return the text
     */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append("Audit of the ").append(vendor.key()).append(' ').append(source.key()).append(": ")
                .append(report.errors()).append(" errors, ").append(report.warnings()).append(" warnings, ")
                .append(report.infos()).append(" infos\n");
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
        return "AuditReport[" + vendor.key() + " " + source.key() + ", " + report.errors() + " errors, "
                + driftChanges().size() + " drift]";
    }
}
