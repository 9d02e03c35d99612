package io.hakit.model.validate.internal;

import io.hakit.model.Affinity;
import io.hakit.model.AffinityType;
import io.hakit.model.Deployment;
import io.hakit.model.Farm;
import io.hakit.model.HealthTest;
import io.hakit.model.ProductUrl;
import io.hakit.model.Protocol;
import io.hakit.model.Server;
import io.hakit.model.Service;
import io.hakit.model.ServiceMode;
import io.hakit.model.ServiceType;
import io.hakit.model.Vendor;
import io.hakit.model.Vip;
import io.hakit.model.cert.CertificateChain;
import io.hakit.model.cert.CertificateInspector;
import io.hakit.model.internal.Derivation;
import io.hakit.model.topology.Durations;
import io.hakit.model.validate.Rule;
import io.hakit.model.validate.Severity;
import io.hakit.model.validate.ValidationContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every rule of GUIDE-RULES.md that can be judged from a deployment and its certificates.
 * Each check is linear in services × servers.
 */
public final class GuideRules {

    /** A DNS label: letters, digits and hyphens, not starting or ending with a hyphen. */
    private static final Pattern LABEL = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** The shortest interval that does not risk false failures on slow servers (HC-003). */
    static final Duration SHORT_INTERVAL = Duration.ofSeconds(5);
    /** The shortest time-out that does not risk false failures on slow servers (HC-003). */
    static final Duration SHORT_TIMEOUT = Duration.ofSeconds(2);

    private GuideRules() {
    }

    /** @return every rule, in GUIDE-RULES order */
    public static List<Rule> all() {
        return List.of(
                Rule.of("TOP-001", Severity.ERROR, "A balanced or failover service has at least two servers in its farm.",
                        GuideRules::top001),
                Rule.of("TOP-002", Severity.ERROR, "Application servers are named by FQDN, without duplicates.",
                        GuideRules::top002),
                Rule.of("TOP-003", Severity.WARNING, "The Server Console runs on the load-balancer host.",
                        GuideRules::top003),
                Rule.of("TOP-004", Severity.ERROR, "The environment is declared: production or non-production.",
                        GuideRules::top004),
                Rule.of("SVC-001", Severity.ERROR, "A service is installed on every member server of its farm.",
                        GuideRules::svc001),
                Rule.of("SVC-002", Severity.ERROR, "The Admin Console uses ports 80 and 443.", GuideRules::svc002),
                Rule.of("SVC-003", Severity.ERROR, "Port 443 is HTTPS.", GuideRules::svc003),
                Rule.of("SVC-004", Severity.ERROR, "The load balancer's port equals the installed port.",
                        GuideRules::svc004),
                Rule.of("SVC-005", Severity.ERROR, "No two services share a port on one address or host.",
                        GuideRules::svc005),
                Rule.of("SVC-006", Severity.ERROR, "The Reporting Service is deployed wherever the Admin Console is.",
                        GuideRules::svc006),
                Rule.of("SVC-007", Severity.ERROR, "Emergency Search publishes both its ports.", GuideRules::svc007),
                Rule.of("SVC-008", Severity.INFO, "FHIR and EMPI are optional and follow every rule when enabled.",
                        GuideRules::svc008),
                Rule.of("URL-001", Severity.ERROR,
                        "A configured URL uses https, the load balancer's FQDN, its LB port and the catalog path.",
                        GuideRules::url001),
                Rule.of("URL-002", Severity.ERROR, "Clients connect with the Web Services URL's FQDN and port.",
                        GuideRules::url002),
                Rule.of("URL-003", Severity.INFO, "After a URL change, update the connection strings on every server.",
                        GuideRules::url003),
                Rule.of("TLS-001", Severity.ERROR, "Every HTTPS port has the certificate meant for it bound.",
                        GuideRules::tls001),
                Rule.of("TLS-002", Severity.ERROR, "The load balancer's certificate has SANs covering its FQDN(s).",
                        GuideRules::tls002),
                Rule.of("TLS-003", Severity.ERROR, "Production uses CA-issued certificates, not self-signed ones.",
                        GuideRules::tls003),
                Rule.of("TLS-004", Severity.ERROR, "Each server certificate chains to the trusted CA.",
                        GuideRules::tls004),
                Rule.of("TLS-005", Severity.ERROR, "FHIR and EMPI servers have third-party certificates.",
                        GuideRules::tls005),
                Rule.of("TLS-006", Severity.ERROR, "Certificates are valid now and not expiring within 30 days.",
                        GuideRules::tls006),
                Rule.of("TLS-007", Severity.WARNING, "Server certificates allow TLS server authentication.",
                        GuideRules::tls007),
                Rule.of("HC-001", Severity.ERROR, "Every balanced HTTPS farm has a health test with minimum servers 1.",
                        GuideRules::hc001),
                Rule.of("HC-002", Severity.WARNING, "Health tests follow the guide's.", GuideRules::hc002),
                Rule.of("HC-003", Severity.WARNING, "The time-out is shorter than the interval; neither is too short.",
                        GuideRules::hc003),
                Rule.of("HC-005", Severity.INFO, "Citrix: a monitor is bound to every service group.",
                        GuideRules::hc005),
                Rule.of("AFF-001", Severity.ERROR,
                        "Affinity is on for Web Services, User Interface, Admin Console and Emergency Search.",
                        GuideRules::aff001),
                Rule.of("AFF-002", Severity.WARNING,
                        "Citrix uses SOURCEIP persistence for 10 minutes; F5 uses source-address persistence.",
                        GuideRules::aff002),
                Rule.of("ARR-001", Severity.ERROR, "IIS: one server farm per service, with members.",
                        GuideRules::arr001),
                Rule.of("ARR-004", Severity.ERROR, "IIS: every published HTTPS port has a binding with a certificate.",
                        GuideRules::arr004),
                Rule.of("CTX-001", Severity.ERROR, "Citrix: servers are added by domain name.", GuideRules::ctx001),
                Rule.of("CTX-002", Severity.ERROR, "Citrix: one service group per HTTPS component, with members.",
                        GuideRules::ctx002),
                Rule.of("CTX-003", Severity.ERROR, "Citrix: SSL virtual servers on the VIP address.",
                        GuideRules::ctx003),
                Rule.of("CTX-004", Severity.ERROR, "Citrix: HL7 is published active/standby, never balanced.",
                        GuideRules::ctx004),
                Rule.of("F5-001", Severity.ERROR, "F5: nodes are the application servers by FQDN.", GuideRules::f5001),
                Rule.of("F5-002", Severity.ERROR, "F5: HL7 has its own name and address, apart from HTTP services.",
                        GuideRules::f5002),
                Rule.of("F5-004", Severity.ERROR, "F5: one virtual server per published port on the VIP address.",
                        GuideRules::f5004),
                Rule.of("HL7-001", Severity.ERROR, "HL7 is active on one server at a time, never load-balanced.",
                        GuideRules::hl7001));
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

    // ---------------------------------------------------------------- TOP

    static void top001(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Service s : d.enabledServices()) {
            // a server named twice (in any case) is still one server
            List<String> distinct = d.serversOf(s).stream()
                    .map(f -> f.toLowerCase(Locale.ROOT)).distinct().toList();
            int n = distinct.size();
            String path = s.servers().isEmpty() ? "servers" : servicePath(s) + ".servers";
            if (n == 0) {
                out.add(Severity.ERROR, path, s.name() + " has no application server", "list at least two servers");
            } else if (n == 1) {
                out.add(d.isProduction() ? Severity.ERROR : Severity.WARNING, path,
                        s.name() + " has one application server (" + d.serversOf(s).get(0)
                                + "), so it is not highly available",
                        "add a second application server to its farm");
            }
        }
    }

    static void top002(Deployment d, ValidationContext c, Rule.Findings out) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < d.servers().size(); i++) {
            String fqdn = d.servers().get(i).fqdn();
            String path = "servers[" + i + "].fqdn";
            if (!seen.add(fqdn.toLowerCase(Locale.ROOT))) {
                out.add(path, "server " + fqdn + " is listed twice", "remove the duplicate");
            } else if (isIpAddress(fqdn)) {
                out.add(Severity.WARNING, path, "server " + fqdn + " is named by IP address",
                        "name it by its fully qualified domain name, e.g. app1.hospital.org");
            } else if (!isFqdn(fqdn)) {
                out.add(path, "server '" + fqdn + "' is not a fully qualified domain name",
                        "use the full DNS name, e.g. " + fqdn.split("\\.")[0] + ".hospital.org");
            }
        }
    }

    static void top003(Deployment d, ValidationContext c, Rule.Findings out) {
        String console = d.serverConsole();
        if (d.server(console).isPresent()) {
            out.add("serverConsole", "the Server Console runs on application server " + console,
                    "run it on the load-balancer host (serverConsole: lb)");
        }
    }

    static void top004(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.environment().isEmpty()) {
            out.add("environment", "the environment is not declared",
                    "add environment: production or environment: non-production");
        }
    }

    // ---------------------------------------------------------------- SVC

    static void svc001(Deployment d, ValidationContext c, Rule.Findings out) {
        Set<String> known = new HashSet<>();
        d.servers().forEach(s -> known.add(s.fqdn()));
        for (Service s : d.enabledServices()) {
            for (int i = 0; i < s.servers().size(); i++) {
                String fqdn = s.servers().get(i);
                if (!known.contains(fqdn)) {
                    out.add(servicePath(s) + ".servers[" + i + "]",
                            s.name() + " names server " + fqdn + ", which is not among the application servers",
                            "add it under servers, or correct the name");
                }
            }
        }
    }

    static void svc002(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Service s : d.enabledServices()) {
            if (s.type() != ServiceType.ADMIN_CONSOLE) {
                continue;
            }
            List<Integer> fixed = ServiceType.ADMIN_CONSOLE.defaultPorts();
            if (!s.ports().equals(fixed)) {
                out.add(servicePath(s) + ".ports", "the Admin Console is on " + s.ports() + "; it must use 80 and 443",
                        "remove the port override");
            }
            if (!s.lbPorts().equals(fixed)) {
                out.add(servicePath(s) + ".lbPorts",
                        "the Admin Console is published on " + s.lbPorts() + "; it must use 80 and 443",
                        "remove the lbPorts override");
            }
        }
    }

    static void svc003(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Service s : d.enabledServices()) {
            for (int i = 0; i < s.ports().size(); i++) {
                boolean tls = s.type().protocol().isTls(i);
                if (!tls && s.ports().get(i) == 443) {
                    out.add(portPath(s, i), s.name() + " serves " + protocolName(s, i) + " on port 443",
                            "port 443 must be HTTPS; move it to another port");
                }
                if (!tls && i < s.lbPorts().size() && s.lbPorts().get(i) == 443) {
                    out.add(lbPortPath(s, i), s.name() + " publishes " + protocolName(s, i) + " on port 443",
                            "port 443 must be HTTPS; publish it on another port");
                }
            }
        }
    }

    private static String protocolName(Service s, int i) {
        return s.type().protocol() == Protocol.MLLP ? "MLLP" : s.type().protocol().isTls(i) ? "HTTPS" : "HTTP";
    }

    static void svc004(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Service s : d.enabledServices()) {
            for (int i = 0; i < Math.min(s.ports().size(), s.lbPorts().size()); i++) {
                if (!s.ports().get(i).equals(s.lbPorts().get(i))) {
                    out.add(lbPortPath(s, i), s.name() + " is published on port " + s.lbPorts().get(i)
                                    + " but installed on port " + s.ports().get(i),
                            "publish it on " + s.ports().get(i) + ", or reinstall it on " + s.lbPorts().get(i));
                }
            }
            if (s.ports().size() != s.lbPorts().size()) {
                out.add(servicePath(s) + ".lbPorts", s.name() + " has " + s.ports().size()
                        + " installed port(s) but " + s.lbPorts().size() + " published", "give one port per port");
            }
        }
    }

    static void svc005(Deployment d, ValidationContext c, Rule.Findings out) {
        Map<String, String> onLb = new HashMap<>();
        for (Vip v : d.vips()) {
            String key = v.address().orElse(v.fqdn()) + ":" + v.port();
            String other = onLb.putIfAbsent(key, v.service());
            if (other != null && !other.equals(v.service())) {
                Service s = d.service(v.service()).orElseThrow();
                out.add(lbPortPath(s, s.lbPorts().indexOf(v.port())), v.service() + " and " + other
                                + " both use port " + v.port() + " on the load balancer (" + key + ")",
                        "give each service its own port");
            } else if (other != null) {
                Service s = d.service(v.service()).orElseThrow();
                out.add(servicePath(s) + ".lbPorts", v.service() + " publishes port " + v.port() + " twice",
                        "give each port of the service its own number");
            }
        }
        Map<String, String> onServer = new HashMap<>();
        for (Service s : d.enabledServices()) {
            for (String server : new java.util.LinkedHashSet<>(d.serversOf(s))) {
                for (int i = 0; i < s.ports().size(); i++) {
                    String key = server + ":" + s.ports().get(i);
                    String other = onServer.putIfAbsent(key, s.name());
                    if (other != null && !other.equals(s.name())) {
                        out.add(portPath(s, i), s.name() + " and " + other + " both use port " + s.ports().get(i)
                                + " on " + server, "install each service on its own port");
                    }
                }
            }
        }
    }

    static void svc006(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.service(ServiceType.ADMIN_CONSOLE).isPresent() && d.service(ServiceType.REPORTING).isEmpty()) {
            out.add("services", "the Admin Console is deployed without the Reporting Service",
                    "add reporting: {} (the console's dashboard and reports depend on it)");
        }
    }

    static void svc007(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Service s : d.enabledServices()) {
            if (s.type() == ServiceType.EMERGENCY_SEARCH && s.lbPorts().size() < 2) {
                out.add(servicePath(s), "Emergency Search publishes only port " + s.lbPorts()
                                + "; search (7005) and palm vein authentication (7006) both need a port",
                        "use ports: [7005, 7006]");
            }
        }
    }

    static void svc008(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Service s : d.enabledServices()) {
            if (s.type().optional()) {
                out.add(servicePath(s), "optional service " + s.name() + " is enabled; every rule applies to it",
                        s.type().thirdPartyServerCertificateRequired()
                                ? "its servers need third-party certificates (TLS-005)" : "");
            }
        }
    }

    // ---------------------------------------------------------------- URL

    static void url001(Deployment d, ValidationContext c, Rule.Findings out) {
        Set<String> serverNames = new HashSet<>();
        d.servers().forEach(s -> serverNames.add(s.fqdn().toLowerCase(Locale.ROOT)));
        for (Service s : d.enabledServices()) {
            if (s.url().isEmpty()) {
                continue;
            }
            String path = servicePath(s) + ".url";
            String stated = s.url().get();
            if (s.type().urlPath().isEmpty()) {
                out.add(Severity.WARNING, path, s.name() + " is not configured with a URL, but one is given",
                        "remove url");
                continue;
            }
            String expected = required(d, s);
            URI uri;
            try {
                uri = new URI(stated);
            } catch (URISyntaxException e) {
                out.add(path, "'" + stated + "' is not a URL", "use " + expected);
                continue;
            }
            List<String> wrong = new ArrayList<>();
            if (!"https".equalsIgnoreCase(uri.getScheme())) {
                wrong.add("scheme " + uri.getScheme() + " is not https");
            }
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean web = s.type() == ServiceType.WEB_SERVICES;
            if (!host.equals(d.loadBalancer().fqdn().toLowerCase(Locale.ROOT)) && !web) {
                wrong.add(serverNames.contains(host) ? "host " + host + " is an application server, not the load "
                        + "balancer" : "host " + host + " is not the load balancer's FQDN");
            }
            int port = uri.getPort() == -1 ? ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80) : uri.getPort();
            if (port != s.lbPorts().get(0) && !web) {
                wrong.add("port " + port + " is not the load-balancer port " + s.lbPorts().get(0));
            }
            String p = uri.getPath() == null ? "" : uri.getPath();
            String want = s.type().urlPath().get();
            if (!stripSlash(p).equalsIgnoreCase(stripSlash(want))) {
                wrong.add("path '" + p + "' is not '" + want + "'");
            }
            if (!wrong.isEmpty()) {
                out.add(path, s.name() + " URL " + stated + ": " + String.join("; ", wrong), "configure " + expected);
            }
        }
    }

    private static String stripSlash(String p) {
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    static String required(Deployment d, Service s) {
        return Derivation.url(d.loadBalancer().fqdn(), s.lbPorts().get(0), s.type().urlPath().orElse(""));
    }

    static void url002(Deployment d, ValidationContext c, Rule.Findings out) {
        Optional<Service> web = d.service(ServiceType.WEB_SERVICES);
        if (web.isEmpty()) {
            if (!d.enabledServices().isEmpty()) {
                out.add("services", "Web Services is not deployed, so clients have no URL to connect with",
                        "add web-services: {}");
            }
            return;
        }
        Service s = web.get();
        if (s.url().isEmpty()) {
            return;
        }
        try {
            URI uri = new URI(s.url().get());
            String host = uri.getHost() == null ? "" : uri.getHost();
            int port = uri.getPort() == -1 ? 443 : uri.getPort();
            if (!host.equalsIgnoreCase(d.loadBalancer().fqdn()) || port != s.lbPorts().get(0)) {
                out.add(servicePath(s) + ".url", "clients would connect to " + host + ":" + port
                                + ", not the load balancer's " + d.loadBalancer().fqdn() + ":" + s.lbPorts().get(0),
                        "configure " + required(d, s) + " and point clients at the same FQDN and port");
            }
        } catch (URISyntaxException e) {
            // URL-001 reports the malformed URL
        }
    }

    static void url003(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Service s : d.enabledServices()) {
            if (s.url().isEmpty() || s.type().urlPath().isEmpty()) {
                continue;
            }
            String expected = required(d, s);
            if (!stripSlash(s.url().get()).equalsIgnoreCase(stripSlash(expected))) {
                out.add(servicePath(s) + ".url", "after changing " + s.name() + " to " + expected
                                + ", update its connection strings on " + String.join(", ", d.serversOf(s)),
                        "a follow-up step on every application server");
            }
        }
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

    // ---------------------------------------------------------------- HC

    static void hc001(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Farm f : d.farms()) {
            if (f.mode() != ServiceMode.BALANCED) {
                continue;
            }
            Service s = d.service(f.service()).orElseThrow();
            if (f.healthTest().isEmpty()) {
                out.add(servicePath(s) + ".healthCheck", f.name() + " has no health test",
                        "add a health check (the catalog's is used by default)");
            } else if (f.healthTest().get().minServers() != 1) {
                out.add(servicePath(s) + ".healthCheck.minServers", f.name() + " has minimum servers "
                        + f.healthTest().get().minServers() + "; the guide sets 1", "set minServers: 1");
            }
        }
    }

    static void hc002(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Service s : d.enabledServices()) {
            Optional<HealthTest> guide = s.type().healthTest();
            Optional<HealthTest> actual = s.healthTest();
            if (guide.isEmpty() || actual.isEmpty()) {
                continue;
            }
            HealthTest g = guide.get();
            HealthTest a = actual.get();
            String path = servicePath(s) + ".healthCheck";
            if (!a.path().equals(g.path())) {
                out.add(path + ".path", s.name() + " probes " + a.path() + "; the guide probes " + g.path(),
                        "use path " + g.path());
            }
            if (!a.statusCodes().equals(g.statusCodes())) {
                out.add(path + ".statusCodes", s.name() + " accepts " + a.statusCodes() + "; the guide accepts "
                        + g.statusCodes(), "use statusCodes " + g.statusCodes());
            }
            if (!a.responseMatch().equals(g.responseMatch())) {
                out.add(path + ".responseMatch", s.name() + " expects "
                                + a.responseMatch().map(m -> "'" + m + "'").orElse("no response match")
                                + "; the guide expects "
                                + g.responseMatch().map(m -> "'" + m + "'").orElse("none"),
                        g.responseMatch().map(m -> "use responseMatch " + m).orElse("remove responseMatch"));
            }
        }
    }

    static void hc003(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Service s : d.enabledServices()) {
            if (s.healthTest().isEmpty()) {
                continue;
            }
            HealthTest t = s.healthTest().get();
            String path = servicePath(s) + ".healthCheck";
            if (t.timeout().compareTo(t.interval()) >= 0) {
                out.add(path + ".timeout", s.name() + " health test time-out " + Durations.format(t.timeout())
                        + " is not shorter than its interval " + Durations.format(t.interval()),
                        "make the time-out shorter than the interval (Citrix rejects it otherwise)");
            }
            if (t.interval().compareTo(SHORT_INTERVAL) < 0) {
                out.add(path + ".interval", s.name() + " health test interval " + Durations.format(t.interval())
                        + " is very short", "use at least 5s to avoid false failures on slow servers");
            }
            if (t.timeout().compareTo(SHORT_TIMEOUT) < 0) {
                out.add(path + ".timeout", s.name() + " health test time-out " + Durations.format(t.timeout())
                        + " is very short", "use at least 2s to avoid false failures on slow servers");
            }
        }
    }

    static void hc005(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() == Vendor.CITRIX && d.service(ServiceType.USER_INTERFACE).isPresent()) {
            out.add("services.user-interface", "a monitor is bound to every service group, the User Interface's "
                    + "included (Citrix best practice)", "");
        }
    }

    // ---------------------------------------------------------------- AFF

    static void aff001(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Service s : d.enabledServices()) {
            if (s.type().affinityRequired() && !d.affinityOf(s).enabled()) {
                out.add(servicePath(s) + ".affinity", s.name() + " has client affinity off",
                        "remove the affinity override (the guide requires "
                                + Affinity.guideDefault(d.vendor()).type() + " affinity)");
            }
        }
    }

    static void aff002(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() == Vendor.IIS) {
            return;
        }
        for (Service s : d.enabledServices()) {
            if (s.affinity().isEmpty() || s.type().mode() == ServiceMode.FAILOVER) {
                continue;
            }
            Affinity a = s.affinity().get();
            if (a.type() == AffinityType.NONE) {
                continue;
            }
            if (a.type() != AffinityType.SOURCE_IP) {
                out.add(servicePath(s) + ".affinity.type", s.name() + " uses " + a.type() + " persistence; "
                        + (d.vendor() == Vendor.CITRIX ? "Citrix" : "F5") + " should use source-ip",
                        "use type: source-ip");
            } else if (d.vendor() == Vendor.CITRIX && !a.timeout().equals(Affinity.DEFAULT_PERSISTENCE_TIMEOUT)) {
                out.add(servicePath(s) + ".affinity.timeout", s.name() + " persists for "
                        + a.timeout().toMinutes() + " minutes; the guide sets 10", "use timeout: 10m");
            }
        }
    }

    // ---------------------------------------------------------------- vendors

    private static void uniqueFarms(Deployment d, Rule.Findings out, String what) {
        Map<String, String> names = new HashMap<>();
        for (Farm f : d.farms()) {
            String other = names.putIfAbsent(f.name().toLowerCase(Locale.ROOT), f.service());
            if (other != null) {
                out.add(servicePath(d.service(f.service()).orElseThrow()), f.service() + " and " + other
                        + " share the " + what + " name '" + f.name() + "'", "give each service its own " + what);
            }
        }
    }

    static void arr001(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() == Vendor.IIS) {
            uniqueFarms(d, out, "server farm");
        }
    }

    static void arr004(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() != Vendor.IIS) {
            return;
        }
        for (Vip v : d.vips()) {
            if (v.tls() && v.certificate().isEmpty()) {
                out.add("loadBalancer.certificate", "the Default Web Site's HTTPS binding on port " + v.port()
                        + " (" + v.service() + ") has no certificate", "set loadBalancer.certificate");
            }
        }
    }

    private static void byFqdn(Deployment d, Rule.Findings out, String what) {
        for (int i = 0; i < d.servers().size(); i++) {
            String fqdn = d.servers().get(i).fqdn();
            if (isIpAddress(fqdn)) {
                out.add("servers[" + i + "].fqdn", "server " + fqdn + " would be added to the " + what
                        + " by IP address", "name it by FQDN");
            }
        }
    }

    private static void vipAddress(Deployment d, Rule.Findings out) {
        Optional<String> address = d.loadBalancer().address();
        if (address.isEmpty()) {
            out.add("loadBalancer.address", "no VIP address is given for the virtual servers",
                    "set loadBalancer.address");
        } else if (!isIpAddress(address.get())) {
            out.add("loadBalancer.address", "VIP address '" + address.get() + "' is not an IP address",
                    "set loadBalancer.address to the virtual server's IP address");
        }
    }

    static void ctx001(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() == Vendor.CITRIX) {
            byFqdn(d, out, "Citrix ADC");
        }
    }

    static void ctx002(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() == Vendor.CITRIX) {
            uniqueFarms(d, out, "service group");
        }
    }

    static void ctx003(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() == Vendor.CITRIX && !d.enabledServices().isEmpty()) {
            vipAddress(d, out);
        }
    }

    static void ctx004(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() != Vendor.CITRIX) {
            return;
        }
        d.service(ServiceType.HL7).ifPresent(s -> {
            if (s.affinity().isPresent() && s.affinity().get().enabled()) {
                out.add(servicePath(s) + ".affinity", "HL7 is given " + s.affinity().get().type()
                        + " persistence, as if balanced", "remove it: HL7 is published active/standby");
            }
        });
    }

    static void f5001(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() == Vendor.F5) {
            byFqdn(d, out, "BIG-IP as a node");
        }
    }

    static void f5002(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() != Vendor.F5 || d.service(ServiceType.HL7).isEmpty()) {
            return;
        }
        var lb = d.loadBalancer();
        if (lb.hl7Fqdn().isEmpty() || lb.hl7Fqdn().get().equalsIgnoreCase(lb.fqdn())) {
            out.add("loadBalancer.hl7Fqdn", "HL7 has no name of its own apart from " + lb.fqdn(),
                    "set loadBalancer.hl7Fqdn, e.g. patientsecurehl7." + domainOf(lb.fqdn()));
        }
        if (lb.hl7Address().isEmpty() || lb.hl7Address().equals(lb.address())) {
            out.add("loadBalancer.hl7Address", "HL7 has no virtual address of its own apart from "
                    + lb.address().orElse("the VIP"), "set loadBalancer.hl7Address");
        }
    }

    private static String domainOf(String fqdn) {
        int dot = fqdn.indexOf('.');
        return dot < 0 ? fqdn : fqdn.substring(dot + 1);
    }

    static void f5004(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() == Vendor.F5 && !d.enabledServices().isEmpty()) {
            vipAddress(d, out);
        }
    }

    static void hl7001(Deployment d, ValidationContext c, Rule.Findings out) {
        d.service(ServiceType.HL7).ifPresent(s -> {
            if (d.vendor() == Vendor.IIS) {
                out.add(Severity.INFO, servicePath(s), "ARR proxies HTTP only, so HL7 is not published on the load "
                                + "balancer; senders must fail over between " + String.join(", ", d.serversOf(s))
                                + " themselves",
                        "use io.hakit.hl7.FailoverMllpSender (HL7-002) with every HL7 server as an endpoint");
            }
            if (s.affinity().isPresent() && s.affinity().get().enabled() && d.vendor() != Vendor.CITRIX) {
                out.add(servicePath(s) + ".affinity", "HL7 is given persistence as if it were balanced",
                        "remove it: HL7 is active on one server at a time");
            }
        });
    }
}
