package io.hakit.model.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What applying a plan did. Immutable and thread-safe.
 *
 * @param plan the plan that was applied
 * @param outcome how it ended
 * @param applied the changes that took effect (and stayed), in order
 * @param rolledBack the changes undone after a failure, in the order they were undone
 * @param writes how many write requests were sent to the device (0 on a converged device)
 * @param failure what failed, if anything (never a secret)
 * @param requests how many requests the apply sent in all (writes and any reads, login and logout
 *     included); 0 for an adapter that writes a file
 */
public record ApplyResult(Plan plan, Outcome outcome, List<Change> applied, List<Change> rolledBack, int writes,
        Optional<String> failure, int requests) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How an apply ended. */
    public enum Outcome {
        /** Every change took effect. */
        APPLIED,
        /** The device already matched; nothing was written. */
        NOTHING_TO_DO,
        /** A change failed, everything this apply did was undone, and the device was read back as before. */
        ROLLED_BACK,
        /**
         * A change (or the save) failed and the device is not as before: {@link ApplyResult#applied()} is what is
         * on it, {@link ApplyResult#failure()} says why and what state it is in.
         */
        FAILED;

        /** @return the key of DESIGN.md's apply JSON: {@code applied}, {@code unchanged}, {@code rolled-back}, {@code failed} */
        public String key() {
            return this == NOTHING_TO_DO ? "unchanged" : name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException when a count is negative
     */
    public ApplyResult {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(outcome, "outcome");
        applied = List.copyOf(applied);
        rolledBack = List.copyOf(rolledBack);
        Objects.requireNonNull(failure, "failure");
        if (writes < 0 || requests < 0) {
            throw new IllegalArgumentException("writes (" + writes + ") and requests (" + requests
                    + ") must not be negative");
        }
    }

    /**
     * A result whose request count is its write count.
     *
     * @param plan the plan that was applied
     * @param outcome how it ended
     * @param applied the changes that took effect
     * @param rolledBack the changes undone
     * @param writes how many write requests were sent
     * @param failure what failed, if anything
     */
    public ApplyResult(Plan plan, Outcome outcome, List<Change> applied, List<Change> rolledBack, int writes,
            Optional<String> failure) {
        this(plan, outcome, applied, rolledBack, writes, failure, writes);
    }

    /** @return whether the device now matches the plan's target */
    public boolean succeeded() {
        return outcome == Outcome.APPLIED || outcome == Outcome.NOTHING_TO_DO;
    }

    /**
     * One line for people, e.g. {@code Applied 41 changes in 9 requests.} or
     * {@code Rolled back: 12 changes undone after lbvserver ps_web failed: ...}.
     *
     * @return the summary
     */
    public String summary() {
        switch (outcome) {
            case NOTHING_TO_DO:
                if (writes > 0) {
                    return "Nothing to change: the " + plan.vendor().key() + " configuration already matches; the"
                            + " running configuration was saved (" + writes + (writes == 1 ? " write)." : " writes).");
                }
                return "Nothing to do: the " + plan.vendor().key() + " configuration already matches (0 writes).";
            case APPLIED:
                return "Applied " + applied.size() + (applied.size() == 1 ? " change" : " changes") + " in "
                        + requests + (requests == 1 ? " request" : " requests") + " (" + writes + " writes).";
            case ROLLED_BACK:
                return "Rolled back: nothing changed on the device (" + rolledBack.size() + " undone). "
                        + failure.orElse("");
            default:
                return "FAILED: " + failure.orElse("") + " (" + applied.size() + (applied.size() == 1 ? " change is"
                        : " changes are") + " on the device; see the apply JSON)";
        }
    }

    /**
     * The apply JSON of DESIGN.md: {@code {"vendor":..,"outcome":"applied|unchanged|rolled-back|failed",
     * "applied":N,"rolledBack":N,"requests":N,"writes":N,"changes":[{"op":..,"type":..,"name":..,
     * "status":"applied|rolled-back|not-applied"}],"error":".."}}; {@code error} only when something failed.
     *
     * @return the JSON
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("vendor", plan.vendor().key());
        root.put("outcome", outcome.key());
        root.put("applied", applied.size());
        root.put("rolledBack", rolledBack.size());
        root.put("requests", requests);
        root.put("writes", writes);
        ArrayNode list = root.putArray("changes");
        for (Change c : plan.changes()) {
            String status = rolledBack.contains(c) ? "rolled-back" : applied.contains(c) ? "applied" : "not-applied";
            ObjectNode n = list.addObject();
            n.put("op", c.op().key()).put("type", c.type()).put("name", c.name()).put("status", status);
        }
        failure.ifPresent(f -> root.put("error", f));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an apply result cannot be written as JSON", e);
        }
    }
}
