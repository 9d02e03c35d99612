package io.hakit.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A picture of a deployment as a Mermaid flowchart (GitHub renders it in Markdown): clients, the
 * load balancer with one box per published port, one farm per service with its health test, the
 * application servers, and HL7 as an active/standby path (solid to the active server, dotted to
 * the standby). Farm states (HEALTHY / DEGRADED / UNHEALTHY) and members that are down can be drawn
 * on it. Stateless and thread-safe.
 */
public final class TopologyDiagram {

    private TopologyDiagram() {
    }

    /**
     * @param deployment the deployment
     * @return the Mermaid source, starting with {@code flowchart LR}
     */
    public static String mermaid(Deployment deployment) {
        return mermaid(deployment, Map.of(), Map.of());
    }

    /**
     * @param deployment the deployment
     * @param farmStates service name to state (e.g. {@code HEALTHY}); farms not listed are drawn plain
     * @param downServers service name to the servers that are down in that farm (drawn with a red, dashed edge)
     * @return the Mermaid source, starting with {@code flowchart LR}
     * @throws NullPointerException when an argument is null
     */
    public static String mermaid(Deployment deployment, Map<String, String> farmStates,
            Map<String, Set<String>> downServers) {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(farmStates, "farmStates");
        Objects.requireNonNull(downServers, "downServers");
        StringBuilder b = new StringBuilder("flowchart LR\n");
        LoadBalancer lb = deployment.loadBalancer();
        b.append("  clients([\"Clients and HL7 senders\"])\n");
        b.append("  subgraph lb[\"").append(text(lb.vendor().key() + " load balancer " + lb.fqdn()
                + lb.address().map(a -> " (" + a + ")").orElse(""))).append("\"]\n");
        List<Vip> vips = deployment.vips();
        for (Vip v : vips) {
            b.append("    ").append(vipId(v)).append("[\"").append(text(v.fqdn() + ":" + v.port() + " "
                    + (v.mode() == ServiceMode.FAILOVER ? "TCP active/standby" : v.tls() ? "HTTPS" : "HTTP")))
                    .append("\"]\n");
        }
        b.append("  end\n");
        b.append("  subgraph servers[\"Application servers\"]\n");
        for (Server s : deployment.servers()) {
            b.append("    ").append(id("srv", s.fqdn())).append("[(\"").append(text(s.fqdn())).append("\")]\n");
        }
        b.append("  end\n");
        for (Vip v : vips) {
            b.append("  clients --> ").append(vipId(v)).append('\n');
        }
        int edge = vips.size(); // Mermaid numbers links in the order they are written
        StringBuilder styles = new StringBuilder();
        for (Farm f : deployment.farms()) {
            String farmId = id("farm", f.service());
            Optional<String> state = Optional.ofNullable(farmStates.get(f.service()));
            String health = f.healthTest().map(t -> t.method() + " " + t.path() + " " + t.statusCodes()
                    + t.responseMatch().map(m -> " '" + m + "'").orElse("")).orElse("TCP connect");
            b.append("  ").append(farmId).append("{{\"").append(text(f.name()))
                    .append("<br/>").append(text(health))
                    .append(state.map(s -> "<br/><b>" + text(s) + "</b>").orElse("")).append("\"}}\n");
            state.ifPresent(s -> b.append("  class ").append(farmId).append(' ')
                    .append(s.toLowerCase(Locale.ROOT)).append('\n'));
            for (Vip v : vips) {
                if (v.service().equals(f.service())) {
                    b.append("  ").append(vipId(v)).append(" --> ").append(farmId).append('\n');
                    edge++;
                }
            }
            Set<String> down = downServers.getOrDefault(f.service(), Set.of());
            for (int i = 0; i < f.servers().size(); i++) {
                String server = f.servers().get(i);
                boolean standby = f.mode() == ServiceMode.FAILOVER && i > 0;
                String ports = f.ports().stream().map(p -> Integer.toString(p.serverPort()))
                        .reduce((x, y) -> x + "," + y).orElse("");
                String label = (f.mode() == ServiceMode.FAILOVER ? (standby ? "standby " : "active ") : "") + ":" + ports
                        + (down.contains(server) ? " DOWN" : "");
                b.append("  ").append(farmId).append(standby || down.contains(server) ? " -. " : " -- ")
                        .append('"').append(text(label)).append('"').append(standby || down.contains(server) ? " .-> " : " --> ")
                        .append(id("srv", server)).append('\n');
                if (down.contains(server)) {
                    styles.append("  linkStyle ").append(edge).append(" stroke:#d33,stroke-width:2px\n");
                }
                edge++;
            }
        }
        b.append(styles);
        b.append("  classDef healthy fill:#e6f4ea,stroke:#1e8e3e\n");
        b.append("  classDef degraded fill:#fef7e0,stroke:#f9ab00\n");
        b.append("  classDef unhealthy fill:#fce8e6,stroke:#d93025\n");
        return b.toString();
    }

    private static String vipId(Vip v) {
        return id("vip", v.service() + "_" + v.port());
    }

    private static String id(String prefix, String name) {
        StringBuilder b = new StringBuilder(prefix).append('_');
        for (char c : name.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) ? c : '_');
        }
        return b.toString();
    }

    /** Mermaid labels in double quotes: quotes and angle brackets become entities. */
    private static String text(String s) {
        return s.replace("&", "#amp;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
