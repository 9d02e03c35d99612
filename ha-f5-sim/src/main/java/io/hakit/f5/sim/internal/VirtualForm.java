package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The stored form of an LTM virtual server: destination as {@code /Partition/address:port},
 * protocol by name, pool and persistence qualified, enabled or disabled, profiles with their
 * context; and the rule that two virtuals may not share a destination.
 */
final class VirtualForm {
    /** IANA protocol numbers of the protocols a virtual may name. */
    private static final Map<Integer, String> IP_PROTOCOLS = Map.of(1, "icmp", 6, "tcp", 17, "udp", 58, "ipv6-icmp",
            132, "sctp");

    private VirtualForm() {
    }

    /**
     * @param table the objects (the profiles a virtual names decide their context)
     * @param fp the virtual's full path
     * @param o the virtual, changed in place
     * @param partition the virtual's partition
     * @throws SimulatedF5Error when a rule fails
     */
    static void normalize(ObjectTable table, String fp, ObjectNode o, String partition) {
        String dest = F5SimJson.text(o.get("destination"));
        if (dest == null || dest.isBlank()) {
            throw SimulatedF5Error.tmos(400, "A virtual server must have a destination (" + fp + ").", 26214401);
        }
        String dp = dest.startsWith("/") ? Names.partitionOf(dest) : partition;
        String[] ap = Names.splitAddressPort(dest.startsWith("/") ? Names.nameOf(dest) : dest);
        if (ap == null || !Names.isAddress(ap[0])) {
            throw SimulatedF5Error.tmos(400, "Invalid destination \"" + dest + "\" for virtual server " + fp
                    + ": expected /Partition/address:port, with %N for a route domain and address.port for IPv6.", 26214401);
        }
        boolean v6 = ap[0].contains(":");
        o.put("destination", "/" + dp + "/" + ap[0] + (v6 ? "." : ":") + ap[1]);
        if (v6 && "255.255.255.255".equals(F5SimJson.text(o.get("mask")))) {
            o.put("mask", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
        }
        JsonNode proto = o.get("ipProtocol");
        if (proto != null && (proto.isIntegralNumber() || proto.asText().matches("\\d+"))) {
            // clients (Ansible's bigip_virtual_server) send the IANA number; BIG-IP stores and shows the name
            String named = IP_PROTOCOLS.get(proto.asInt());
            if (named != null) {
                o.put("ipProtocol", named);
            }
        }
        FieldRules.oneOf(o, "ipProtocol", Set.of("tcp", "udp", "sctp", "any", "icmp", "ipv6-icmp"));
        JsonNode pool = o.get("pool");
        if (pool != null && (pool.isNull() || pool.asText().isEmpty() || pool.asText().equals("none"))) {
            o.remove("pool");
        } else if (pool != null) {
            o.put("pool", Names.qualify(pool.asText(), partition));
        }
        JsonNode fb = o.get("fallbackPersistence");
        if (fb != null && (fb.asText().isEmpty() || fb.asText().equals("none"))) {
            o.remove("fallbackPersistence");
        } else if (fb != null) {
            o.put("fallbackPersistence", Names.qualify(fb.asText(), partition));
        }
        JsonNode sat = o.get("sourceAddressTranslation");
        if (sat != null) {
            if (!sat.isObject()) {
                throw SimulatedF5Error.tmos(400, "Invalid value for sourceAddressTranslation: " + F5SimJson.write(sat)
                        + " (expected {\"type\":\"automap|none|snat|lsn\"}).", 26214401);
            }
            FieldRules.oneOf((ObjectNode) sat, "type", Set.of("automap", "none", "snat", "lsn"));
            if (!sat.has("type")) {
                ((ObjectNode) sat).put("type", "none");
            }
        }
        if (o.path("disabled").asBoolean(false)) {
            o.remove("enabled");
            o.put("disabled", true);
        } else {
            o.remove("disabled");
            o.put("enabled", true);
        }
        ArrayNode profiles = FieldRules.arrayOf(o, "profiles");
        if (profiles != null) {
            ArrayNode out = F5SimJson.array();
            Set<String> seen = new HashSet<>();
            for (JsonNode p : profiles) {
                String name = p.isTextual() ? p.asText() : F5SimJson.text(p.get("name"));
                if (name == null) {
                    throw SimulatedF5Error.tmos(400, "one or more configuration identifiers must be provided", 26214401);
                }
                if (p.isObject()) {
                    FieldRules.input(Set.of("context"), p, "ltm/virtual/profiles");
                }
                String pp = p.isObject() && p.has("partition") ? p.get("partition").asText() : partition;
                String pfp = Names.qualify(name, pp);
                if (!seen.add(pfp)) {
                    continue;
                }
                String context = p.isObject() && p.has("context") ? p.get("context").asText() : "all";
                if (table.exists("ltm/profile/client-ssl", pfp)) {
                    context = "clientside";
                } else if (table.exists("ltm/profile/server-ssl", pfp)) {
                    context = "serverside";
                }
                if (!Set.of("all", "clientside", "serverside").contains(context)) {
                    throw SimulatedF5Error.tmos(400, "Invalid profile context \"" + context + "\" for " + pfp + ".", 26214401);
                }
                ObjectNode e = F5SimJson.object();
                e.put("name", Names.nameOf(pfp));
                e.put("partition", Names.partitionOf(pfp));
                e.put("context", context);
                out.add(e);
            }
            o.set("profiles", out);
        }
        ArrayNode persist = FieldRules.arrayOf(o, "persist");
        if (persist != null) {
            ArrayNode out = F5SimJson.array();
            for (JsonNode p : persist) {
                String name = p.isTextual() ? p.asText() : F5SimJson.text(p.get("name"));
                if (name == null) {
                    continue;
                }
                String pp = p.isObject() && p.has("partition") ? p.get("partition").asText() : partition;
                String pfp = Names.qualify(name, pp);
                ObjectNode e = F5SimJson.object();
                e.put("name", Names.nameOf(pfp));
                e.put("partition", Names.partitionOf(pfp));
                e.put("tmDefault", "yes");
                out.add(e);
            }
            if (out.size() > 1) {
                throw SimulatedF5Error.tmos(400, "Only one default persistence profile is allowed on virtual server " + fp + ".", 3);
            }
            if (out.isEmpty()) {
                o.remove("persist");
            } else {
                o.set("persist", out);
            }
        }
    }

    /**
     * Refuses a virtual that shares its destination and protocol with another (409 {@code 01070333:3}).
     *
     * @param table the objects
     * @param t the type being stored
     * @param fp its full path
     * @param o the object about to be stored
     */
    static void checkDestinationUnique(ObjectTable table, TypeSpec t, String fp, ObjectNode o) {
        if (t.path().equals("ltm/virtual")) {
            String dest = o.get("destination").asText();
            String proto = o.path("ipProtocol").asText("any");
            for (Map.Entry<String, ObjectNode> e : table.items("ltm/virtual").entrySet()) {
                if (!e.getKey().equals(fp) && e.getValue().get("destination").asText().equals(dest)
                        && (e.getValue().path("ipProtocol").asText("any").equals(proto) || proto.equals("any")
                                || e.getValue().path("ipProtocol").asText("any").equals("any"))) {
                    throw SimulatedF5Error.tmos(409, "01070333:3: Virtual Server " + fp + " illegally shares destination address, "
                            + "source address, service port, ip-protocol, and route domain with Virtual Server "
                            + e.getKey() + ".", 3);
                }
            }
        }
    }
}
