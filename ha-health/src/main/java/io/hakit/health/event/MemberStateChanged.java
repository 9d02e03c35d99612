package io.hakit.health.event;

import io.hakit.health.MemberState;
import io.hakit.health.ProbeResult;
import io.hakit.health.ProbeTarget;
import java.time.Instant;
import java.util.Objects;

/**
 * A member went UP or DOWN.
 *
 * @param farm the farm
 * @param member the member
 * @param from the previous state
 * @param to the new state
 * @param cause the probe result that completed the rise or fall
 * @param at when it happened
 */
public record MemberStateChanged(String farm, ProbeTarget member, MemberState from, MemberState to, ProbeResult cause,
        Instant at) implements HealthEvent {

    /** @throws NullPointerException naming a null argument */
    public MemberStateChanged {
        Objects.requireNonNull(farm, "farm");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(at, "at");
    }
}
