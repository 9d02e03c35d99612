package io.hakit.citrix.internal;

import io.hakit.citrix.CitrixConfig;
import io.hakit.citrix.NitroObject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes a {@link CitrixConfig} as ns CLI commands. */
public final class CliBatch {

    private CliBatch() {
    }

    /**
     * @param config the configuration
     * @return one command per line
     */
    public static String of(CitrixConfig config) {
        StringBuilder b = new StringBuilder();
        b.append("# hakit: NetScaler CLI batch for ").append(config.marker()).append('\n');
        b.append("# upload first to ").append(CitrixConfig.SSL_DIRECTORY).append(": ");
        config.files().forEach(f -> b.append(f.name()).append(' '));
        config.keyFiles().keySet().forEach(k -> b.append(k).append(" (the private key) "));
        b.append('\n');
        for (NitroObject o : config.objects()) {
            Map<String, Object> a = o.attributes();
            switch (o.type()) {
                case "server":
                    line(b, "add server " + q(a.get("name")) + " " + q(a.get("domain")), a, Set.of("name", "domain"));
                    break;
                case "lbmonitor":
                    line(b, "add lb monitor " + q(a.get("monitorname")) + " " + a.get("type"), a,
                            Set.of("monitorname", "type"));
                    break;
                case "servicegroup":
                    line(b, "add serviceGroup " + q(a.get("servicegroupname")) + " " + a.get("servicetype"), a,
                            Set.of("servicegroupname", "servicetype"));
                    break;
                case "sslservicegroup":
                    line(b, "set ssl serviceGroup " + q(a.get("servicegroupname")), a, Set.of("servicegroupname"));
                    break;
                case "servicegroup_servicegroupmember_binding":
                    line(b, "bind serviceGroup " + q(a.get("servicegroupname")) + " " + q(a.get("servername")) + " "
                            + a.get("port"), a, Set.of("servicegroupname", "servername", "port"));
                    break;
                case "servicegroup_lbmonitor_binding":
                    line(b, "bind serviceGroup " + q(a.get("servicegroupname")) + " -monitorName "
                            + q(a.get("monitor_name")), a, Set.of("servicegroupname", "monitor_name"));
                    break;
                case "sslcertkey":
                    line(b, "add ssl certKey " + q(a.get("certkey")), a, Set.of("certkey"));
                    break;
                case "sslservicegroup_sslcertkey_binding":
                    b.append("bind ssl serviceGroup ").append(q(a.get("servicegroupname"))).append(" -certkeyName ")
                            .append(q(a.get("certkeyname"))).append(Boolean.TRUE.equals(a.get("ca")) ? " -CA" : "")
                            .append('\n');
                    break;
                case "lbvserver":
                    line(b, "add lb vserver " + q(a.get("name")) + " " + a.get("servicetype")
                            + (a.containsKey("ipv46") ? " " + a.get("ipv46") + " " + a.get("port") : ""), a,
                            Set.of("name", "servicetype", "ipv46", "port"));
                    break;
                case "lbvserver_servicegroup_binding":
                    b.append("bind lb vserver ").append(q(a.get("name"))).append(' ')
                            .append(q(a.get("servicegroupname"))).append('\n');
                    break;
                case "sslvserver_sslcertkey_binding":
                    b.append("bind ssl vserver ").append(q(a.get("vservername"))).append(" -certkeyName ")
                            .append(q(a.get("certkeyname"))).append('\n');
                    break;
                default:
                    line(b, "# " + o.type() + " " + o.name(), a, Set.of());
            }
        }
        b.append("save ns config\n");
        return b.toString();
    }

    private static void line(StringBuilder b, String head, Map<String, Object> a, Set<String> skip) {
        b.append(head);
        for (Map.Entry<String, Object> e : a.entrySet()) {
            if (skip.contains(e.getKey())) {
                continue;
            }
            b.append(" -").append(e.getKey()).append(' ');
            if (e.getValue() instanceof List) {
                for (Object v : (List<?>) e.getValue()) {
                    b.append(q(v)).append(' ');
                }
                b.setLength(b.length() - 1);
            } else {
                b.append(q(e.getValue()));
            }
        }
        b.append('\n');
    }

    private static String q(Object v) {
        String s = String.valueOf(v);
        if (s.isEmpty() || s.matches(".*[\\s\"\\\\].*")) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n")
                    + '"';
        }
        return s;
    }
}
