package io.hakit.health.event;

import java.time.Instant;

/**
 * Something a {@link io.hakit.health.HealthMonitor} observed. One of
 * {@link ProbeCompleted}, {@link MemberStateChanged} or {@link FarmHealthChanged}.
 * Immutable.
 */
public sealed interface HealthEvent permits ProbeCompleted, MemberStateChanged, FarmHealthChanged {

    /** @return the farm the event concerns */
    String farm();

    /** @return when it happened */
    Instant at();
}
