package io.hakit.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A load-balanced group of application servers for one service (an ARR server farm, a
 * Citrix service group, an F5 pool), derived from a {@link Deployment}. Adapters render
 * from it; nothing else decides a farm's members, ports, health test or affinity.
 *
 * @param service the service's name
 * @param type the catalog entry
 * @param name the farm's name on the load balancer, e.g. {@code PatientSecure Web Services}
 * @param mode balanced, or failover (HL7)
 * @param servers the member servers' FQDNs
 * @param ports the published ports (two for the Admin Console and Emergency Search)
 * @param healthTest the health test; absent for HL7, which is checked over TCP
 * @param affinity the affinity in force
 */
public record Farm(String service, ServiceType type, String name, ServiceMode mode, List<String> servers,
        List<PortMapping> ports, Optional<HealthTest> healthTest, Affinity affinity) {

    /**
     * @throws NullPointerException naming a null argument
     */
    public Farm {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        servers = List.copyOf(servers);
        ports = List.copyOf(ports);
        Objects.requireNonNull(healthTest, "healthTest");
        Objects.requireNonNull(affinity, "affinity");
    }

    /** @return one member per server and port */
    public List<Member> members() {
        return servers.stream()
                .flatMap(s -> ports.stream().map(p -> new Member(s, p.serverPort(), p.tls())))
                .toList();
    }
}
