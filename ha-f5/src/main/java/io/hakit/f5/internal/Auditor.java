package io.hakit.f5.internal;

import io.hakit.f5.F5Names;
import io.hakit.f5.F5Object;
import io.hakit.f5.F5Renderer;
import io.hakit.f5.F5Type;
import io.hakit.model.Deployment;
import io.hakit.model.GuideConstants;
import io.hakit.model.cert.CertificateInspector;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges what a BIG-IP really has by the guide's F5 rules (F5-001..004), AFF-002, HL7-001 and TLS-001/002,
 * with no topology needed.
 */
public final class Auditor {

    private Auditor() {
    }

    /**
     * @param state the device
     * @param deployment the topology, when given (to check certificate names)
     * @return the findings
     */
    @SuppressWarnings("unchecked")
    public static List<Finding> audit(DeviceState state, Optional<Deployment> deployment) {
        List<Finding> out = new ArrayList<>();
        Map<String, F5Object> pools = byPath(state.all(F5Type.POOL));
        Map<String, F5Object> nodes = byPath(state.all(F5Type.NODE));
        Map<String, F5Object> tcp = byPath(state.all(F5Type.PROFILE_TCP));
        Map<String, F5Object> clientSsl = byPath(state.all(F5Type.PROFILE_CLIENT_SSL));
        Map<String, F5Object> persistence = byPath(state.all(F5Type.PERSISTENCE_SOURCE_ADDR));
        Map<String, F5Object> certs = byPath(state.all(F5Type.SSL_CERT));
        List<F5Object> virtuals = state.all(F5Type.VIRTUAL);

        // F5-001: nodes by FQDN
        Set<String> reported = new TreeSet<>();
        for (F5Object pool : pools.values()) {
            for (Map<String, Object> m : members(pool)) {
                String member = String.valueOf(m.get("name"));
                String node = nodeOf(member, String.valueOf(m.getOrDefault("partition", F5Names.COMMON)));
                F5Object n = nodes.get(node);
                boolean fqdn = n != null ? hasFqdn(n.attributes().get("fqdn")) : hasFqdn(m.get("fqdn"));
                if (!fqdn && reported.add(node)) {
                    out.add(new Finding("F5-001", Severity.ERROR, "ltm/node " + node, "node " + node
                            + " (member of pool " + pool.fullPath() + ") is an address, not an application server's FQDN",
                            "create the nodes by FQDN (fqdn.tmName = the server's name) and use them as pool members"));
                }
            }
        }

        Map<String, List<F5Object>> byDestination = new LinkedHashMap<>();
        Set<String> httpAddresses = new TreeSet<>();
        List<F5Object> hl7Virtuals = new ArrayList<>();
        for (F5Object v : virtuals) {
            String destination = String.valueOf(v.attributes().getOrDefault("destination", ""));
            byDestination.computeIfAbsent(destination, k -> new ArrayList<>()).add(v);
            int port = F5Names.portOf(destination);
            String address = F5Names.addressOf(destination);
            String poolPath = v.attribute("pool").map(p -> F5Names.qualify(p.toString())).orElse("");
            boolean hl7 = port == GuideConstants.HL7_PORT || isHl7Pool(pools.get(poolPath));
            if (hl7) {
                hl7Virtuals.add(v);
            } else {
                httpAddresses.add(address);
            }
            String where = "ltm/virtual " + v.fullPath();
            // F5-004: one virtual server per published port
            if (port == 0 || port < 0) {
                out.add(new Finding("F5-004", Severity.ERROR, where, "virtual server " + v.fullPath()
                        + " listens on every port (" + destination + ")", "create one virtual server per published port"));
            }
            List<String> profiles = profileNames(v);
            // F5-003: TCP idle time-out
            Optional<F5Object> tcpProfile = profiles.stream().map(tcp::get).filter(p -> p != null).findFirst();
            long idle;
            String tcpName;
            if (tcpProfile.isPresent()) {
                idle = number(tcpProfile.get().attributes().get("idleTimeout"), 300);
                tcpName = tcpProfile.get().fullPath();
            } else {
                idle = 300;
                tcpName = profiles.contains("/Common/tcp") || profiles.isEmpty() ? "/Common/tcp (default 300 s)"
                        : "no TCP profile";
            }
            if (idle < GuideConstants.IDLE_TIMEOUT_SECONDS) {
                out.add(new Finding("F5-003", Severity.ERROR, where, "virtual server " + v.fullPath() + " uses "
                        + tcpName + " with an idle time-out of " + idle + " s, under "
                        + GuideConstants.IDLE_TIMEOUT_SECONDS + " s",
                        "use a TCP profile (defaults-from /Common/tcp) with idleTimeout >= 1860 (the Admin Console's "
                                + "30-minute session plus a minute)"));
            }
            if (hl7) {
                continue;
            }
            // AFF-002: source-address persistence
            List<String> persist = listNames(v.attributes().get("persist"));
            if (persist.isEmpty()) {
                out.add(new Finding("AFF-002", Severity.WARNING, where, "virtual server " + v.fullPath()
                        + " has no persistence", "use source-address persistence (persist /Common/source_addr or a "
                                + "profile derived from it)"));
            } else if (!persistence.containsKey(persist.get(0)) && !persist.get(0).equals("/Common/source_addr")) {
                out.add(new Finding("AFF-002", Severity.WARNING, where, "virtual server " + v.fullPath()
                        + " persists with " + persist.get(0) + ", not source address", "use source-address persistence"));
            }
            // TLS-001: a certificate on every HTTPS virtual server
            if (port != 80) {
                Optional<F5Object> ssl = profiles.stream().map(clientSsl::get).filter(p -> p != null).findFirst();
                if (ssl.isEmpty()) {
                    out.add(new Finding("TLS-001", Severity.ERROR, where, "HTTPS virtual server " + v.fullPath()
                            + " (port " + port + ") has no client-ssl profile, so no certificate is bound",
                            "attach a client-ssl profile with the load balancer's certificate (context clientside)"));
                } else {
                    Optional<String> cert = certOf(ssl.get());
                    if (cert.isEmpty() || cert.get().equals("none") || !certs.containsKey(cert.get())) {
                        out.add(new Finding("TLS-001", Severity.ERROR, where, "client-ssl profile " + ssl.get().fullPath()
                                + " of " + v.fullPath() + " binds " + cert.map(c -> "certificate " + c
                                + ", which is not on the device").orElse("no certificate"),
                                "install the load balancer's certificate and key and set them in certKeyChain"));
                    } else {
                        tls002(certs.get(cert.get()), deployment, where, out);
                    }
                }
            }
        }
        for (Map.Entry<String, List<F5Object>> e : byDestination.entrySet()) {
            if (e.getValue().size() > 1) {
                out.add(new Finding("F5-004", Severity.ERROR, "ltm/virtual " + e.getValue().get(0).fullPath(),
                        e.getValue().size() + " virtual servers share destination " + e.getKey() + ": "
                                + e.getValue().stream().map(F5Object::fullPath).toList(),
                        "one virtual server per published port"));
            }
        }
        // F5-002 and HL7-001
        for (F5Object v : hl7Virtuals) {
            String where = "ltm/virtual " + v.fullPath();
            String address = F5Names.addressOf(String.valueOf(v.attributes().getOrDefault("destination", "")));
            if (httpAddresses.contains(address)) {
                out.add(new Finding("F5-002", Severity.ERROR, where, "HL7 virtual server " + v.fullPath()
                        + " shares address " + address + " with the HTTP(S) services",
                        "give HL7 its own name and address (e.g. patientsecurehl7.hospital.org) sending all traffic to "
                                + "one server"));
            }
            String poolPath = v.attribute("pool").map(p -> F5Names.qualify(p.toString())).orElse("");
            F5Object pool = pools.get(poolPath);
            if (pool == null) {
                out.add(new Finding("HL7-001", Severity.ERROR, where, "HL7 virtual server " + v.fullPath()
                        + " has no pool", "give it a pool with priority-group activation"));
                continue;
            }
            List<Map<String, Object>> ms = members(pool);
            if (ms.size() < 2) {
                continue;
            }
            long minActive = number(pool.attributes().get("minActiveMembers"), 0);
            long top = ms.stream().mapToLong(m -> number(m.get("priorityGroup"), 0)).max().orElse(0);
            long atTop = ms.stream().filter(m -> number(m.get("priorityGroup"), 0) == top).count();
            if (minActive < 1 || atTop > 1) {
                out.add(new Finding("HL7-001", Severity.ERROR, "ltm/pool " + pool.fullPath(), "HL7 pool "
                        + pool.fullPath() + " balances across " + (minActive < 1 ? ms.size() : atTop) + " servers ("
                        + (minActive < 1 ? "priority group activation is off, minActiveMembers " + minActive
                        : atTop + " members share the top priority group " + top) + ")",
                        "set minActiveMembers 1 and give the preferred server a higher priorityGroup than the others"));
            }
        }
        return out;
    }

    private static void tls002(F5Object cert, Optional<Deployment> deployment, String where, List<Finding> out) {
        Object san = cert.attributes().get("subjectAlternativeName");
        List<String> names = new ArrayList<>();
        if (san != null && !san.toString().isBlank()) {
            for (String part : san.toString().split(",")) {
                String p = part.strip();
                if (p.regionMatches(true, 0, "DNS:", 0, 4)) {
                    names.add(p.substring(4).strip().toLowerCase(Locale.ROOT));
                }
            }
        } else if (deployment.isPresent() && cert.name().equals(F5Renderer.LB_CERT)
                && deployment.get().loadBalancer().certificate().isPresent()) {
            CertificateInspector.dnsNames(deployment.get().loadBalancer().certificate().get().leaf())
                    .forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
        } else {
            out.add(new Finding("TLS-002", Severity.WARNING, where, "the BIG-IP reports no Subject Alternative Name for "
                    + "certificate " + cert.fullPath() + " (" + cert.attribute("subject").orElse("no subject") + ")",
                    "check that the certificate's SANs cover the load balancer's FQDN(s); audit with the topology to "
                            + "check hakit's own certificate"));
            return;
        }
        if (names.isEmpty()) {
            out.add(new Finding("TLS-002", Severity.ERROR, where, "certificate " + cert.fullPath()
                    + " has no DNS Subject Alternative Name", "use a certificate whose SANs name the load balancer's FQDN(s)"));
            return;
        }
        if (deployment.isPresent()) {
            String fqdn = deployment.get().loadBalancer().fqdn().toLowerCase(Locale.ROOT);
            if (names.stream().noneMatch(n -> CertificateInspector.nameCovers(n, fqdn))) {
                out.add(new Finding("TLS-002", Severity.ERROR, where, "certificate " + cert.fullPath() + " names "
                        + names + " but not " + fqdn, "use a certificate whose SANs cover " + fqdn));
            }
        }
    }

    private static Map<String, F5Object> byPath(List<F5Object> objects) {
        Map<String, F5Object> m = new LinkedHashMap<>();
        objects.forEach(o -> m.put(o.fullPath(), o));
        return m;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> members(F5Object pool) {
        if (pool == null) {
            return List.of();
        }
        Object m = pool.attributes().get("members");
        if (!(m instanceof List)) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<Object>) m) {
            if (o instanceof Map) {
                out.add((Map<String, Object>) o);
            }
        }
        return out;
    }

    private static boolean isHl7Pool(F5Object pool) {
        return members(pool).stream().anyMatch(m -> F5Names.portOf(String.valueOf(m.get("name"))) == GuideConstants.HL7_PORT);
    }

    private static String nodeOf(String member, String partition) {
        String bare = member.startsWith("/") ? member.substring(member.lastIndexOf('/') + 1) : member;
        String node = F5Names.addressOf(bare);
        return "/" + partition + "/" + node;
    }

    @SuppressWarnings("unchecked")
    private static boolean hasFqdn(Object fqdn) {
        if (!(fqdn instanceof Map)) {
            return false;
        }
        Object name = ((Map<String, Object>) fqdn).get("tmName");
        return name != null && !name.toString().isBlank();
    }

    private static List<String> profileNames(F5Object v) {
        return listNames(v.attributes().get("profiles"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> listNames(Object list) {
        List<String> out = new ArrayList<>();
        if (list instanceof List) {
            for (Object o : (List<Object>) list) {
                if (o instanceof Map) {
                    Map<String, Object> m = (Map<String, Object>) o;
                    Object full = m.get("fullPath");
                    if (full != null) {
                        out.add(full.toString());
                    } else if (m.get("name") != null) {
                        String name = m.get("name").toString();
                        out.add(name.startsWith("/") ? name : "/" + m.getOrDefault("partition", F5Names.COMMON) + "/" + name);
                    }
                } else if (o != null) {
                    out.add(F5Names.qualify(o.toString()));
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> certOf(F5Object clientSsl) {
        Object chain = clientSsl.attributes().get("certKeyChain");
        if (chain instanceof List && !((List<Object>) chain).isEmpty() && ((List<Object>) chain).get(0) instanceof Map) {
            Object cert = ((Map<String, Object>) ((List<Object>) chain).get(0)).get("cert");
            if (cert != null) {
                return Optional.of(F5Names.qualify(cert.toString()));
            }
        }
        return clientSsl.attribute("cert").map(c -> c.toString().equals("none") ? "none" : F5Names.qualify(c.toString()));
    }

    private static long number(Object o, long otherwise) {
        if (o instanceof Number) {
            return ((Number) o).longValue();
        }
        if (o != null) {
            try {
                return Long.parseLong(o.toString().strip());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
        return otherwise;
    }
}
