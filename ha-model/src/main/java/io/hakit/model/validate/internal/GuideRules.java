package io.hakit.model.validate.internal;

import io.hakit.model.Deployment;
import io.hakit.model.Service;
import io.hakit.model.validate.Rule;
import io.hakit.model.validate.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every rule of GUIDE-RULES.md that can be judged from a deployment and its certificates.
 * Each check is linear in services × servers.
 */
public final class GuideRules {

    /** A DNS label: letters, digits and hyphens, not starting or ending with a hyphen. */
    private static final Pattern LABEL = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private GuideRules() {
    }

    /** @return every rule, in GUIDE-RULES order */
    public static List<Rule> all() {
        return List.of(
                Rule.of("TOP-001", Severity.ERROR, "A balanced or failover service has at least two servers in its farm.",
                        ServiceRules::top001),
                Rule.of("TOP-002", Severity.ERROR, "Application servers are named by FQDN, without duplicates.",
                        ServiceRules::top002),
                Rule.of("TOP-003", Severity.WARNING, "The Server Console runs on the load-balancer host.",
                        ServiceRules::top003),
                Rule.of("TOP-004", Severity.ERROR, "The environment is declared: production or non-production.",
                        ServiceRules::top004),
                Rule.of("SVC-001", Severity.ERROR, "A service is installed on every member server of its farm.",
                        ServiceRules::svc001),
                Rule.of("SVC-002", Severity.ERROR, "The Admin Console uses ports 80 and 443.", ServiceRules::svc002),
                Rule.of("SVC-003", Severity.ERROR, "Port 443 is HTTPS.", ServiceRules::svc003),
                Rule.of("SVC-004", Severity.ERROR, "The load balancer's port equals the installed port.",
                        ServiceRules::svc004),
                Rule.of("SVC-005", Severity.ERROR, "No two services share a port on one address or host.",
                        ServiceRules::svc005),
                Rule.of("SVC-006", Severity.ERROR, "The Reporting Service is deployed wherever the Admin Console is.",
                        ServiceRules::svc006),
                Rule.of("SVC-007", Severity.ERROR, "Emergency Search publishes both its ports.", ServiceRules::svc007),
                Rule.of("SVC-008", Severity.INFO, "FHIR and EMPI are optional and follow every rule when enabled.",
                        ServiceRules::svc008),
                Rule.of("URL-001", Severity.ERROR,
                        "A configured URL uses https, the load balancer's FQDN, its LB port and the catalog path.",
                        ServiceRules::url001),
                Rule.of("URL-002", Severity.ERROR, "Clients connect with the Web Services URL's FQDN and port.",
                        ServiceRules::url002),
                Rule.of("URL-003", Severity.INFO, "After a URL change, update the connection strings on every server.",
                        ServiceRules::url003),
                Rule.of("TLS-001", Severity.ERROR, "Every HTTPS port has the certificate meant for it bound.",
                        TlsRules::tls001),
                Rule.of("TLS-002", Severity.ERROR, "The load balancer's certificate has SANs covering its FQDN(s).",
                        TlsRules::tls002),
                Rule.of("TLS-003", Severity.ERROR, "Production uses CA-issued certificates, not self-signed ones.",
                        TlsRules::tls003),
                Rule.of("TLS-004", Severity.ERROR, "Each server certificate chains to the trusted CA.",
                        TlsRules::tls004),
                Rule.of("TLS-005", Severity.ERROR, "FHIR and EMPI servers have third-party certificates.",
                        TlsRules::tls005),
                Rule.of("TLS-006", Severity.ERROR, "Certificates are valid now and not expiring within 30 days.",
                        TlsRules::tls006),
                Rule.of("TLS-007", Severity.WARNING, "Server certificates allow TLS server authentication.",
                        TlsRules::tls007),
                Rule.of("HC-001", Severity.ERROR, "Every balanced HTTPS farm has a health test with minimum servers 1.",
                        HealthCheckRules::hc001),
                Rule.of("HC-002", Severity.WARNING, "Health tests follow the guide's.", HealthCheckRules::hc002),
                Rule.of("HC-003", Severity.WARNING, "The time-out is shorter than the interval; neither is too short.",
                        HealthCheckRules::hc003),
                Rule.of("HC-005", Severity.INFO, "Citrix: a monitor is bound to every service group.",
                        HealthCheckRules::hc005),
                Rule.of("AFF-001", Severity.ERROR,
                        "Affinity is on for Web Services, User Interface, Admin Console and Emergency Search.",
                        AffinityRules::aff001),
                Rule.of("AFF-002", Severity.WARNING,
                        "Citrix uses SOURCEIP persistence for 10 minutes; F5 uses source-address persistence.",
                        AffinityRules::aff002),
                Rule.of("ARR-001", Severity.ERROR, "IIS: one server farm per service, with members.",
                        VendorRules::arr001),
                Rule.of("ARR-004", Severity.ERROR, "IIS: every published HTTPS port has a binding with a certificate.",
                        VendorRules::arr004),
                Rule.of("CTX-001", Severity.ERROR, "Citrix: servers are added by domain name.", VendorRules::ctx001),
                Rule.of("CTX-002", Severity.ERROR, "Citrix: one service group per HTTPS component, with members.",
                        VendorRules::ctx002),
                Rule.of("CTX-003", Severity.ERROR, "Citrix: SSL virtual servers on the VIP address.",
                        VendorRules::ctx003),
                Rule.of("CTX-004", Severity.ERROR, "Citrix: HL7 is published active/standby, never balanced.",
                        VendorRules::ctx004),
                Rule.of("F5-001", Severity.ERROR, "F5: nodes are the application servers by FQDN.", VendorRules::f5001),
                Rule.of("F5-002", Severity.ERROR, "F5: HL7 has its own name and address, apart from HTTP services.",
                        VendorRules::f5002),
                Rule.of("F5-004", Severity.ERROR, "F5: one virtual server per published port on the VIP address.",
                        VendorRules::f5004),
                Rule.of("HL7-001", Severity.ERROR, "HL7 is active on one server at a time, never load-balanced.",
                        VendorRules::hl7001));
    }

    // ---------------------------------------------------------------- paths

    static String servicePath(Service s) {
        return "services." + s.name();
    }

    static String portPath(Service s, int i) {
        return s.ports().size() == 1 ? servicePath(s) + ".port" : servicePath(s) + ".ports[" + i + "]";
    }

    static String lbPortPath(Service s, int i) {
        return s.lbPorts().size() == 1 ? servicePath(s) + ".lbPort" : servicePath(s) + ".lbPorts[" + i + "]";
    }

    static String serverPath(Deployment d, String fqdn) {
        int i = d.server(fqdn).map(d.servers()::indexOf).orElse(-1);
        return i < 0 ? "servers" : "servers[" + i + "]";
    }

    static boolean isIpAddress(String host) {
        return IPV4.matcher(host).matches() || host.contains(":");
    }

    static boolean isFqdn(String host) {
        if (host.length() > 253 || !host.contains(".") || host.endsWith(".") || host.startsWith(".")) {
            return false;
        }
        for (String label : host.split("\\.")) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !IPV4.matcher(host).matches();
    }
}
