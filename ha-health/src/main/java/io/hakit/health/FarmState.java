package io.hakit.health;

import java.util.Collection;

/**
 * How a farm stands, as a hospital's HA check must report it: a farm that still serves with one of
 * two servers down is not "fine", it has lost its high availability.
 */
public enum FarmState {
    /** Every member is up (and, when checked, every port answers through the load balancer). */
    HEALTHY,
    /** Still serving (at least the farm's minimum of servers up) but fewer members up than the farm has. */
    DEGRADED,
    /** Not serving: fewer than the minimum of servers up, or a check through the load balancer fails. */
    UNHEALTHY;

    /**
     * @param up members up
     * @param total members in the farm
     * @param minServers the farm's minimum
     * @return the state those counts mean
     */
    public static FarmState of(long up, long total, int minServers) {
        if (up < minServers || total == 0) {
            return UNHEALTHY;
        }
        return up < total ? DEGRADED : HEALTHY;
    }

    /**
     * @param states some states
     * @return the worst of them; {@link #HEALTHY} for none
     */
    public static FarmState worst(Collection<FarmState> states) {
        return states.stream().max(Enum::compareTo).orElse(HEALTHY);
    }
}
