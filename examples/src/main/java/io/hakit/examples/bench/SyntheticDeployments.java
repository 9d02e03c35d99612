package io.hakit.examples.bench;

import io.hakit.model.Deployment;
import io.hakit.model.Environment;
import io.hakit.model.Server;
import io.hakit.model.Service;
import io.hakit.model.ServiceType;
import io.hakit.model.Vendor;
import io.hakit.test.ThrowawayCa;
import java.util.ArrayList;
import java.util.List;

/**
 * Large deployments for benchmarks: {@code services} HTTPS services across {@code servers}
 * application servers, every one a member of every farm, with real certificates from a
 * throwaway CA, so validation takes every path it takes on a real topology.
 */
public final class SyntheticDeployments {

    private static final ServiceType[] BALANCED = {
        ServiceType.IDENTITY_SERVER, ServiceType.WEB_SERVICES, ServiceType.USER_INTERFACE, ServiceType.REPORTING,
        ServiceType.SYSTEM_HEALTH, ServiceType.FHIR, ServiceType.EMPI,
    };

    private final ThrowawayCa ca = ThrowawayCa.create("Synthetic Hospital CA");
    private final ThrowawayCa publicCa = ThrowawayCa.create("Synthetic Public CA");

    /**
     * @param serverCount how many application servers
     * @return the servers, each with a certificate from the internal CA
     */
    public List<Server> servers(int serverCount) {
        List<Server> servers = new ArrayList<>();
        for (int i = 1; i <= serverCount; i++) {
            String fqdn = "app" + i + ".hospital.org";
            servers.add(Server.of(fqdn, ca.issueServer(fqdn).chain()));
        }
        return servers;
    }

    /**
     * @param serviceCount how many services
     * @return services of the balanced HTTPS types, each on its own port, named {@code svc-N}
     */
    public static List<Service> services(int serviceCount) {
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < serviceCount; i++) {
            services.add(Service.builder(BALANCED[i % BALANCED.length])
                    .name(String.format("svc-%04d", i))
                    .farmName(String.format("PatientSecure Service %04d", i))
                    .port(10_000 + i)
                    .build());
        }
        return services;
    }

    /**
     * @param servers the application servers
     * @param services the services
     * @return a production Citrix deployment of them
     */
    public Deployment deployment(List<Server> servers, List<Service> services) {
        return Deployment.builder()
                .name("synthetic")
                .environment(Environment.PRODUCTION)
                .loadBalancer(lb -> lb.vendor(Vendor.CITRIX).fqdn("patientsecure.hospital.org").address("10.20.0.50")
                        .certificate(publicCa.issueServer("patientsecure.hospital.org").chain()))
                .servers(servers)
                .trustCa(ca.chain())
                .services(services)
                .build();
    }
}
