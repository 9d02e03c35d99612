package io.hakit.hl7;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link FailoverMllpSender} does once the preferred (first) endpoint works again
 * after a failover: stay on the endpoint it switched to, or return to the preferred one
 * after it has been healthy (accepting TCP connections, probed in the background) for a
 * given time. A fail-back happens only between messages, never with a message in flight.
 *
 * <p>Immutable and thread-safe.
 */
public final class Failback {

    /** Default interval between probes of the preferred endpoint: 1 second. */
    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(1);

    private static final Failback STAY = new Failback(null, null);

    private final Duration healthyFor;
    private final Duration probeInterval;

    private Failback(Duration healthyFor, Duration probeInterval) {
        this.healthyFor = healthyFor;
        this.probeInterval = probeInterval;
    }

    /**
     * Stay on the endpoint switched to until it fails (the default).
     *
     * @return the policy
     */
    public static Failback stay() {
        return STAY;
    }

    /**
     * Return to the preferred endpoint once it has accepted connections for {@code healthyFor},
     * probing every {@link #DEFAULT_PROBE_INTERVAL}.
     *
     * @param healthyFor how long the preferred endpoint must have been healthy
     * @return the policy
     * @throws NullPointerException if {@code healthyFor} is null
     * @throws IllegalArgumentException if it is negative
     */
    public static Failback toPreferred(Duration healthyFor) {
        return toPreferred(healthyFor, DEFAULT_PROBE_INTERVAL);
    }

    /**
     * Return to the preferred endpoint once it has accepted connections for {@code healthyFor},
     * probing every {@code probeInterval}.
     *
     * @param healthyFor how long the preferred endpoint must have been healthy
     * @param probeInterval how often to probe it
     * @return the policy
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code healthyFor} is negative or {@code probeInterval} not positive
     */
    public static Failback toPreferred(Duration healthyFor, Duration probeInterval) {
        Objects.requireNonNull(healthyFor, "healthyFor");
        if (healthyFor.isNegative()) {
            throw new IllegalArgumentException("healthyFor must not be negative, was " + healthyFor);
        }
        return new Failback(healthyFor, MllpClient.positive(probeInterval, "probeInterval"));
    }

    /**
     * Whether this policy returns to the preferred endpoint.
     *
     * @return false for {@link #stay()}
     */
    public boolean returnsToPreferred() {
        return healthyFor != null;
    }

    /**
     * How long the preferred endpoint must have been healthy before the sender returns to it.
     *
     * @return the duration ({@link Duration#ZERO} for {@link #stay()}, which never returns)
     */
    public Duration healthyFor() {
        return healthyFor == null ? Duration.ZERO : healthyFor;
    }

    /**
     * How often the preferred endpoint is probed while it is not active.
     *
     * @return the interval ({@link #DEFAULT_PROBE_INTERVAL} for {@link #stay()}, which never probes)
     */
    public Duration probeInterval() {
        return probeInterval == null ? DEFAULT_PROBE_INTERVAL : probeInterval;
    }

    @Override
    public String toString() {
        return healthyFor == null ? "Failback[stay]" : "Failback[to preferred after " + healthyFor + "]";
    }
}
