package io.hakit.model.plan;

import java.util.List;
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
 */
public record ApplyResult(Plan plan, Outcome outcome, List<Change> applied, List<Change> rolledBack, int writes,
        Optional<String> failure) {

    /** How an apply ended. */
    public enum Outcome {
        /** Every change took effect. */
        APPLIED,
        /** The device already matched; nothing was written. */
        NOTHING_TO_DO,
        /** A change failed and everything this apply did was undone. */
        ROLLED_BACK,
        /** A change failed and not everything could be undone: see {@link ApplyResult#failure()}. */
        FAILED
    }

    /**
     * @throws NullPointerException naming a null argument
     */
    public ApplyResult {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(outcome, "outcome");
        applied = List.copyOf(applied);
        rolledBack = List.copyOf(rolledBack);
        Objects.requireNonNull(failure, "failure");
    }

    /** @return whether the device now matches the plan's target */
    public boolean succeeded() {
        return outcome == Outcome.APPLIED || outcome == Outcome.NOTHING_TO_DO;
    }
}
