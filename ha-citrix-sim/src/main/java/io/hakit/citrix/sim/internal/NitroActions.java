package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;
import static io.hakit.citrix.sim.internal.NitroValues.accept;
import static io.hakit.citrix.sim.internal.NitroValues.fillDefaults;
import static io.hakit.citrix.sim.internal.NitroValues.required;
import static io.hakit.citrix.sim.internal.NitroValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code ?action=} verbs NITRO runs on an object: enable and disable (of an object, a member or a
 * monitor binding), rename (everything that names the object follows), unset (back to the device's
 * default), and a certkey's update, link and unlink. Not thread-safe.
 */
final class NitroActions {
    private final ResourceTable table;
    private final NitroChecks checks;

    NitroActions(ResourceTable table, NitroChecks checks) {
        this.table = table;
        this.checks = checks;
    }

    /**
     * Runs {@code POST /config/<resource>?action=<action>}.
     *
     * @param resource the resource type
     * @param action the verb: enable, disable, unset, update (sslcertkey), link, unlink
     * @param item the body's object
     */
    void action(String resource, String action, ObjectNode item) {
        ResourceDef d = NitroStore.def(resource);
        Set<String> allowed = d.actions.get(action.toLowerCase(Locale.ROOT));
        if (allowed == null) {
            throw error(NitroErrorCodes.INVALID_VALUE, "action", action);
        }
        String verb = action.toLowerCase(Locale.ROOT);
        if (verb.equals("unset")) {
            unset(d, item, allowed);
            return;
        }
        ObjectNode o = accept(d, item, allowed);
        String key = required(o, d.key);
        ObjectNode existing = table.existing(d, key);
        ObjectNode merged = existing.deepCopy();
        switch (verb) {
            case "enable":
            case "disable": {
                String state = verb.equals("enable") ? "ENABLED" : "DISABLED";
                if (d.name.equals("servicegroup") && (o.has("servername") || o.has("port"))) {
                    String id = NitroBindings.memberId(key, required(o, "servername"), required(o, "port"));
                    ObjectNode m = table.find("servicegroup_servicegroupmember_binding", id);
                    if (m == null) {
                        throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "serverName", text(o, "servername"));
                    }
                    memberState(m, verb, o);
                    return;
                }
                if (d.name.equals("lbmonitor") && o.has("servicename")) {
                    throw error(NitroErrorCodes.NO_SERVICE);
                }
                if (d.name.equals("lbmonitor") && o.has("servicegroupname")) {
                    ObjectNode b = table.find("servicegroup_lbmonitor_binding", text(o, "servicegroupname") + "\u0000" + key);
                    if (b == null) {
                        throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "monitorName", key);
                    }
                    b.put("monstate", state);
                    return;
                }
                merged.put("state", state);
                break;
            }
            case "update": { // sslcertkey "change": new cert/key files in place
                ObjectNode probe = merged.deepCopy();
                for (String a : List.of("cert", "key", "inform")) {
                    if (o.has(a)) {
                        probe.set(a, o.get(a));
                    }
                }
                if (o.has("cert") && !o.has("key") && existing.has("key")) {
                    probe.remove("key");
                }
                checks.certkey(probe);
                merged = probe;
                break;
            }
            case "rename": {
                String newName = required(o, "newname");
                if (table.find(d.name, newName) != null) {
                    throw error(NitroErrorCodes.EXISTS);
                }
                rename(d.name, key, newName);
                return;
            }
            case "link": {
                String other = required(o, "linkcertkeyname");
                if (table.find("sslcertkey", other) == null) {
                    throw error(NitroErrorCodes.NO_CERTIFICATE, other);
                }
                merged.put("linkcertkeyname", other);
                break;
            }
            case "unlink":
                merged.remove("linkcertkeyname");
                break;
            default:
                throw error(NitroErrorCodes.INVALID_VALUE, "action", action);
        }
        table.rows(d.name).put(key, merged);
    }

    /**
     * A member's admin state: a graceful disable is remembered on the binding ({@code graceful YES}, its
     * {@code delay}), as NITRO reports them; enable clears both.
     */
    private static void memberState(ObjectNode member, String verb, ObjectNode body) {
        member.put("state", verb.equals("enable") ? "ENABLED" : "DISABLED");
        member.remove("graceful");
        member.remove("delay");
        if (verb.equals("disable") && "YES".equalsIgnoreCase(body.path("graceful").asText())) {
            member.put("graceful", "YES");
            if (body.has("delay")) {
                member.set("delay", body.get("delay"));
            }
        }
    }

    /** what refers to an object of each renamable type: (holder type, attribute) */
    private static final Map<String, List<String[]>> REFERENCES = Map.of(
            "server", List.<String[]>of(new String[] {"servicegroup_servicegroupmember_binding", "servername"}),
            "servicegroup", List.of(new String[] {"servicegroup_servicegroupmember_binding", "servicegroupname"},
                    new String[] {"servicegroup_lbmonitor_binding", "servicegroupname"},
                    new String[] {"sslservicegroup", "servicegroupname"},
                    new String[] {"sslservicegroup_sslcertkey_binding", "servicegroupname"},
                    new String[] {"lbvserver_servicegroup_binding", "servicegroupname"}),
            "lbvserver", List.of(new String[] {"lbvserver_servicegroup_binding", "name"},
                    new String[] {"sslvserver", "vservername"},
                    new String[] {"sslvserver_sslcertkey_binding", "vservername"},
                    new String[] {"lbvserver", "backupvserver"}));

    /** {@code ?action=rename}: the object and everything that names it take the new name */
    private void rename(String type, String oldName, String newName) {
        ResourceDef d = Schema.get(type);
        ObjectNode o = table.rows(type).remove(oldName);
        o.put(d.key, newName);
        table.rows(type).put(newName, o);
        for (String[] ref : REFERENCES.get(type)) {
            ResourceDef holder = Schema.get(ref[0]);
            List<ObjectNode> all = table.all(ref[0]);
            table.rows(ref[0]).clear();
            for (ObjectNode h : all) {
                if (oldName.equals(text(h, ref[1]))) {
                    h.put(ref[1], newName);
                }
                table.rows(ref[0]).put(holder.isBinding() ? NitroBindings.bindingId(holder, h) : text(h, holder.key), h);
            }
        }
    }

    private void unset(ResourceDef d, ObjectNode item, Set<String> allowed) {
        String key = null;
        List<String> reset = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = item.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(d.key)) {
                key = e.getValue().asText();
                continue;
            }
            if (!allowed.contains(e.getKey())) {
                throw error(NitroErrorCodes.INVALID_ARGUMENT, e.getKey());
            }
            reset.add(e.getKey());
        }
        if (key == null || key.isEmpty()) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, d.key);
        }
        ObjectNode merged = table.existing(d, key).deepCopy();
        for (String a : reset) {
            merged.remove(a);
        }
        if (d.name.equals("lbvserver") && reset.contains("clttimeout")) {
            merged.put("clttimeout", Schema.tcpLike(text(merged, "servicetype")) ? 9000L : 180L);
        }
        if (d.name.equals("servicegroup")) {
            boolean tcp = Schema.tcpLike(text(merged, "servicetype"));
            merged.putIfAbsent("clttimeout", LongNode.valueOf(tcp ? 9000 : 180));
            merged.putIfAbsent("svrtimeout", LongNode.valueOf(tcp ? 9000 : 360));
        }
        fillDefaults(d, merged);
        table.rows(d.name).put(key, merged);
    }
}
