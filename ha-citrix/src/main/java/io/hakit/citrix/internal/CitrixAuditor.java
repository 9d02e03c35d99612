package io.hakit.citrix.internal;

import io.hakit.citrix.NitroClient;
import io.hakit.citrix.NitroObject;
import io.hakit.citrix.NitroResource;
import io.hakit.model.GuideConstants;
import io.hakit.model.ops.OperationalState;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Judges what is really configured on an ADC by the guide's rules, with no topology needed (an ADC
 * configured by hand from the guide): the load-balancing virtual servers that carry traffic, their service
 * groups, members, monitors, certificates and persistence. Rules: CTX-001 (servers by domain name), CTX-002
 * (SSL service group per HTTPS component, at least two members, all at one port), CTX-003 (an SSL virtual
 * server bound to its group), TLS-001 (a certificate bound to every SSL virtual server), AFF-002 (SOURCEIP
 * persistence, 10 minutes), HC-005 (a monitor on every group), TLS-004 (an SSL group verifies the servers'
 * certificates against a bound CA), CTX-004 (HL7 on 2244 active/standby: one
 * member and a backup virtual server, never balanced). Stateless and thread-safe.
 */
public final class CitrixAuditor {

    private CitrixAuditor() {
    }

    /**
     * Reads the ADC (ten GETs) and judges it.
     *
     * @param client the ADC
     * @return the findings, by rule
     */
    public static List<Finding> audit(NitroClient client) {
        return audit(DeviceState.read(client));
    }

    /**
     * Judges state already read (no request).
     *
     * @param state what the ADC has
     * @return the findings, by rule
     */
    public static List<Finding> audit(DeviceState state) {
        List<Finding> out = new ArrayList<>();
        List<NitroObject> vbinds = state.bindings(NitroResource.LBVSERVER_SERVICEGROUP_BINDING);
        List<NitroObject> members = state.bindings(NitroResource.SERVICEGROUP_MEMBER_BINDING);
        List<NitroObject> monitors = state.bindings(NitroResource.SERVICEGROUP_MONITOR_BINDING);
        List<NitroObject> certs = state.bindings(NitroResource.SSLVSERVER_CERTKEY_BINDING);
        List<String> backups = state.all(NitroResource.LBVSERVER).stream()
                .map(v -> v.string("backupvserver").orElse("")).filter(s -> !s.isEmpty()).collect(Collectors.toList());
        List<String> checkedGroups = new ArrayList<>();
        for (NitroObject vs : state.all(NitroResource.LBVSERVER)) {
            String name = vs.name();
            String path = "lbvserver/" + name;
            String type = vs.string("servicetype").orElse("").toUpperCase(Locale.ROOT);
            int port = number(vs.string("port").orElse("0"));
            boolean isBackup = backups.contains(name);
            List<String> groups = vbinds.stream().filter(b -> b.name().equals(name))
                    .map(b -> b.string("servicegroupname").orElse("")).collect(Collectors.toList());
            boolean hl7 = port == GuideConstants.HL7_PORT || (isBackup && (type.equals("TCP") || type.equals("ANY")));
            if (port == 0 && !isBackup) {
                continue; // a non-addressable vserver that backs nothing up carries no traffic
            }
            if (hl7) {
                if (isBackup) {
                    groups.forEach(g -> checkGroupMembers(state, g, members, out, 1, port));
                    continue;
                }
                int total = groups.stream().mapToInt(g -> (int) members.stream().filter(m -> m.name().equals(g))
                        .count()).sum();
                if (total > 1) {
                    out.add(new Finding("CTX-004", Severity.ERROR, path, "HL7 virtual server " + name + " on port "
                            + port + " balances across " + total + " members; HL7 must be active/standby",
                            "bind one server's group to it and the other's to a backup virtual server"
                                    + " (backupvserver)"));
                }
                if (vs.string("backupvserver").orElse("").isEmpty()) {
                    out.add(new Finding("CTX-004", Severity.ERROR, path, "HL7 virtual server " + name
                            + " has no backup virtual server: when its server fails, HL7 stops",
                            "set backupvserver to a standby virtual server bound to the other application server"));
                }
                continue;
            }
            boolean ssl = type.equals("SSL");
            if (!ssl && port != 80) {
                out.add(new Finding("CTX-003", Severity.ERROR, path, "virtual server " + name + " on port " + port
                        + " is " + type + ", not SSL", "the guide publishes every HTTPS port as an SSL virtual server"));
            }
            if (groups.isEmpty()) {
                out.add(new Finding("CTX-003", Severity.ERROR, path, "virtual server " + name
                        + " has no service group bound", "bind the component's service group to it"));
            }
            if (ssl && certs.stream().noneMatch(c -> c.name().equals(name) && !truthy(c.attributes().get("ca")))) {
                out.add(new Finding("TLS-001", Severity.ERROR, path, "SSL virtual server " + name
                        + " has no server certificate bound", "bind the load balancer's certificate"
                                + " (sslvserver_sslcertkey_binding)"));
            }
            String persistence = vs.string("persistencetype").orElse("NONE").toUpperCase(Locale.ROOT);
            String timeout = Normalizer.canonical("timeout", Normalizer.current("lbvserver", "timeout",
                    vs.attributes()));
            if (!persistence.equals("SOURCEIP") || !timeout.equals("10")) {
                out.add(new Finding("AFF-002", Severity.WARNING, path, "virtual server " + name + " uses persistence "
                        + persistence + (persistence.equals("NONE") ? "" : " for " + timeout + " min")
                        + "; the guide uses SOURCEIP for 10 minutes", "set persistencetype SOURCEIP, timeout 10"));
            }
            for (String g : groups) {
                if (checkedGroups.contains(g)) {
                    continue;
                }
                checkedGroups.add(g);
                Optional<NitroObject> group = state.find(NitroResource.SERVICEGROUP, g);
                String gpath = "servicegroup/" + g;
                String gtype = group.flatMap(x -> x.string("servicetype")).orElse("").toUpperCase(Locale.ROOT);
                if (ssl && !gtype.equals("SSL")) {
                    out.add(new Finding("CTX-002", Severity.ERROR, gpath, "service group " + g + " behind SSL"
                            + " virtual server " + name + " is " + (gtype.isEmpty() ? "missing" : gtype)
                            + ", not SSL", "the application servers speak HTTPS: use an SSL service group"));
                }
                checkGroupMembers(state, g, members, out, 2, port);
                if (gtype.equals("SSL")) {
                    String auth = state.find(NitroResource.SSLSERVICEGROUP, g).flatMap(x -> x.string("serverauth"))
                            .orElse("DISABLED").toUpperCase(Locale.ROOT);
                    boolean ca = state.bindings(NitroResource.SSLSERVICEGROUP_CERTKEY_BINDING).stream()
                            .anyMatch(b -> b.name().equals(g) && truthy(b.attributes().get("ca")));
                    if (!auth.equals("ENABLED") || !ca) {
                        out.add(new Finding("TLS-004", Severity.ERROR, "sslservicegroup/" + g, "service group " + g
                                + (ca ? "" : " has no CA certificate bound")
                                + (!ca && !auth.equals("ENABLED") ? " and" : "")
                                + (auth.equals("ENABLED") ? "" : " does not verify the servers' certificates"
                                        + " (serverauth " + auth + ")"),
                                "install the CA that signed the application servers' certificates, bind it to the"
                                        + " group as a CA and set serverauth ENABLED"));
                    }
                }
                if (monitors.stream().noneMatch(m -> m.name().equals(g))) {
                    out.add(new Finding("HC-005", Severity.INFO, gpath, "service group " + g + " has no monitor"
                            + " bound", "bind an HTTP-ECV monitor (secure YES) from the guide's health test"));
                }
            }
        }
        for (NitroObject m : members) {
            m.string("state").filter(st -> !st.equalsIgnoreCase("ENABLED")).ifPresent(st -> out.add(
                    OperationalState.warning(m.name(), m.string("servername").orElse("") + ":"
                            + m.string("port").orElse(""), st)));
        }
        return out;
    }

    private static void checkGroupMembers(DeviceState state, String g, List<NitroObject> members, List<Finding> out,
            int wanted, int vserverPort) {
        String gpath = "servicegroup/" + g;
        List<NitroObject> ms = members.stream().filter(m -> m.name().equals(g)).collect(Collectors.toList());
        if (wanted > 1 && ms.size() < wanted) {
            out.add(new Finding("CTX-002", Severity.ERROR, gpath, "service group " + g + " has " + ms.size()
                    + " member(s); every application server must be a member", "bind each application server at"
                            + " the component's port"));
        }
        List<String> ports = ms.stream().map(m -> Normalizer.canonical("port", m.attributes().get("port"))).distinct()
                .collect(Collectors.toList());
        if (ports.size() > 1) {
            out.add(new Finding("CTX-002", Severity.ERROR, gpath, "the members of " + g + " listen on different ports "
                    + ports, "every member serves the component on the same port"));
        }
        for (NitroObject m : ms) {
            String server = m.string("servername").orElse(m.string("ip").orElse(""));
            Optional<NitroObject> s = state.find(NitroResource.SERVER, server);
            boolean byDomain = s.flatMap(x -> x.string("domain")).filter(d -> !d.isBlank()).isPresent();
            if (!byDomain) {
                out.add(new Finding("CTX-001", Severity.ERROR, "server/" + server, "server " + server
                        + " (a member of " + g + ") is added by IP address, not by domain name",
                        "add the application server by its FQDN (add server <name> <fqdn>)"));
            }
        }
    }

    private static boolean truthy(Object v) {
        return v != null && (v.toString().equalsIgnoreCase("true") || v.toString().equalsIgnoreCase("yes"));
    }

    private static int number(String s) {
        try {
            return new java.math.BigDecimal(s.trim()).intValue();
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
