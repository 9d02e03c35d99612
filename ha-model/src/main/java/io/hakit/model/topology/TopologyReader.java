package io.hakit.model.topology;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.model.Affinity;
import io.hakit.model.AffinityType;
import io.hakit.model.Deployment;
import io.hakit.model.Environment;
import io.hakit.model.HealthTest;
import io.hakit.model.LoadBalancer;
import io.hakit.model.Ports;
import io.hakit.model.Server;
import io.hakit.model.Service;
import io.hakit.model.ServiceType;
import io.hakit.model.StatusCodes;
import io.hakit.model.Vendor;
import io.hakit.model.cert.CertificateChain;
import io.hakit.model.cert.Pem;
import io.hakit.model.cert.PemException;
import io.hakit.model.internal.Suggestions;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Walks a parsed topology tree, building the deployment. Not thread-safe; one per parse. */
final class TopologyReader {

    private static final Set<String> TOP_KEYS =
            Set.of("name", "environment", "loadBalancer", "serverConsole", "servers", "trust", "services");
    private static final Set<String> LB_KEYS =
            Set.of("vendor", "fqdn", "address", "hl7Fqdn", "hl7Address", "certificate");
    private static final Set<String> SERVER_KEYS = Set.of("fqdn", "certificate");
    private static final Set<String> TRUST_KEYS = Set.of("ca");
    private static final Set<String> SERVICE_KEYS = Set.of("port", "ports", "lbPort", "lbPorts", "servers", "url",
            "certificate", "healthCheck", "affinity", "enabled");
    private static final Set<String> HEALTH_KEYS =
            Set.of("path", "statusCodes", "responseMatch", "interval", "timeout", "minServers");
    private static final Set<String> AFFINITY_KEYS = Set.of("type", "timeout");


    private final String source;
    private final Path baseDir;
    private final Map<String, JsonLocation> locations;
    private final List<Finding> findings = new ArrayList<>();

    TopologyReader(String source, Path baseDir, Map<String, JsonLocation> locations) {
        this.source = source;
        this.baseDir = baseDir;
        this.locations = locations;
    }

    TopologyException error(String path, String problem) {
        JsonLocation l = locations.get(path);
        return new TopologyException(source, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                path, problem, null);
    }

    TopologyException error(String path, String problem, Throwable cause) {
        JsonLocation l = locations.get(path);
        return new TopologyException(source, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                path, problem, cause);
    }

    Deployment deployment(JsonNode root) {
        object(root, "", "the file");
        keys(root, "", TOP_KEYS, "top-level key");
        Deployment.Builder d = Deployment.builder().source(source);
        d.name(optionalText(root, "name").orElse(fileStem()));
        optionalText(root, "environment").ifPresent(e -> {
            try {
                d.environment(Environment.fromKey(e));
            } catch (IllegalArgumentException ex) {
                throw error("environment", ex.getMessage());
            }
        });
        JsonNode lb = root.get("loadBalancer");
        if (lb == null) {
            throw error("", "loadBalancer is missing; it needs at least vendor and fqdn");
        }
        d.loadBalancer(loadBalancer(lb));
        optionalText(root, "serverConsole").ifPresent(d::serverConsole);
        JsonNode servers = root.get("servers");
        if (servers == null) {
            throw error("", "servers is missing; list the application servers by FQDN");
        }
        if (!servers.isArray()) {
            throw error("servers", "expected a list of servers, got " + describe(servers));
        }
        for (int i = 0; i < servers.size(); i++) {
            d.server(server(servers.get(i), "servers[" + i + "]"));
        }
        JsonNode trust = root.get("trust");
        if (trust != null && !trust.isNull()) {
            object(trust, "trust", "trust");
            keys(trust, "trust", TRUST_KEYS, "key");
            optionalText(trust, "ca", "trust.ca").ifPresent(ca -> d.trustCa(certificate(ca, "trust.ca")));
        }
        JsonNode services = root.get("services");
        if (services == null) {
            throw error("", "services is missing; list the services by catalog key, e.g. web-services: {}");
        }
        object(services, "services", "services");
        Iterator<Map.Entry<String, JsonNode>> it = services.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            d.service(service(e.getKey(), e.getValue()));
        }
        d.loadFindings(findings);
        return d.build();
    }

    private String fileStem() {
        String n = Path.of(source).getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    LoadBalancer loadBalancer(JsonNode lb) {
        object(lb, "loadBalancer", "loadBalancer");
        keys(lb, "loadBalancer", LB_KEYS, "key");
        LoadBalancer.Builder b = LoadBalancer.builder();
        String vendor = requiredText(lb, "vendor", "loadBalancer.vendor");
        try {
            b.vendor(Vendor.fromKey(vendor));
        } catch (IllegalArgumentException e) {
            throw error("loadBalancer.vendor", e.getMessage());
        }
        b.fqdn(requiredText(lb, "fqdn", "loadBalancer.fqdn"));
        optionalText(lb, "address", "loadBalancer.address").ifPresent(b::address);
        optionalText(lb, "hl7Fqdn", "loadBalancer.hl7Fqdn").ifPresent(b::hl7Fqdn);
        optionalText(lb, "hl7Address", "loadBalancer.hl7Address").ifPresent(b::hl7Address);
        optionalText(lb, "certificate", "loadBalancer.certificate")
                .ifPresent(c -> b.certificate(certificate(c, "loadBalancer.certificate")));
        return b.build();
    }

    Server server(JsonNode node, String path) {
        if (node.isTextual()) {
            return Server.of(node.asText());
        }
        object(node, path, "a server");
        keys(node, path, SERVER_KEYS, "key");
        String fqdn = requiredText(node, "fqdn", path + ".fqdn");
        Optional<String> cert = optionalText(node, "certificate", path + ".certificate");
        return Server.of(fqdn, cert.map(c -> certificate(c, path + ".certificate")).orElse(null));
    }

    Service service(String key, JsonNode node) {
        String path = "services." + key;
        ServiceType type = ServiceType.fromKey(key).orElseThrow(() -> error(path,
                "unknown service" + Suggestions.closest(key, ServiceType.keys())
                        .map(s -> "; did you mean '" + s + "'?").orElse("; the catalog has "
                                + String.join(", ", ServiceType.keys()))));
        Service.Builder b = Service.builder(type);
        if (node == null || node.isNull()) {
            return b.build();
        }
        object(node, path, "service settings ({} takes every default)");
        keys(node, path, SERVICE_KEYS, "key");
        optionalBoolean(node, "enabled", path + ".enabled").ifPresent(b::enabled);
        ports(node, "port", "ports", path, type).ifPresent(b::ports);
        ports(node, "lbPort", "lbPorts", path, type).ifPresent(b::lbPorts);
        JsonNode servers = node.get("servers");
        if (servers != null) {
            if (!servers.isArray()) {
                throw error(path + ".servers", "expected a list of server FQDNs, got " + describe(servers));
            }
            List<String> list = new ArrayList<>();
            for (int i = 0; i < servers.size(); i++) {
                JsonNode s = servers.get(i);
                if (!s.isTextual()) {
                    throw error(path + ".servers[" + i + "]", "expected a server FQDN, got " + describe(s));
                }
                list.add(s.asText());
            }
            b.servers(list);
        }
        optionalText(node, "url", path + ".url").ifPresent(b::url);
        optionalText(node, "certificate", path + ".certificate")
                .ifPresent(c -> b.certificate(certificate(c, path + ".certificate")));
        JsonNode hc = node.get("healthCheck");
        if (hc != null && !hc.isNull()) {
            b.healthTest(healthTest(hc, path + ".healthCheck", type));
        }
        JsonNode aff = node.get("affinity");
        if (aff != null && !aff.isNull()) {
            b.affinity(affinity(aff, path + ".affinity"));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage(), e);
        }
    }

    Optional<List<Integer>> ports(JsonNode node, String single, String plural, String path, ServiceType type) {
        JsonNode one = node.get(single);
        JsonNode many = node.get(plural);
        if (one != null && many != null) {
            throw error(path + "." + plural, "give either " + single + " or " + plural + ", not both");
        }
        if (one != null) {
            return Optional.of(List.of(port(one, path + "." + single)));
        }
        if (many == null) {
            return Optional.empty();
        }
        String p = path + "." + plural;
        if (!many.isArray()) {
            throw error(p, "expected a list of ports, got " + describe(many));
        }
        if (many.isEmpty() || many.size() > 2) {
            throw error(p, "expected one or two ports, got " + many.size());
        }
        if (type.defaultPorts().size() == 1 && many.size() == 2) {
            throw error(p, type.key() + " has one port; use " + single);
        }
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < many.size(); i++) {
            ports.add(port(many.get(i), p + "[" + i + "]"));
        }
        return Optional.of(ports);
    }

    int port(JsonNode node, String path) {
        if (!node.isIntegralNumber() && !(node.isTextual() && node.asText().matches("\\d{1,9}"))) {
            throw error(path, "expected a port number, got " + describe(node));
        }
        int port = node.isIntegralNumber() ? (node.canConvertToInt() ? node.intValue() : -1)
                : Integer.parseInt(node.asText());
        try {
            return Ports.check(port, path);
        } catch (IllegalArgumentException e) {
            throw error(path, "port " + (node.isIntegralNumber() ? node.asText() : port)
                    + " is out of range; ports are 1-65535");
        }
    }

    HealthTest healthTest(JsonNode node, String path, ServiceType type) {
        object(node, path, "health check settings");
        keys(node, path, HEALTH_KEYS, "key");
        HealthTest base = type.healthTest().orElseThrow(() -> error(path, type.key()
                + " is checked over TCP by the load balancer; it takes no HTTP health check"));
        HealthTest.Builder b = base.toBuilder();
        optionalText(node, "path", path + ".path").ifPresent(p -> {
            if (!p.startsWith("/")) {
                throw error(path + ".path", "'" + p + "' must start with '/'");
            }
            b.path(p);
        });
        JsonNode codes = node.get("statusCodes");
        if (codes != null) {
            String spec = statusCodeSpec(codes, path + ".statusCodes");
            Optional<String> problem = StatusCodes.problem(spec);
            if (problem.isPresent()) {
                findings.add(new Finding("HC-004", Severity.ERROR, path + ".statusCodes", problem.get(),
                        "write a range like 200-399 or a list like 200,302; the catalog's "
                                + base.statusCodes() + " is used until then"));
            } else {
                b.statusCodes(StatusCodes.parse(spec));
            }
        }
        optionalText(node, "responseMatch", path + ".responseMatch").ifPresent(b::responseMatch);
        optionalDuration(node, "interval", path + ".interval").ifPresent(b::interval);
        optionalDuration(node, "timeout", path + ".timeout").ifPresent(b::timeout);
        JsonNode min = node.get("minServers");
        if (min != null) {
            if (!min.isIntegralNumber() || !min.canConvertToInt() || min.intValue() < 0) {
                throw error(path + ".minServers", "expected a whole number of servers (0 or more), got "
                        + describe(min));
            }
            b.minServers(min.intValue());
        }
        return b.build();
    }

    String statusCodeSpec(JsonNode node, String path) {
        if (node.isTextual() || node.isIntegralNumber()) {
            return node.asText();
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode n : node) {
                if (!n.isTextual() && !n.isIntegralNumber()) {
                    throw error(path, "expected status codes like 200-399 or [200, 302], got " + describe(n));
                }
                parts.add(n.asText());
            }
            return String.join(",", parts);
        }
        throw error(path, "expected status codes like 200-399 or [200, 302], got " + describe(node));
    }

    Affinity affinity(JsonNode node, String path) {
        object(node, path, "affinity settings");
        keys(node, path, AFFINITY_KEYS, "key");
        String t = requiredText(node, "type", path + ".type");
        AffinityType type;
        try {
            type = AffinityType.fromKey(t);
        } catch (IllegalArgumentException e) {
            throw error(path + ".type", e.getMessage());
        }
        Duration timeout = optionalDuration(node, "timeout", path + ".timeout")
                .orElse(type == AffinityType.NONE || type == AffinityType.COOKIE
                        ? Duration.ZERO : Affinity.DEFAULT_PERSISTENCE_TIMEOUT);
        return new Affinity(type, timeout);
    }

    CertificateChain certificate(String relative, String path) {
        Path file = baseDir.resolve(relative);
        try {
            return Pem.read(file);
        } catch (PemException e) {
            throw error(path, "certificate " + e.getMessage(), e);
        }
    }

    void object(JsonNode node, String path, String what) {
        if (!node.isObject()) {
            throw error(path, "expected " + what + " as a mapping of keys, got " + describe(node));
        }
    }

    void keys(JsonNode node, String path, Set<String> valid, String what) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!valid.contains(n)) {
                String p = path.isEmpty() ? n : path + "." + n;
                throw error(p, "unknown " + what + Suggestions.closest(n, valid)
                        .map(s -> "; did you mean '" + s + "'?")
                        .orElse("; valid keys here: " + String.join(", ", new java.util.TreeSet<>(valid))));
            }
        }
    }

    String requiredText(JsonNode node, String key, String path) {
        return optionalText(node, key, path).orElseThrow(() -> error(path.contains(".")
                ? path.substring(0, path.lastIndexOf('.')) : "", key + " is missing"));
    }

    Optional<String> optionalText(JsonNode node, String key) {
        return optionalText(node, key, key);
    }

    Optional<String> optionalText(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw error(path, "expected text, got " + describe(v));
        }
        String s = v.asText().strip();
        if (s.isEmpty()) {
            throw error(path, "is empty");
        }
        return Optional.of(s);
    }

    Optional<Boolean> optionalBoolean(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw error(path, "expected true or false, got " + describe(v));
        }
        return Optional.of(v.booleanValue());
    }

    Optional<Duration> optionalDuration(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw error(path, "expected a duration like 30s, 10m or PT30S, got " + describe(v)
                    + (v.isNumber() ? " (add a unit: " + v.asText() + "s)" : ""));
        }
        try {
            Duration d = Durations.parse(v.asText());
            if (d.isNegative() || d.isZero()) {
                throw error(path, "duration '" + v.asText() + "' must be positive");
            }
            return Optional.of(d);
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage(), e);
        }
    }

    static String describe(JsonNode n) {
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isTextual()) {
            String t = n.asText();
            return "'" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "'";
        }
        if (n.isNull()) {
            return "nothing";
        }
        return n.asText();
    }
}
