package io.hakit.health;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one member as a monitor sees it. Immutable.
 *
 * @param farm the farm's name
 * @param member the member
 * @param state the current state
 * @param consecutivePasses passing probes in a row (0 after a failure)
 * @param consecutiveFailures failing probes in a row (0 after a pass)
 * @param lastResult the latest probe result, empty before the first
 * @param since when the member entered {@code state}
 */
public record MemberHealth(String farm, ProbeTarget member, MemberState state, int consecutivePasses,
        int consecutiveFailures, Optional<ProbeResult> lastResult, Instant since) {

    /** @throws NullPointerException naming a null argument */
    public MemberHealth {
        Objects.requireNonNull(farm, "farm");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastResult, "lastResult");
        Objects.requireNonNull(since, "since");
    }
}
