package io.hakit.health;

import java.util.List;
import java.util.Objects;

/**
 * The verification of one farm: its members checked directly, its load-balancer ports
 * checked through the load balancer's name, whether it is healthy, and which layer is at
 * fault. Immutable.
 *
 * @param service the service's name, e.g. {@code web-services}
 * @param farm the farm's name on the load balancer, e.g. {@code PatientSecure Web Services}
 * @param minServers servers that must pass directly for the farm to be healthy
 * @param members the direct checks, one per member (empty when not run)
 * @param viaLb the checks through the load balancer, one per published port (empty when not run)
 * @param healthy whether at least {@code minServers} servers pass directly (when checked) and every
 *        check through the load balancer passes (when checked)
 * @param fault the layer at fault
 * @param diagnosis one sentence naming the farm, the member(s) and the reason
 * @param state HEALTHY (every server up directly and every check through the load balancer passing),
 *        DEGRADED (serving, but fewer servers up than the farm has: high availability is lost) or
 *        UNHEALTHY (not {@code healthy})
 */
public record FarmVerdict(String service, String farm, int minServers, List<MemberCheck> members,
        List<MemberCheck> viaLb, boolean healthy, Fault fault, String diagnosis, FarmState state) {

    /** @throws NullPointerException naming a null argument */
    public FarmVerdict {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(farm, "farm");
        members = List.copyOf(members);
        viaLb = List.copyOf(viaLb);
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(state, "state");
    }
}
