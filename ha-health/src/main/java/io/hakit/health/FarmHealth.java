package io.hakit.health;

import java.util.List;
import java.util.Objects;

/**
 * A snapshot of a farm: its members, its load balancer's names when those are probed too,
 * and whether it is healthy, that is whether at least {@code minServers} members are
 * {@link MemberState#UP} and no check through the load balancer is {@link MemberState#DOWN}.
 * Immutable.
 *
 * @param farm the farm's name
 * @param minServers members that must be UP for the farm to be healthy
 * @param members every member's health
 * @param viaLb the health of each load-balancer target probed for this farm (empty when none is)
 */
public record FarmHealth(String farm, int minServers, List<MemberHealth> members, List<MemberHealth> viaLb) {

    /** @throws NullPointerException naming a null argument */
    public FarmHealth {
        Objects.requireNonNull(farm, "farm");
        members = List.copyOf(members);
        viaLb = List.copyOf(viaLb);
    }

    /**
     * A snapshot without load-balancer targets.
     *
     * @param farm the farm's name
     * @param minServers members that must be UP for the farm to be healthy
     * @param members every member's health
     * @throws NullPointerException naming a null argument
     */
    public FarmHealth(String farm, int minServers, List<MemberHealth> members) {
        this(farm, minServers, members, List.of());
    }

    /** @return members currently UP */
    public int upMembers() {
        return (int) members.stream().filter(m -> m.state() == MemberState.UP).count();
    }

    /**
     * @return HEALTHY when every member is UP, DEGRADED when at least {@code minServers} but not all are,
     *     UNHEALTHY below {@code minServers} or when a check through the load balancer is DOWN
     */
    public FarmState state() {
        return lbDown() ? FarmState.UNHEALTHY : FarmState.of(upMembers(), members.size(), minServers);
    }

    /** @return whether at least {@code minServers} members are UP and no check through the load balancer is DOWN */
    public boolean healthy() {
        return upMembers() >= minServers && !lbDown();
    }

    private boolean lbDown() {
        return viaLb.stream().anyMatch(m -> m.state() == MemberState.DOWN);
    }
}
