package io.hakit.health;

import java.util.List;
import java.util.Objects;

/**
 * One member checked directly (or one load-balancer port checked through its name): every
 * check's result. It is UP when every check passed. Immutable.
 *
 * @param target the member, or the load balancer's name and port
 * @param results one result per check, in order (the farm's health test first)
 */
public record MemberCheck(ProbeTarget target, List<ProbeResult> results) {

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException when there are no results
     */
    public MemberCheck {
        Objects.requireNonNull(target, "target");
        results = List.copyOf(results);
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a member check needs at least one result");
        }
    }

    /** @return whether every check passed */
    public boolean up() {
        return results.stream().allMatch(ProbeResult::passed);
    }

    /** @return {@link MemberState#UP} or {@link MemberState#DOWN} */
    public MemberState state() {
        return up() ? MemberState.UP : MemberState.DOWN;
    }

    /** @return the first failing result, or the farm health test's result when all passed */
    public ProbeResult decisive() {
        return results.stream().filter(r -> !r.passed()).findFirst().orElse(results.get(0));
    }
}
