package io.hakit.f5;

import io.hakit.health.vendor.F5Monitor;
import io.hakit.model.Deployment;
import io.hakit.model.Farm;
import io.hakit.model.GuideConstants;
import io.hakit.model.HealthTest;
import io.hakit.model.ServiceMode;
import io.hakit.model.Vip;
import io.hakit.model.plan.Ownership;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders a {@link Deployment} as the BIG-IP objects it needs, in the order a transaction must create them
 * (certificates, monitors, nodes, profiles, pools, virtual servers, GTM):
 * <ul>
 * <li>one FQDN node per application server (F5-001);</li>
 * <li>one HTTP(S) monitor per service and scheme from the guide's test, via ha-health's {@link F5Monitor}
 *     (timeout = 3 × interval + 1);</li>
 * <li>one pool and one virtual server per published port (F5-004), with a TCP profile whose idle time-out is
 *     {@value GuideConstants#IDLE_TIMEOUT_SECONDS} s (F5-003), source-address persistence (AFF-002), client-ssl with the
 *     load balancer's certificate and server-ssl verifying the servers against the topology's trust CA
 *     (TLS-001, TLS-004), SNAT automap;</li>
 * <li>HL7 on its own virtual server (the HL7 address) with a pool in priority-group activation
 *     ({@code minActiveMembers} 1, the first server's priority highest): all traffic to one server
 *     (F5-002, HL7-001);</li>
 * <li>GTM when a data center is given: a {@code gtm server} for this BIG-IP declaring its virtual servers,
 *     and a {@code wideip a} with its {@code pool a} for each load balancer name.</li>
 * </ul>
 * Every object that has a {@code description} carries the deployment's ownership marker. Immutable and
 * thread-safe.
 */
public final class F5Renderer {

    /** The TCP profile's name, after its idle time-out {@link GuideConstants#IDLE_TIMEOUT} (F5-003). */
    public static final String TCP_PROFILE = "ps-tcp-" + GuideConstants.IDLE_TIMEOUT_SECONDS;
    /** The client-ssl profile's name. */
    public static final String CLIENT_SSL = "ps-clientssl";
    /** The server-ssl profile's name. */
    public static final String SERVER_SSL = "ps-serverssl";
    /** The load balancer certificate's name on the device. */
    public static final String LB_CERT = "ps-lb.crt";
    /** The load balancer key's name on the device. */
    public static final String LB_KEY = "ps-lb.key";
    /** The trust CA's name on the device. */
    public static final String TRUST_CA = "ps-trust-ca.crt";
    /** The GTM server hakit declares for this BIG-IP. */
    public static final String GTM_SERVER = "ps-bigip";
    /** Priority group of the preferred HL7 server; each next server gets 10 less. */
    public static final int HL7_TOP_PRIORITY = 10;

    private final Optional<String> gtmDatacenter;

    private F5Renderer(Builder b) {
        this.gtmDatacenter = b.gtmDatacenter;
    }

    /** @return whether GTM objects are rendered */
    public boolean gtm() {
        return gtmDatacenter.isPresent();
    }

    /** @return a renderer without GTM */
    public static F5Renderer create() {
        return builder().build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param deployment the deployment
     * @return the configuration: the objects, in creation order
     * @throws IllegalArgumentException when the deployment has no virtual address for the load balancer
     */
    public F5Config render(Deployment deployment) {
        Objects.requireNonNull(deployment, "deployment");
        String marker = Ownership.of(deployment).marker();
        Map<String, F5Object> out = new LinkedHashMap<>();
        boolean anyTls = deployment.vips().stream().anyMatch(Vip::tls);
        if (anyTls) {
            add(out, F5Objects.sslCert(LB_CERT, sourcePath(LB_CERT)));
            add(out, F5Objects.sslKey(LB_KEY, sourcePath(LB_KEY)));
            if (deployment.trustCa().isPresent()) {
                add(out, F5Objects.sslCert(TRUST_CA, sourcePath(TRUST_CA)));
            }
        }
        List<String> servers = deployment.servers().stream().map(s -> s.fqdn()).toList();
        for (String server : servers) {
            add(out, F5Objects.node(server).fqdn(server).description(marker).build());
        }
        add(out, F5Objects.tcpProfile(TCP_PROFILE).idleTimeout(GuideConstants.IDLE_TIMEOUT)
                .description(marker).build());
        if (anyTls) {
            add(out, F5Objects.clientSsl(CLIENT_SSL).certKeyChain(LB_CERT, LB_KEY).description(marker).build());
            F5Objects.ServerSslBuilder serverSsl = F5Objects.serverSsl(SERVER_SSL).description(marker);
            if (deployment.trustCa().isPresent()) {
                serverSsl.verifyWith(TRUST_CA);
            }
            add(out, serverSsl.build());
        }
        String lbFqdn = deployment.loadBalancer().fqdn();
        for (Vip vip : deployment.vips()) {
            Farm farm = farmOf(deployment, vip);
            String address = vip.address().orElseThrow(() -> new IllegalArgumentException("loadBalancer.address "
                    + "is required for F5: virtual server " + virtualName(vip) + " needs an address"));
            String pool = poolName(vip);
            F5Objects.PoolBuilder pb = F5Objects.pool(pool).description(marker);
            if (vip.mode() == ServiceMode.FAILOVER) {
                pb.monitor("/Common/tcp").minActiveMembers(1);
                int priority = HL7_TOP_PRIORITY * farm.servers().size();
                for (String server : farm.servers()) {
                    pb.member(F5Names.addressPort(server, vip.serverPort()), priority);
                    priority -= HL7_TOP_PRIORITY;
                }
            } else {
                Optional<HealthTest> test = farm.healthTest();
                if (test.isPresent()) {
                    String monitor = monitorName(vip);
                    F5Monitor m = F5Monitor.from(test.get(), lbFqdn, vip.tls());
                    F5Objects.MonitorBuilder mb = vip.tls() ? F5Objects.monitorHttps(monitor) : F5Objects.monitorHttp(monitor);
                    add(out, mb.defaultsFrom(m.defaultsFrom()).send(m.send()).recv(m.recv()).interval(m.interval())
                            .timeout(m.timeout()).description(marker).build());
                    pb.monitor(F5Names.qualify(monitor));
                } else {
                    pb.monitor("/Common/tcp");
                }
                pb.loadBalancingMode("round-robin").minActiveMembers(0);
                for (String server : farm.servers()) {
                    pb.member(F5Names.addressPort(server, vip.serverPort()), 0);
                }
            }
            add(out, pb.build());
            F5Objects.VirtualBuilder vb = F5Objects.virtual(virtualName(vip)).description(marker)
                    .destination(address, vip.port()).pool(pool).profile(TCP_PROFILE, "all")
                    .sourceAddressTranslation("automap");
            if (vip.tls()) {
                vb.profile(CLIENT_SSL, "clientside").profile(SERVER_SSL, "serverside");
            }
            if (vip.mode() == ServiceMode.BALANCED && farm.affinity().enabled()) {
                String persistence = "ps-source-addr-" + farm.affinity().timeout().getSeconds();
                add(out, F5Objects.sourceAddrPersistence(persistence).timeout(farm.affinity().timeout())
                        .description(marker).build());
                vb.persist(persistence);
            }
            add(out, vb.build());
        }
        gtmDatacenter.ifPresent(dc -> renderGtm(deployment, dc, marker, out));
        List<F5Object> ordered = new ArrayList<>(out.values());
        ordered.sort(Comparator.comparingInt(o -> o.type().ordinal()));
        return new F5Config(ordered);
    }

    private static void renderGtm(Deployment d, String datacenter, String marker, Map<String, F5Object> out) {
        String address = d.loadBalancer().address().orElseThrow(() -> new IllegalArgumentException(
                "loadBalancer.address is required for GTM"));
        Map<String, List<Vip>> byName = new LinkedHashMap<>();
        List<Map<String, Object>> virtualServers = new ArrayList<>();
        for (Vip vip : d.vips()) {
            byName.computeIfAbsent(vip.fqdn(), k -> new ArrayList<>()).add(vip);
            Map<String, Object> vs = new LinkedHashMap<>();
            vs.put("name", virtualName(vip));
            vs.put("destination", F5Names.addressPort(vip.address().orElse(address), vip.port()));
            virtualServers.add(vs);
        }
        add(out, F5Objects.gtmServer(GTM_SERVER).datacenter(datacenter).address(address, GTM_SERVER)
                .attribute("virtualServerDiscovery", "disabled").attribute("virtualServers", virtualServers)
                .description(marker).build());
        for (Map.Entry<String, List<Vip>> e : byName.entrySet()) {
            String pool = "ps-gtm-" + e.getKey().toLowerCase(Locale.ROOT);
            F5Objects.GtmPoolBuilder gp = F5Objects.gtmPoolA(pool).loadBalancingMode("global-availability");
            Vip first = e.getValue().get(0);
            gp.member(GTM_SERVER, virtualName(first), 0);
            add(out, gp.build());
            add(out, F5Objects.wideIpA(e.getKey()).pool(pool, 0).poolLbMode("round-robin").description(marker)
                    .build());
        }
    }

    private static void add(Map<String, F5Object> out, F5Object o) {
        out.putIfAbsent(o.type().key() + " " + o.fullPath(), o);
    }

    private static Farm farmOf(Deployment d, Vip vip) {
        return d.farms().stream().filter(f -> f.service().equals(vip.service())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no farm for service " + vip.service()));
    }

    /**
     * @param vip a published port
     * @return its pool's name, e.g. {@code ps-web-services-7002}
     */
    public static String poolName(Vip vip) {
        return "ps-" + vip.service() + "-" + vip.port();
    }

    /**
     * @param vip a published port
     * @return its virtual server's name, e.g. {@code ps-web-services-7002-vs}
     */
    public static String virtualName(Vip vip) {
        return poolName(vip) + "-vs";
    }

    /**
     * @param vip a published port
     * @return its monitor's name, e.g. {@code ps-web-services-https}
     */
    public static String monitorName(Vip vip) {
        return "ps-" + vip.service() + (vip.tls() ? "-https" : "-http");
    }

    /**
     * @param file a file name
     * @return where an upload of it lands, as {@code sourcePath} wants it
     */
    public static String sourcePath(String file) {
        return "file:///var/config/rest/downloads/" + file;
    }

    @Override
    public String toString() {
        return "F5Renderer[gtm=" + gtmDatacenter.orElse("off") + "]";
    }

    /** Builds an {@link F5Renderer}. Not thread-safe. */
    public static final class Builder {
        private Optional<String> gtmDatacenter = Optional.empty();

        private Builder() {
        }

        /**
         * Also renders GTM: a {@code gtm server} for this BIG-IP in the data center, and one {@code wideip a}
         * (with its {@code pool a}) per load balancer name.
         *
         * @param datacenter an existing GTM data center, e.g. {@code dc1}
         * @return this builder
         */
        public Builder gtmDatacenter(String datacenter) {
            this.gtmDatacenter = Optional.of(Objects.requireNonNull(datacenter, "datacenter"));
            return this;
        }

        /** @return the renderer */
        public F5Renderer build() {
            return new F5Renderer(this);
        }
    }
}
