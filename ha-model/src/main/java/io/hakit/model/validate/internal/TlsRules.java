package io.hakit.model.validate.internal;

import static io.hakit.model.validate.internal.GuideRules.serverPath;
import static io.hakit.model.validate.internal.GuideRules.servicePath;

import io.hakit.model.Deployment;
import io.hakit.model.Server;
import io.hakit.model.Service;
import io.hakit.model.ServiceType;
import io.hakit.model.Vendor;
import io.hakit.model.Vip;
import io.hakit.model.cert.CertificateChain;
import io.hakit.model.cert.CertificateInspector;
import io.hakit.model.validate.Rule;
import io.hakit.model.validate.Severity;
import io.hakit.model.validate.ValidationContext;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The certificate rules of the guide (TLS-001..TLS-007): which certificate is bound where, the
 * names it covers, who issued it, and whether it is valid now.
 * Each check is linear in services × servers; the catalog of rules is {@link GuideRules#all()}.
 */
final class TlsRules {

    private TlsRules() {
    }

    // ---------------------------------------------------------------- TLS

    static void tls001(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Vip v : d.vips()) {
            if (!v.tls()) {
                continue;
            }
            Service s = d.service(v.service()).orElseThrow();
            if (v.certificate().isEmpty()) {
                if (d.vendor() != Vendor.IIS) {
                    out.add("loadBalancer.certificate", "HTTPS port " + v.port() + " of " + v.service()
                            + " has no certificate to bind", "set loadBalancer.certificate (or the service's)");
                }
            } else if (s.certificate().isPresent()
                    && !CertificateInspector.covers(s.certificate().get().leaf(), v.fqdn())) {
                out.add(servicePath(s) + ".certificate", "the certificate for " + v.service() + " ("
                                + CertificateInspector.subjectAlternativeNames(s.certificate().get().leaf())
                                + ") does not cover " + v.fqdn() + ", the name it is served under",
                        "bind a certificate whose SANs include " + v.fqdn());
            }
        }
    }

    static void tls002(Deployment d, ValidationContext c, Rule.Findings out) {
        Optional<CertificateChain> chain = d.loadBalancer().certificate();
        if (chain.isEmpty()) {
            return;
        }
        X509Certificate leaf = chain.get().leaf();
        if (CertificateInspector.isSelfSigned(leaf) && !d.isProduction()) {
            return;
        }
        List<String> sans = CertificateInspector.subjectAlternativeNames(leaf);
        if (sans.isEmpty()) {
            out.add("loadBalancer.certificate", "the load balancer's certificate " + CertificateInspector.describe(leaf)
                    + " has no Subject Alternative Name", "reissue it with SANs for " + names(d));
            return;
        }
        for (String name : names(d)) {
            if (!CertificateInspector.covers(leaf, name)) {
                out.add("loadBalancer.certificate", "the load balancer's certificate (SANs " + sans
                        + ") does not cover " + name, "reissue it with a SAN for " + name);
            }
        }
    }

    private static List<String> names(Deployment d) {
        List<String> names = new ArrayList<>();
        names.add(d.loadBalancer().fqdn());
        if (d.service(ServiceType.HL7).isPresent() && d.vendor() != Vendor.IIS) {
            d.loadBalancer().hl7Fqdn().filter(n -> !names.contains(n)).ifPresent(names::add);
        }
        return names;
    }

    static void tls003(Deployment d, ValidationContext c, Rule.Findings out) {
        Severity severity = d.isProduction() ? Severity.ERROR : Severity.WARNING;
        String hint = d.isProduction() ? "production needs a certificate issued by a certificate authority"
                : "self-signed certificates are for non-production only";
        for (Map.Entry<String, CertificateChain> e : certificates(d, false).entrySet()) {
            X509Certificate leaf = e.getValue().leaf();
            if (CertificateInspector.isSelfSigned(leaf)) {
                out.add(severity, e.getKey(), "certificate " + CertificateInspector.describe(leaf) + " is self-signed",
                        hint);
            }
        }
    }

    static void tls004(Deployment d, ValidationContext c, Rule.Findings out) {
        List<Server> withCerts = d.servers().stream().filter(s -> s.certificate().isPresent()).toList();
        if (withCerts.isEmpty()) {
            return;
        }
        if (d.trustCa().isEmpty()) {
            out.add("trust.ca", "no trust CA is given, so the load balancer cannot verify the application servers",
                    "set trust.ca to the CA that signed the servers' certificates");
            return;
        }
        for (Server s : withCerts) {
            CertificateChain chain = s.certificate().get();
            if (!CertificateInspector.chainsTo(chain, d.trustCa().get())) {
                out.add(serverPath(d, s.fqdn()) + ".certificate", "the certificate of " + s.fqdn() + " ("
                                + CertificateInspector.describe(chain.leaf()) + ") does not chain to the trusted CA",
                        "add its issuing CA to trust.ca, or reissue it from that CA");
            }
        }
    }

    static void tls005(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Service s : d.enabledServices()) {
            if (!s.type().thirdPartyServerCertificateRequired()) {
                continue;
            }
            for (String fqdn : d.serversOf(s)) {
                Optional<Server> server = d.server(fqdn);
                if (server.isEmpty()) {
                    continue;
                }
                String path = serverPath(d, fqdn) + ".certificate";
                if (server.get().certificate().isEmpty()) {
                    out.add(path, s.name() + " needs a third-party certificate on " + fqdn + ", and none is given",
                            "install a CA-issued certificate and set its PEM here");
                } else if (CertificateInspector.isSelfSigned(server.get().certificate().get().leaf())) {
                    out.add(path, s.name() + " needs a third-party certificate on " + fqdn
                            + ", but its certificate is self-signed", "install a CA-issued certificate");
                }
            }
        }
    }

    static void tls006(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Map.Entry<String, CertificateChain> e : certificates(d, true).entrySet()) {
            List<X509Certificate> certs = e.getValue().certificates();
            for (int i = 0; i < certs.size(); i++) {
                X509Certificate cert = certs.get(i);
                String which = certs.size() == 1 ? "certificate" : i == 0 ? "leaf certificate"
                        : "chain certificate " + (i + 1);
                switch (CertificateInspector.validity(cert, c.now())) {
                    case EXPIRED:
                        out.add(Severity.ERROR, e.getKey(), which + " " + CertificateInspector.describe(cert)
                                + " has expired", "renew it");
                        break;
                    case NOT_YET_VALID:
                        out.add(Severity.ERROR, e.getKey(), which + " " + CertificateInspector.describe(cert)
                                + " is not valid until " + cert.getNotBefore().toInstant(), "check its dates");
                        break;
                    case EXPIRING_SOON:
                        out.add(Severity.WARNING, e.getKey(), which + " " + CertificateInspector.describe(cert)
                                + " expires within 30 days", "renew it before " + cert.getNotAfter().toInstant());
                        break;
                    default:
                        break;
                }
            }
        }
    }

    static void tls007(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Map.Entry<String, CertificateChain> e : certificates(d, false).entrySet()) {
            X509Certificate leaf = e.getValue().leaf();
            if (!CertificateInspector.allowsServerAuth(leaf)) {
                out.add(e.getKey(), "certificate " + CertificateInspector.describe(leaf)
                        + " does not allow TLS server authentication (key usage / extended key usage)",
                        "reissue it with extended key usage serverAuth");
            }
        }
    }

    /** Every certificate the topology names, by path; the trust CA only when asked. */
    private static Map<String, CertificateChain> certificates(Deployment d, boolean withTrust) {
        Map<String, CertificateChain> certs = new LinkedHashMap<>();
        d.loadBalancer().certificate().ifPresent(ch -> certs.put("loadBalancer.certificate", ch));
        for (int i = 0; i < d.servers().size(); i++) {
            int index = i;
            d.servers().get(i).certificate().ifPresent(ch -> certs.put("servers[" + index + "].certificate", ch));
        }
        for (Service s : d.enabledServices()) {
            s.certificate().ifPresent(ch -> certs.put(servicePath(s) + ".certificate", ch));
        }
        if (withTrust) {
            d.trustCa().ifPresent(ch -> certs.put("trust.ca", ch));
        }
        return certs;
    }
}
