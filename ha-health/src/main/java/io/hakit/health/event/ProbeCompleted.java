package io.hakit.health.event;

import io.hakit.health.MemberState;
import io.hakit.health.ProbeResult;
import java.time.Instant;
import java.util.Objects;

/**
 * A probe of a member completed (passed or failed).
 *
 * @param farm the farm
 * @param result the probe's result (its target is the member)
 * @param state the member's state after this result
 * @param at when it happened
 */
public record ProbeCompleted(String farm, ProbeResult result, MemberState state, Instant at) implements HealthEvent {

    /** @throws NullPointerException naming a null argument */
    public ProbeCompleted {
        Objects.requireNonNull(farm, "farm");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
    }
}
