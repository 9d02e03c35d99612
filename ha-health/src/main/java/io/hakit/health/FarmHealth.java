package io.hakit.health;

import java.util.List;
import java.util.Objects;

/**
 * A snapshot of a farm: its members and whether it is healthy, that is whether at least
 * {@code minServers} members are {@link MemberState#UP}. Immutable.
 *
 * @param farm the farm's name
 * @param minServers members that must be UP for the farm to be healthy
 * @param members every member's health
 */
public record FarmHealth(String farm, int minServers, List<MemberHealth> members) {

    /** @throws NullPointerException naming a null argument */
    public FarmHealth {
        Objects.requireNonNull(farm, "farm");
        members = List.copyOf(members);
    }

    /** @return members currently UP */
    public int upMembers() {
        return (int) members.stream().filter(m -> m.state() == MemberState.UP).count();
    }

    /**
     * @return HEALTHY when every member is UP, DEGRADED when at least {@code minServers} but not all are,
     *     UNHEALTHY below {@code minServers}
     */
    public FarmState state() {
        return FarmState.of(upMembers(), members.size(), minServers);
    }

    /** @return whether at least {@code minServers} members are UP */
    public boolean healthy() {
        return upMembers() >= minServers;
    }
}
