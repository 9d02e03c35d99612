package io.hakit.model.internal;

import io.hakit.model.Affinity;
import io.hakit.model.ClientConnection;
import io.hakit.model.Deployment;
import io.hakit.model.Farm;
import io.hakit.model.LoadBalancer;
import io.hakit.model.PortMapping;
import io.hakit.model.ProductUrl;
import io.hakit.model.Service;
import io.hakit.model.ServiceMode;
import io.hakit.model.ServiceType;
import io.hakit.model.Vendor;
import io.hakit.model.Vip;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Derives farms, VIPs, product URLs and the client connection from a deployment: the
 * single source every adapter renders from. Linear in services × servers.
 */
public final class Derivation {

    private Derivation() {
    }

    /**
     * @param d the deployment
     * @param s one of its services
     * @return the affinity in force: the topology's, else the guide's for the vendor
     */
    public static Affinity affinity(Deployment d, Service s) {
        if (s.affinity().isPresent()) {
            return s.affinity().get();
        }
        if (s.type().mode() == ServiceMode.FAILOVER) {
            return Affinity.NONE;
        }
        if (s.type().affinityRequired() || d.vendor() != Vendor.IIS) {
            return Affinity.guideDefault(d.vendor());
        }
        return Affinity.NONE;
    }

    /**
     * @param d the deployment
     * @return one farm per enabled service
     */
    public static List<Farm> farms(Deployment d) {
        List<Farm> farms = new ArrayList<>();
        for (Service s : d.services()) {
            if (!s.enabled()) {
                continue;
            }
            farms.add(new Farm(s.name(), s.type(), s.farmName(), s.type().mode(), d.serversOf(s), portMappings(s),
                    s.healthTest(), affinity(d, s)));
        }
        return List.copyOf(farms);
    }

    /**
     * @param s a service
     * @return its published ports, load-balancer port to server port
     */
    public static List<PortMapping> portMappings(Service s) {
        List<PortMapping> ports = new ArrayList<>();
        for (int i = 0; i < s.ports().size(); i++) {
            int lbPort = i < s.lbPorts().size() ? s.lbPorts().get(i) : s.ports().get(i);
            ports.add(new PortMapping(lbPort, s.ports().get(i), s.type().protocol().isTls(i)));
        }
        return List.copyOf(ports);
    }

    /**
     * @param d the deployment
     * @return one VIP per published port of every enabled service the load balancer carries
     */
    public static List<Vip> vips(Deployment d) {
        LoadBalancer lb = d.loadBalancer();
        List<Vip> vips = new ArrayList<>();
        for (Service s : d.services()) {
            if (!s.enabled()) {
                continue;
            }
            boolean hl7 = s.type() == ServiceType.HL7;
            if (hl7 && d.vendor() == Vendor.IIS) {
                // ARR proxies HTTP only; HL7 senders fail over themselves (HL7-002).
                continue;
            }
            String fqdn = hl7 && d.vendor() == Vendor.F5 ? lb.hl7Fqdn().orElse(lb.fqdn()) : lb.fqdn();
            Optional<String> address = hl7 && d.vendor() == Vendor.F5
                    ? lb.hl7Address().or(lb::address) : lb.address();
            if (d.vendor() == Vendor.IIS) {
                address = Optional.empty();
            }
            for (PortMapping p : portMappings(s)) {
                vips.add(new Vip(s.name(), s.farmName(), fqdn, address, p.lbPort(), p.serverPort(), p.tls(),
                        s.type().mode(), p.tls() ? s.certificate().or(lb::certificate) : Optional.empty()));
            }
        }
        return List.copyOf(vips);
    }

    /**
     * @param d the deployment
     * @return the URL each enabled service must be configured with
     */
    public static List<ProductUrl> productUrls(Deployment d) {
        List<ProductUrl> urls = new ArrayList<>();
        for (Service s : d.services()) {
            if (!s.enabled() || s.type().urlPath().isEmpty()) {
                continue;
            }
            String path = s.type().urlPath().get();
            for (int i = 0; i < s.lbPorts().size(); i++) {
                int port = s.lbPorts().get(i);
                String label = s.type() != ServiceType.EMERGENCY_SEARCH ? s.type().component()
                        : i == 0 ? "Emergency Search" : "Palm Vein Authentication";
                urls.add(new ProductUrl(s.name(), label, url(d.loadBalancer().fqdn(), port, path), port));
            }
        }
        return List.copyOf(urls);
    }

    /**
     * @param host the host name
     * @param port the port
     * @param path the path, empty for none
     * @return {@code https://host:port/path}
     */
    public static String url(String host, int port, String path) {
        return "https://" + host + ":" + port + path;
    }

    /**
     * @param d the deployment
     * @return the Web Services FQDN and port, if Web Services is enabled
     */
    public static Optional<ClientConnection> clientConnection(Deployment d) {
        return d.service(ServiceType.WEB_SERVICES)
                .map(s -> new ClientConnection(d.loadBalancer().fqdn(), s.lbPorts().get(0)));
    }
}
