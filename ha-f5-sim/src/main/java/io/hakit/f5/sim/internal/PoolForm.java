package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;

/**
 * The stored form of an LTM pool: its settings checked, and each member named
 * {@code address:port} in a partition, checked against the nodes, and given the node's address;
 * a member naming an IP address with no node creates that node, as mcpd does.
 */
final class PoolForm {
    private static final Set<String> LB_MODES = Set.of("dynamic-ratio-member", "dynamic-ratio-node",
            "fastest-app-response", "fastest-node", "least-connections-member", "least-connections-node",
            "least-sessions", "observed-member", "observed-node", "predictive-member", "predictive-node",
            "ratio-least-connections-member", "ratio-least-connections-node", "ratio-member", "ratio-node",
            "ratio-session", "round-robin", "weighted-least-connections-member", "weighted-least-connections-node");

    private PoolForm() {
    }

    /**
     * @param table the objects (a member may add a node to it)
     * @param t the pool type
     * @param fp the pool's full path
     * @param o the pool, changed in place
     * @param partition the pool's partition
     * @throws SimulatedF5Error when a rule fails
     */
    static void normalize(ObjectTable table, TypeSpec t, String fp, ObjectNode o, String partition) {
        StoredForm.monitorField(o, partition, null);
        FieldRules.integer(o, "minActiveMembers", 0, 65535);
        FieldRules.integer(o, "minUpMembers", 0, 65535);
        FieldRules.integer(o, "slowRampTime", 0, 4294967295L);
        FieldRules.integer(o, "reselectTries", 0, 65535);
        FieldRules.integer(o, "queueDepthLimit", 0, 4294967295L);
        FieldRules.integer(o, "queueTimeLimit", 0, 4294967295L);
        FieldRules.oneOf(o, "loadBalancingMode", LB_MODES);
        FieldRules.oneOf(o, "serviceDownAction", Set.of("none", "reset", "drop", "reselect"));
        FieldRules.oneOf(o, "minUpMembersAction", Set.of("failover", "reboot", "restart-all"));
        ArrayNode members = FieldRules.arrayOf(o, "members");
        if (members == null) {
            o.remove("members");
            return;
        }
        TypeSpec.SubSpec sub = t.subs().get("members");
        ArrayNode out = F5SimJson.array();
        Set<String> seen = new HashSet<>();
        for (JsonNode raw : members) {
            ObjectNode in = raw.isTextual() ? FieldRules.nameOnly(raw.asText()) : FieldRules.input(sub.attributes(), raw, t.path() + "/members");
            String name = F5SimJson.text(in.remove("name"));
            if (name == null) {
                throw SimulatedF5Error.tmos(400, "one or more configuration identifiers must be provided", 26214401);
            }
            String mp = F5SimJson.text(in.remove("partition"));
            if (name.startsWith("/")) {
                mp = Names.partitionOf(name);
                name = Names.nameOf(name);
            }
            if (mp == null) {
                mp = partition;
            }
            String[] ap = Names.splitAddressPort(name);
            if (ap == null) {
                throw SimulatedF5Error.tmos(400, "Invalid pool member name \"" + name + "\" in pool " + fp
                        + ": expected <node>:<port>, or <IPv6 address>.<port>.", 26214401);
            }
            if (!seen.add(mp + " " + name)) {
                throw SimulatedF5Error.tmos(409, "01020066:3: The requested Pool Member (" + fp + " /" + mp + "/" + ap[0] + " " + ap[1]
                        + ") already exists in partition " + mp + ".", 3);
            }
            String nodeFp = "/" + mp + "/" + ap[0];
            ObjectNode node = table.get("ltm/node", nodeFp);
            if (node == null && Names.isAddress(ap[0])) {
                node = Types.get("ltm/node").defaults().deepCopy();
                node.put("name", ap[0]);
                node.put("partition", mp);
                node.put("address", ap[0]);
                StoredForm.normalizeNode(node, mp);
                table.put("ltm/node", nodeFp, FieldRules.reorder(node));
            }
            if (node == null) {
                throw ObjectTable.notFound("Node", nodeFp, 400);
            }
            ObjectNode m = sub.defaults().deepCopy();
            m.put("name", name);
            m.put("partition", mp);
            m.put("address", node.get("address").asText());
            m.setAll(in);
            m.put("address", node.get("address").asText());
            if (node.path("fqdn").has("tmName")) {
                m.set("fqdn", node.get("fqdn").deepCopy());
            }
            FieldRules.integer(m, "priorityGroup", 0, 65535);
            FieldRules.integer(m, "ratio", 1, 65535);
            FieldRules.integer(m, "connectionLimit", 0, 4294967295L);
            FieldRules.oneOf(m, "session", Set.of("user-enabled", "user-disabled", "monitor-enabled"));
            FieldRules.oneOf(m, "state", Set.of("user-up", "user-down", "up", "down", "checking", "unchecked", "fqdn-up",
                    "fqdn-down", "fqdn-checking", "fqdn-up-no-addr"));
            StoredForm.monitorField(m, mp, "default");
            out.add(FieldRules.reorder(m));
        }
        o.set("members", out);
    }
}
