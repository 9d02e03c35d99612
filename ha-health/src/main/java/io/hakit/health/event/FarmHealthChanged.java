package io.hakit.health.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A farm became healthy (at least {@code minServers} members UP) or unhealthy.
 *
 * @param farm the farm
 * @param healthy whether it is healthy now
 * @param upMembers members UP now
 * @param minServers members that must be UP
 * @param at when it happened
 */
public record FarmHealthChanged(String farm, boolean healthy, int upMembers, int minServers, Instant at)
        implements HealthEvent {

    /** @throws NullPointerException naming a null argument */
    public FarmHealthChanged {
        Objects.requireNonNull(farm, "farm");
        Objects.requireNonNull(at, "at");
    }
}
