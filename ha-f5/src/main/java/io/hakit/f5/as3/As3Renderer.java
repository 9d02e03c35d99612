package io.hakit.f5.as3;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.f5.F5Renderer;
import io.hakit.health.vendor.F5Monitor;
import io.hakit.model.Deployment;
import io.hakit.model.Farm;
import io.hakit.model.GuideConstants;
import io.hakit.model.ServiceMode;
import io.hakit.model.Vip;
import io.hakit.model.cert.CertificateChain;
import io.hakit.model.cert.Pem;
import io.hakit.model.plan.Ownership;
import java.util.Objects;

/**
 * Renders a {@link Deployment} as an AS3 declaration ({@code POST /mgmt/shared/appsvcs/declare}) with the same
 * shape as the iControl REST rendering: FQDN pool members (F5-001), one service per published port (F5-004)
 * with a TCP profile of idle time-out 1860 s (F5-003), source-address persistence (AFF-002), TLS to clients with
 * the load balancer's certificate and TLS to the servers verified against the trust CA, and HL7 as a
 * {@code Service_TCP} on its own address with a priority-group pool ({@code minimumMembersActive} 1; F5-002,
 * HL7-001). The private key is never written: the certificate's {@code privateKey} points at
 * {@code /Common/ps-lb.key} on the BIG-IP ({@code {"bigip": ...}}), installed beforehand (e.g. by
 * {@code hakit apply --vendor f5 --lb-key}). Stateless and thread-safe.
 */
public final class As3Renderer {

    /** The AS3 schema version declared. */
    public static final String SCHEMA_VERSION = "3.56.0";
    /** The tenant (partition) the declaration owns. */
    public static final String TENANT = "PatientSecure";
    /** The application inside the tenant. */
    public static final String APPLICATION = "ps";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TCP_PROFILE = "tcp_" + GuideConstants.IDLE_TIMEOUT_SECONDS;

    private As3Renderer() {
    }

    /** @return a renderer */
    public static As3Renderer create() {
        return new As3Renderer();
    }

    /**
     * @param deployment the deployment
     * @return the AS3 request ({@code "class":"AS3"}, action deploy) holding the ADC declaration
     * @throws IllegalArgumentException when the load balancer has no address or, with HTTPS services, no certificate
     */
    public As3Declaration render(Deployment deployment) {
        Objects.requireNonNull(deployment, "deployment");
        String marker = Ownership.of(deployment).marker();
        ObjectNode request = JSON.createObjectNode();
        request.put("class", "AS3");
        request.put("action", "deploy");
        request.put("persist", true);
        ObjectNode adc = request.putObject("declaration");
        adc.put("class", "ADC");
        adc.put("schemaVersion", SCHEMA_VERSION);
        adc.put("id", "hakit-" + deployment.name());
        adc.put("label", deployment.name());
        adc.put("remark", marker);
        ObjectNode tenant = adc.putObject(TENANT);
        tenant.put("class", "Tenant");
        tenant.put("remark", marker);
        ObjectNode app = tenant.putObject(APPLICATION);
        app.put("class", "Application");
        app.put("remark", marker);

        ObjectNode tcp = app.putObject(TCP_PROFILE);
        tcp.put("class", "TCP_Profile");
        tcp.put("idleTimeout", GuideConstants.IDLE_TIMEOUT_SECONDS);
        boolean anyTls = deployment.vips().stream().anyMatch(Vip::tls);
        if (anyTls) {
            CertificateChain lb = deployment.loadBalancer().certificate().orElseThrow(() -> new IllegalArgumentException(
                    "loadBalancer.certificate is required for the HTTPS services"));
            ObjectNode cert = app.putObject("lb_cert");
            cert.put("class", "Certificate");
            cert.put("certificate", Pem.write(lb.leaf()));
            cert.putObject("privateKey").put("bigip", "/Common/" + F5Renderer.LB_KEY);
            if (lb.certificates().size() > 1) {
                StringBuilder chain = new StringBuilder();
                lb.certificates().subList(1, lb.certificates().size()).forEach(c -> chain.append(Pem.write(c)));
                cert.put("chainCA", chain.toString());
            }
            ObjectNode serverTls = app.putObject("client_tls");
            serverTls.put("class", "TLS_Server");
            serverTls.putArray("certificates").addObject().put("certificate", "lb_cert");
            ObjectNode clientTls = app.putObject("server_tls");
            clientTls.put("class", "TLS_Client");
            if (deployment.trustCa().isPresent()) {
                ObjectNode bundle = app.putObject("trust_ca");
                bundle.put("class", "CA_Bundle");
                StringBuilder b = new StringBuilder();
                deployment.trustCa().get().certificates().forEach(c -> b.append(Pem.write(c)));
                bundle.put("bundle", b.toString());
                clientTls.put("validateCertificate", true);
                clientTls.putObject("trustCA").put("use", "trust_ca");
            }
        }
        String lbFqdn = deployment.loadBalancer().fqdn();
        for (Vip vip : deployment.vips()) {
            Farm farm = deployment.farms().stream().filter(f -> f.service().equals(vip.service())).findFirst()
                    .orElseThrow();
            String address = vip.address().orElseThrow(() -> new IllegalArgumentException(
                    "loadBalancer.address is required for F5"));
            String base = id(vip.service()) + "_" + vip.port();
            ObjectNode pool = app.putObject(base + "_pool");
            pool.put("class", "Pool");
            ArrayNode members = pool.putArray("members");
            if (vip.mode() == ServiceMode.FAILOVER) {
                pool.putArray("monitors").add("tcp");
                pool.put("minimumMembersActive", 1);
                int priority = F5Renderer.HL7_TOP_PRIORITY * farm.servers().size();
                for (String server : farm.servers()) {
                    member(members, server, vip.serverPort(), priority);
                    priority -= F5Renderer.HL7_TOP_PRIORITY;
                }
            } else {
                pool.put("loadBalancingMode", "round-robin");
                pool.put("minimumMembersActive", 0);
                if (farm.healthTest().isPresent()) {
                    F5Monitor m = F5Monitor.from(farm.healthTest().get(), lbFqdn, vip.tls());
                    String monitorName = id(vip.service()) + (vip.tls() ? "_https" : "_http") + "_monitor";
                    if (!app.has(monitorName)) {
                        ObjectNode mon = app.putObject(monitorName);
                        mon.put("class", "Monitor");
                        mon.put("monitorType", vip.tls() ? "https" : "http");
                        mon.put("send", m.send());
                        mon.put("receive", m.recv());
                        mon.put("interval", m.interval().getSeconds());
                        mon.put("timeout", m.timeout().getSeconds());
                    }
                    pool.putArray("monitors").addObject().put("use", monitorName);
                } else {
                    pool.putArray("monitors").add("tcp");
                }
                for (String server : farm.servers()) {
                    member(members, server, vip.serverPort(), 0);
                }
            }
            ObjectNode service = app.putObject(base + "_vs");
            service.put("remark", vip.service() + " port " + vip.port() + " (" + vip.fqdn() + ")");
            service.putArray("virtualAddresses").add(address);
            service.put("virtualPort", vip.port());
            service.put("pool", base + "_pool");
            service.putObject("profileTCP").put("use", TCP_PROFILE);
            service.put("snat", "auto");
            ArrayNode persistence = service.putArray("persistenceMethods");
            if (vip.mode() == ServiceMode.FAILOVER) {
                service.put("class", "Service_TCP");
            } else {
                if (farm.affinity().enabled()) {
                    String persistName = "source_addr_" + farm.affinity().timeout().getSeconds();
                    if (!app.has(persistName)) {
                        ObjectNode p = app.putObject(persistName);
                        p.put("class", "Persist");
                        p.put("persistenceMethod", "source-address");
                        p.put("duration", farm.affinity().timeout().getSeconds());
                    }
                    persistence.addObject().put("use", persistName);
                }
                if (vip.tls()) {
                    service.put("class", "Service_HTTPS");
                    service.put("serverTLS", "client_tls");
                    service.put("clientTLS", "server_tls");
                    service.put("redirect80", false);
                } else {
                    service.put("class", "Service_HTTP");
                }
            }
        }
        return new As3Declaration(request);
    }

    private static void member(ArrayNode members, String server, int port, int priority) {
        ObjectNode m = members.addObject();
        m.put("servicePort", port);
        m.put("addressDiscovery", "fqdn");
        m.put("hostname", server);
        m.put("autoPopulate", false);
        m.put("priorityGroup", priority);
        m.put("shareNodes", true);
    }

    private static String id(String service) {
        return service.replace('-', '_');
    }

    @Override
    public String toString() {
        return "As3Renderer[schema " + SCHEMA_VERSION + "]";
    }
}
