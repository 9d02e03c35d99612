package io.hakit.health.event;

import io.hakit.health.FarmState;
import java.time.Instant;
import java.util.Objects;

/**
 * A farm's state changed: HEALTHY (every member UP), DEGRADED (at least {@code minServers} UP, not all:
 * high availability lost) or UNHEALTHY (fewer than {@code minServers} UP).
 *
 * @param farm the farm
 * @param healthy whether it is healthy now
 * @param upMembers members UP now
 * @param minServers members that must be UP
 * @param at when it happened
 * @param state the farm's state now
 */
public record FarmHealthChanged(String farm, boolean healthy, int upMembers, int minServers, Instant at,
        FarmState state)
        implements HealthEvent {

    /** @throws NullPointerException naming a null argument */
    public FarmHealthChanged {
        Objects.requireNonNull(farm, "farm");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(state, "state");
    }
}
