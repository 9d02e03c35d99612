package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;

/** The stored forms of the GTM (DNS) objects: servers with their virtual servers, pools of type A, wide IPs. */
final class GtmForm {
    private GtmForm() {
    }

    /**
     * A GTM server: datacenter qualified, virtual servers unique by name with an address:port destination.
     *
     * @param o the server, changed in place
     * @param partition its partition
     * @throws SimulatedF5Error when a rule fails
     */
    static void server(ObjectNode o, String partition) {
        String dc = F5SimJson.text(o.get("datacenter"));
        if (dc == null || dc.isBlank()) {
            throw SimulatedF5Error.tmos(400, "A GTM server must have a datacenter (" + o.get("name").asText() + ").", 26214401);
        }
        o.put("datacenter", Names.qualify(dc, partition));
        ArrayNode vss = FieldRules.arrayOf(o, "virtualServers");
        if (vss != null) {
            TypeSpec.SubSpec sub = Types.get("gtm/server").subs().get("virtual-servers");
            ArrayNode out = F5SimJson.array();
            Set<String> seen = new HashSet<>();
            for (JsonNode raw : vss) {
                ObjectNode in = FieldRules.input(sub.attributes(), raw, "gtm/server/virtual-servers");
                String name = F5SimJson.text(in.remove("name"));
                in.remove("partition");
                if (name == null) {
                    throw SimulatedF5Error.tmos(400, "one or more configuration identifiers must be provided", 26214401);
                }
                if (!seen.add(name)) {
                    throw SimulatedF5Error.tmos(409, "01020066:3: The requested Virtual Server (" + name + ") already exists on server /"
                            + partition + "/" + o.get("name").asText() + ".", 3);
                }
                String d = F5SimJson.text(in.get("destination"));
                String[] ap = d == null ? null : Names.splitAddressPort(d);
                if (ap == null || !Names.isAddress(ap[0])) {
                    throw SimulatedF5Error.tmos(400, "Invalid destination \"" + d + "\" for GTM virtual server " + name + ".", 26214401);
                }
                ObjectNode v = sub.defaults().deepCopy();
                v.put("name", name);
                v.setAll(in);
                out.add(v);
            }
            o.set("virtualServers", out);
        }
    }

    /**
     * A GTM pool (type A): members named {@code server:virtual server}, each checked against the servers.
     *
     * @param table the objects
     * @param fp the pool's full path
     * @param o the pool, changed in place
     * @param partition its partition
     * @throws SimulatedF5Error when a rule fails
     */
    static void pool(ObjectTable table, String fp, ObjectNode o, String partition) {
        ArrayNode members = FieldRules.arrayOf(o, "members");
        if (members == null) {
            return;
        }
        TypeSpec.SubSpec sub = Types.get("gtm/pool/a").subs().get("members");
        ArrayNode out = F5SimJson.array();
        Set<String> seen = new HashSet<>();
        int order = 0;
        for (JsonNode raw : members) {
            ObjectNode in = raw.isTextual() ? FieldRules.nameOnly(raw.asText()) : FieldRules.input(sub.attributes(), raw, "gtm/pool/a/members");
            String name = F5SimJson.text(in.remove("name"));
            String mp = F5SimJson.text(in.remove("partition"));
            if (name == null) {
                throw SimulatedF5Error.tmos(400, "one or more configuration identifiers must be provided", 26214401);
            }
            if (name.startsWith("/")) {
                mp = Names.partitionOf(name);
                name = name.substring(mp.length() + 2);
            }
            if (mp == null) {
                mp = partition;
            }
            int colon = name.indexOf(':');
            if (colon <= 0 || colon == name.length() - 1) {
                throw SimulatedF5Error.tmos(400, "Invalid GTM pool member name \"" + name + "\": expected <server>:<virtual server>.", 26214401);
            }
            String serverFp = "/" + mp + "/" + name.substring(0, colon);
            String vs = name.substring(colon + 1);
            if (!seen.add(mp + " " + name)) {
                throw SimulatedF5Error.tmos(409, "01020066:3: The requested Pool Member (" + fp + " /" + mp + "/" + name
                        + ") already exists in partition " + mp + ".", 3);
            }
            ObjectNode server = table.get("gtm/server", serverFp);
            if (server == null) {
                throw ObjectTable.notFound("Server", serverFp, 400);
            }
            boolean found = false;
            for (JsonNode v : server.path("virtualServers")) {
                found |= v.path("name").asText().equals(vs);
            }
            if (!found) {
                throw ObjectTable.notFound("Virtual Server", serverFp + " " + vs, 400);
            }
            ObjectNode m = sub.defaults().deepCopy();
            m.put("name", name);
            m.put("partition", mp);
            m.put("memberOrder", order++);
            m.setAll(in);
            FieldRules.integer(m, "memberOrder", 0, 65535);
            FieldRules.integer(m, "ratio", 0, 4294967295L);
            out.add(FieldRules.reorder(m));
        }
        o.set("members", out);
    }

    /**
     * A wide IP (type A): load-balancing mode checked, pools qualified with order and ratio.
     *
     * @param o the wide IP, changed in place
     * @param partition its partition
     * @throws SimulatedF5Error when a rule fails
     */
    static void wideIp(ObjectNode o, String partition) {
        FieldRules.oneOf(o, "poolLbMode", Set.of("round-robin", "ratio", "topology", "global-availability"));
        ArrayNode pools = FieldRules.arrayOf(o, "pools");
        if (pools == null) {
            return;
        }
        ArrayNode out = F5SimJson.array();
        int order = 0;
        for (JsonNode raw : pools) {
            ObjectNode in = FieldRules.input(Set.of("order", "ratio"), raw, "gtm/wideip/a/pools");
            String name = F5SimJson.text(in.get("name"));
            if (name == null) {
                throw SimulatedF5Error.tmos(400, "one or more configuration identifiers must be provided", 26214401);
            }
            String pp = in.has("partition") ? in.get("partition").asText() : partition;
            String pfp = Names.qualify(name, pp);
            ObjectNode e = F5SimJson.object();
            e.put("name", Names.nameOf(pfp));
            e.put("partition", Names.partitionOf(pfp));
            e.put("order", order++);
            e.put("ratio", 1);
            if (in.has("order")) {
                e.set("order", in.get("order"));
            }
            if (in.has("ratio")) {
                e.set("ratio", in.get("ratio"));
            }
            FieldRules.integer(e, "order", 0, 65535);
            FieldRules.integer(e, "ratio", 0, 4294967295L);
            out.add(e);
        }
        o.set("pools", out);
    }
}
