package io.hakit.model;

import io.hakit.model.cert.CertificateChain;
import java.util.Objects;
import java.util.Optional;

/**
 * One published port of the load balancer (a Citrix or F5 virtual server, an IIS site
 * binding), derived from a {@link Deployment}.
 *
 * @param service the service's name
 * @param farm the farm it sends traffic to
 * @param fqdn the name clients use for it
 * @param address the virtual address, if the vendor has one (Citrix, F5)
 * @param port the load balancer's port
 * @param serverPort the application servers' port
 * @param tls whether it terminates TLS
 * @param mode balanced, or active/standby (HL7)
 * @param certificate the certificate bound to it, for TLS ports
 */
public record Vip(String service, String farm, String fqdn, Optional<String> address, int port, int serverPort,
        boolean tls, ServiceMode mode, Optional<CertificateChain> certificate) {

    /**
     * @throws NullPointerException naming a null argument
     */
    public Vip {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(farm, "farm");
        Objects.requireNonNull(fqdn, "fqdn");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(certificate, "certificate");
    }
}
