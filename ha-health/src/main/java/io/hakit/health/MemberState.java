package io.hakit.health;

/**
 * A member's state as a monitor sees it. Every member starts {@link #UNKNOWN}; it becomes
 * {@link #UP} after {@link MonitorProfile#rise()} consecutive passing probes and
 * {@link #DOWN} after {@link MonitorProfile#fall()} consecutive failing ones.
 */
public enum MemberState {
    /** Not yet decided: too few probes so far. Does not count towards {@code minServers}. */
    UNKNOWN,
    /** Healthy: takes traffic. */
    UP,
    /** Unhealthy: takes no traffic. */
    DOWN
}
