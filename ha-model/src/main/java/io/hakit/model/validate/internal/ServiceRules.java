package io.hakit.model.validate.internal;

import static io.hakit.model.validate.internal.GuideRules.isFqdn;
import static io.hakit.model.validate.internal.GuideRules.isIpAddress;
import static io.hakit.model.validate.internal.GuideRules.lbPortPath;
import static io.hakit.model.validate.internal.GuideRules.portPath;
import static io.hakit.model.validate.internal.GuideRules.servicePath;

import io.hakit.model.Deployment;
import io.hakit.model.Protocol;
import io.hakit.model.Service;
import io.hakit.model.ServiceType;
import io.hakit.model.Vip;
import io.hakit.model.internal.Derivation;
import io.hakit.model.validate.Rule;
import io.hakit.model.validate.Severity;
import io.hakit.model.validate.ValidationContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The topology, service and URL rules of the guide (TOP, SVC, URL): servers, the catalog's ports
 * and the URLs clients and servers are configured with.
 * Each check is linear in services × servers; the catalog of rules is {@link GuideRules#all()}.
 */
final class ServiceRules {

    private ServiceRules() {
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
}
