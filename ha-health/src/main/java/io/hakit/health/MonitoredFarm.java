package io.hakit.health;

import io.hakit.model.Deployment;
import io.hakit.model.Farm;
import io.hakit.model.HealthTest;
import io.hakit.model.Vip;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A farm to monitor: its name, its health test, its members and, optionally, the load
 * balancer's names that serve it (probed "through the load balancer"). Immutable.
 *
 * @param name the farm's name, unique within a monitor, e.g. {@code web-services}
 * @param test the health test every member gets (its interval, time-out and minServers apply)
 * @param members the members, at least one, no duplicates
 * @param viaLb the load balancer's virtual servers for this farm, probed with the same test; a
 *        failure there makes the farm UNHEALTHY; empty to probe the members only
 */
public record MonitoredFarm(String name, HealthTest test, List<ProbeTarget> members, List<ProbeTarget> viaLb) {

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException when there are no members or a target is listed twice
     */
    public MonitoredFarm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(test, "test");
        members = List.copyOf(members);
        viaLb = List.copyOf(viaLb);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("farm '" + name + "' has no members");
        }
        if (new HashSet<>(members).size() != members.size()) {
            throw new IllegalArgumentException("farm '" + name + "' lists a member twice: " + members);
        }
        if (new HashSet<>(viaLb).size() != viaLb.size()) {
            throw new IllegalArgumentException("farm '" + name + "' lists a load-balancer target twice: " + viaLb);
        }
    }

    /**
     * A farm probed on its members only.
     *
     * @param name the farm's name
     * @param test the health test
     * @param members the members
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException when there are no members or a member is listed twice
     */
    public MonitoredFarm(String name, HealthTest test, List<ProbeTarget> members) {
        this(name, test, members, List.of());
    }

    /**
     * @param deployment the deployment the farm belongs to
     * @param farm one of its farms
     * @return the farm to monitor, named by its service, with the load balancer's virtual servers
     *     for that service as {@link #viaLb()}
     * @throws IllegalArgumentException when the farm has no health test (HL7)
     */
    public static MonitoredFarm of(Deployment deployment, Farm farm) {
        Objects.requireNonNull(deployment, "deployment");
        MonitoredFarm direct = of(farm);
        List<ProbeTarget> lb = deployment.vips().stream().filter(v -> v.service().equals(farm.service()))
                .map(MonitoredFarm::target).distinct().toList();
        return new MonitoredFarm(direct.name(), direct.test(), direct.members(), lb);
    }

    private static ProbeTarget target(Vip vip) {
        return new ProbeTarget(vip.fqdn(), vip.port(), vip.tls());
    }

    /**
     * @param farm a farm derived from a deployment
     * @return the farm to monitor, named by its service
     * @throws IllegalArgumentException when the farm has no health test (HL7)
     */
    public static MonitoredFarm of(Farm farm) {
        Objects.requireNonNull(farm, "farm");
        HealthTest test = farm.healthTest().orElseThrow(() -> new IllegalArgumentException(
                "farm '" + farm.service() + "' has no HTTP health test"));
        return new MonitoredFarm(farm.service(), test, farm.members().stream().map(ProbeTarget::of).toList());
    }
}
