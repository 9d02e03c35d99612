package io.hakit.model.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.model.Vendor;
import io.hakit.model.validate.Finding;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ordered changes that bring a device to what a deployment needs. Vendor-neutral:
 * every adapter plans into this. An empty plan means the device already matches.
 * Immutable and thread-safe.
 *
 * @param vendor the target; written in JSON and text by its key, e.g. {@code citrix}
 * @param changes the changes, in the order they must be applied
 * @param requests how many device requests applying the plan takes
 * @param conflicts what stops the plan from being applied (foreign objects in the way, a missing
 *     key); empty when it can be applied
 * @param warnings what is not a change but worth knowing: operational member state (an operator's drained or
 *     disabled member, {@code OPS-001}: high availability reduced), which apply never changes
 */
public record Plan(Vendor vendor, List<Change> changes, int requests, List<Conflict> conflicts,
        List<Finding> warnings) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException when {@code requests} is negative
     */
    public Plan {
        Objects.requireNonNull(vendor, "vendor");
        changes = List.copyOf(changes);
        if (requests < 0) {
            throw new IllegalArgumentException("requests (" + requests + ") must not be negative");
        }
        conflicts = List.copyOf(conflicts);
        warnings = List.copyOf(warnings);
    }

    /**
     * A plan with no warnings.
     *
     * @param vendor the target
     * @param changes the changes, in order
     * @param requests how many device requests applying it takes
     * @param conflicts what stops it from being applied
     */
    public Plan(Vendor vendor, List<Change> changes, int requests, List<Conflict> conflicts) {
        this(vendor, changes, requests, conflicts, List.of());
    }

    /**
     * @param more warnings to add
     * @return this plan with {@code more} added to its warnings
     */
    public Plan withWarnings(List<Finding> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Finding> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new Plan(vendor, changes, requests, conflicts, all);
    }

    /**
     * A plan with no conflicts.
     *
     * @param vendor the target
     * @param changes the changes, in order
     * @param requests how many device requests applying it takes
     */
    public Plan(Vendor vendor, List<Change> changes, int requests) {
        this(vendor, changes, requests, List.of());
    }

    /** @return whether nothing stops the plan from being applied */
    public boolean isApplicable() {
        return conflicts.isEmpty();
    }

    /**
     * @param vendor the target
     * @return a plan with nothing to do
     */
    public static Plan empty(Vendor vendor) {
        return new Plan(vendor, List.of(), 0);
    }

    /** @return whether the device already matches (no changes and no conflicts) */
    public boolean isEmpty() {
        return changes.isEmpty() && conflicts.isEmpty();
    }

    /**
     * @param op an operation
     * @return how many changes do it
     */
    public long count(ChangeOp op) {
        return changes.stream().filter(c -> c.op() == op).count();
    }

    /**
     * The plan as people read it: one line per change, with {@code +} create, {@code ~}
     * update (old → new), {@code -} delete, {@code >} bind, {@code <} unbind, and a summary.
     *
     * @return the text
     */
    public String toText() {
        StringBuilder b = new StringBuilder();
        for (Finding w : warnings) {
            b.append("warning ").append(w.rule()).append(' ').append(w.path()).append(": ").append(w.message())
                    .append('\n');
        }
        if (isEmpty()) {
            return b + "No changes: the " + vendor.key() + " configuration already matches the topology.\n";
        }
        for (Change c : changes) {
            b.append(symbol(c.op())).append(' ').append(c.type()).append(' ').append(c.name()).append('\n');
            if (c.op() == ChangeOp.UPDATE) {
                for (Map.Entry<String, Object> e : c.after().entrySet()) {
                    b.append("    ").append(e.getKey()).append(": ").append(c.before().getOrDefault(e.getKey(), "(unset)"))
                            .append(" -> ").append(e.getValue()).append('\n');
                }
            } else {
                for (Map.Entry<String, Object> e : c.attributes().entrySet()) {
                    b.append("    ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
                }
            }
        }
        b.append(String.format("Plan: %d to create, %d to update, %d to delete, %d to bind, %d to unbind"
                        + " (%d requests).%n", count(ChangeOp.CREATE), count(ChangeOp.UPDATE),
                count(ChangeOp.DELETE), count(ChangeOp.BIND), count(ChangeOp.UNBIND), requests));
        for (Conflict c : conflicts) {
            b.append("! ").append(c.kind().key()).append(' ').append(c.type()).append(' ').append(c.name())
                    .append(": ").append(c.message()).append('\n');
        }
        if (!conflicts.isEmpty()) {
            b.append(conflicts.size()).append(conflicts.size() == 1 ? " conflict stops" : " conflicts stop")
                    .append(" this plan: nothing will be written until ")
                    .append(conflicts.size() == 1 ? "it is" : "they are").append(" resolved.\n");
        }
        return b.toString();
    }

    private static char symbol(ChangeOp op) {
        switch (op) {
            case CREATE:
                return '+';
            case UPDATE:
                return '~';
            case DELETE:
                return '-';
            case BIND:
                return '>';
            default:
                return '<';
        }
    }

    /**
     * The JSON of DESIGN.md: {@code {"vendor":..,"changes":[{"op":..,"type":..,"name":..,
     * "attributes":{..}}],"requests":N,"conflicts":[{"kind":..,"type":..,"name":..,"message":..}]}};
     * updates also carry {@code "before"}.
     *
     * @return the JSON
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("vendor", vendor.key());
        ArrayNode list = root.putArray("changes");
        for (Change c : changes) {
            ObjectNode n = list.addObject();
            n.put("op", c.op().key()).put("type", c.type()).put("name", c.name());
            n.set("attributes", JSON.valueToTree(c.attributes()));
            if (c.op() == ChangeOp.UPDATE) {
                n.set("before", JSON.valueToTree(c.before()));
            }
        }
        root.put("requests", requests);
        ArrayNode blocked = root.putArray("conflicts");
        for (Conflict c : conflicts) {
            blocked.addObject().put("kind", c.kind().key()).put("type", c.type()).put("name", c.name())
                    .put("message", c.message());
        }
        if (!warnings.isEmpty()) {
            ArrayNode ws = root.putArray("warnings");
            for (Finding w : warnings) {
                ws.addObject().put("rule", w.rule()).put("severity", w.severity().key()).put("path", w.path()).put("message", w.message()).put("hint", w.hint());
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan attribute cannot be written as JSON", e);
        }
    }
}
