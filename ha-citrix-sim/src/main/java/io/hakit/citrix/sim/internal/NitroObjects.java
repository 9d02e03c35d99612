package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;
import static io.hakit.citrix.sim.internal.NitroValues.F;
import static io.hakit.citrix.sim.internal.NitroValues.accept;
import static io.hakit.citrix.sim.internal.NitroValues.canonical;
import static io.hakit.citrix.sim.internal.NitroValues.fillDefaults;
import static io.hakit.citrix.sim.internal.NitroValues.normaliseInterval;
import static io.hakit.citrix.sim.internal.NitroValues.required;
import static io.hakit.citrix.sim.internal.NitroValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Adds, updates and deletes objects as NITRO does: an add of an existing object is 273 (or an update
 * with {@code ?idempotent=yes}), the ADC's own defaults and SSL twins appear on add, a delete takes the
 * object's own bindings along and is refused (1070, 1541 for a certkey) while something else refers to it. A binding
 * resource binds and unbinds. Not thread-safe.
 */
final class NitroObjects {
    private final ResourceTable table;
    private final NitroChecks checks;
    private final NitroBindings bindings;

    NitroObjects(ResourceTable table, NitroChecks checks, NitroBindings bindings) {
        this.table = table;
        this.checks = checks;
        this.bindings = bindings;
    }

    /**
     * Adds an object, or binds when the resource is a binding.
     *
     * @param resource the resource type
     * @param item the attributes, as sent
     * @param idempotent {@code ?idempotent=yes}: an existing object is updated instead
     */
    void add(String resource, ObjectNode item, boolean idempotent) {
        ResourceDef d = NitroStore.def(resource);
        if (d.kind == ResourceDef.Kind.BINDING) {
            bindings.bind(d, item);
            return;
        }
        if (d.kind == ResourceDef.Kind.AUTO) {
            throw error(NitroErrorCodes.NOT_PERMITTED, "add", d.name);
        }
        ObjectNode o = accept(d, item, d.add);
        String key = required(o, d.key);
        ObjectNode existing = table.find(d.name, key);
        if (existing != null) {
            if (idempotent) {
                ObjectNode upd = item.deepCopy();
                for (String immutable : d.add) {
                    if (!d.update.contains(immutable) && !immutable.equals(d.key) && upd.has(immutable)) {
                        JsonNode now = existing.get(immutable);
                        if (now == null || !now.equals(o.get(immutable))) {
                            throw error(NitroErrorCodes.INVALID_ARGUMENT, immutable);
                        }
                        upd.remove(immutable);
                    }
                }
                checks.serverIpUnique(d, o, key);
                update(resource, upd, null);
                return;
            }
            throw error(NitroErrorCodes.EXISTS);
        }
        switch (d.name) {
            case "server":
                checks.server(o, key);
                break;
            case "servicegroup":
                required(o, "servicetype");
                boolean tcp = Schema.tcpLike(text(o, "servicetype"));
                o.putIfAbsent("clttimeout", LongNode.valueOf(tcp ? 9000 : 180));
                o.putIfAbsent("svrtimeout", LongNode.valueOf(tcp ? 9000 : 360));
                checks.profile(o);
                break;
            case "lbmonitor":
                required(o, "type");
                if ("HTTP".equals(text(o, "type")) && !o.has("respcode")) {
                    o.set("respcode", F.arrayNode().add("200"));
                }
                normaliseInterval(o);
                break;
            case "lbvserver":
                required(o, "servicetype");
                o.putIfAbsent("clttimeout", LongNode.valueOf(Schema.tcpLike(text(o, "servicetype")) ? 9000 : 180));
                checks.vserver(o, key);
                break;
            case "sslcertkey":
                checks.certkey(o);
                break;
            default:
                break;
        }
        fillDefaults(d, o);
        table.rows(d.name).put(key, o);
        // the ADC creates the SSL twin of a TLS vserver or group
        if (d.name.equals("lbvserver") && Schema.terminatesTls(text(o, "servicetype"))) {
            createTwin("sslvserver", key);
        } else if (d.name.equals("servicegroup") && Schema.terminatesTls(text(o, "servicetype"))) {
            createTwin("sslservicegroup", key);
        }
    }

    private void createTwin(String type, String key) {
        ResourceDef t = Schema.get(type);
        ObjectNode twin = F.objectNode().put(t.key, key);
        fillDefaults(t, twin);
        table.rows(type).put(key, twin);
    }

    /**
     * Updates an object ({@code PUT}); a binding has no update, so a PUT to a binding binds.
     *
     * @param resource the resource type
     * @param item the attributes, including the key
     * @param pathName the name in the URL, or {@code null}
     */
    void update(String resource, ObjectNode item, String pathName) {
        ResourceDef d = NitroStore.def(resource);
        if (d.kind == ResourceDef.Kind.BINDING) {
            bindings.bind(d, item);
            return;
        }
        ObjectNode o = accept(d, item, d.update.contains(d.key) ? d.update : ResourceDef.plus(d.update, d.key));
        String key = required(o, d.key);
        if (pathName != null && !pathName.equals(key)) {
            throw error(NitroErrorCodes.INVALID_VALUE, d.key, key);
        }
        ObjectNode existing = table.existing(d, key);
        ObjectNode merged = existing.deepCopy();
        switch (d.name) {
            case "lbmonitor": {
                String type = required(o, "type");
                if (!type.equals(text(existing, "type"))) {
                    throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "monitorName", key);
                }
                break;
            }
            case "servicegroup":
                if (memberUpdate(key, o)) {
                    return;
                }
                break;
            case "lbvserver":
                if (o.has("servicename")) {
                    throw error(NitroErrorCodes.NO_SERVICE);
                }
                if (o.has("weight") || o.has("order")) {
                    throw error(NitroErrorCodes.ARGUMENT_MISSING, "serviceName");
                }
                break;
            default:
                break;
        }
        o.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        if (d.name.equals("lbmonitor")) {
            if (o.has("interval") && !o.has("units3")) {
                // an interval sent without its unit is in the default unit, seconds (Ansible issue 324)
                merged.put("units3", "SEC");
            }
            normaliseInterval(merged);
        } else if (d.name.equals("lbvserver")) {
            checks.vserver(merged, key);
        } else if (d.name.equals("servicegroup")) {
            checks.profile(merged);
        } else if (d.name.equals("server")) {
            checks.serverIpUnique(d, merged, key);
        }
        table.rows(d.name).put(key, merged);
    }

    /** {@code set servicegroup <sg> <server> <port> -weight N}: returns true when the body addressed a member */
    private boolean memberUpdate(String group, ObjectNode o) {
        boolean member = o.has("servername") || o.has("port");
        if (!member) {
            for (String a : List.of("weight", "customserverid", "dbsttl", "hashid", "nameserver", "order",
                    "monitor_name_svc", "dup_weight")) {
                if (o.has(a)) {
                    throw error(NitroErrorCodes.ARGUMENT_MISSING, "serverName");
                }
            }
            return false;
        }
        String server = required(o, "servername");
        String port = required(o, "port");
        ObjectNode m = table.find("servicegroup_servicegroupmember_binding", NitroBindings.memberId(group, server, port));
        if (m == null) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "serverName", server);
        }
        ObjectNode mm = m.deepCopy();
        ObjectNode monitorBinding = null;
        if (o.has("monitor_name_svc")) {
            monitorBinding = table.find("servicegroup_lbmonitor_binding", group + "\u0000" + text(o, "monitor_name_svc"));
            if (monitorBinding == null) {
                throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "monitorName", text(o, "monitor_name_svc"));
            }
            monitorBinding = monitorBinding.deepCopy();
            if (o.has("dup_weight")) {
                monitorBinding.set("weight", o.get("dup_weight"));
            }
        }
        for (String a : List.of("weight", "customserverid", "dbsttl", "hashid", "nameserver", "order")) {
            if (o.has(a)) {
                ResourceDef md = Schema.get("servicegroup_servicegroupmember_binding");
                mm.set(a, canonical(md, a, o.get(a)));
            }
        }
        table.rows("servicegroup_servicegroupmember_binding").put(NitroBindings.memberId(group, server, port), mm);
        if (monitorBinding != null) {
            table.rows("servicegroup_lbmonitor_binding").put(group + "\u0000" + text(o, "monitor_name_svc"), monitorBinding);
        }
        return true;
    }

    /**
     * Deletes an object; the ADC also removes its own bindings, but refuses while another object
     * still refers to it.
     *
     * @param resource the resource type
     * @param name the key
     * @param args the {@code ?args=} of the request
     */
    void delete(String resource, String name, Map<String, String> args) {
        ResourceDef d = NitroStore.def(resource);
        if (d.kind == ResourceDef.Kind.BINDING) {
            bindings.unbind(resource, name, args);
            return;
        }
        if (d.kind == ResourceDef.Kind.AUTO) {
            throw error(NitroErrorCodes.NOT_PERMITTED, "delete", d.name);
        }
        for (String a : args.keySet()) {
            if (!d.deleteArgs.contains(a)) {
                throw error(NitroErrorCodes.INVALID_ARGUMENT, a);
            }
        }
        ObjectNode o = table.existing(d, name);
        switch (d.name) {
            case "lbmonitor": {
                String type = args.get("type");
                if (type == null) {
                    throw error(NitroErrorCodes.ARGUMENT_MISSING, "type");
                }
                if (!type.equalsIgnoreCase(text(o, "type"))) {
                    throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "monitorName", name);
                }
                inUse(table.refs("servicegroup_lbmonitor_binding", "monitor_name", name));
                break;
            }
            case "server":
                inUse(table.refs("servicegroup_servicegroupmember_binding", "servername", name));
                break;
            case "servicegroup":
                inUse(table.refs("lbvserver_servicegroup_binding", "servicegroupname", name));
                cascade(name, "servicegroup_servicegroupmember_binding", "servicegroup_lbmonitor_binding",
                        "sslservicegroup_sslcertkey_binding", "sslservicegroup");
                break;
            case "lbvserver":
                inUse(table.refs("lbvserver", "backupvserver", name));
                cascade(name, "lbvserver_servicegroup_binding", "sslvserver_sslcertkey_binding", "sslvserver");
                break;
            case "sslcertkey":
                if (!table.refs("sslvserver_sslcertkey_binding", "certkeyname", name).isEmpty()
                        || !table.refs("sslservicegroup_sslcertkey_binding", "certkeyname", name).isEmpty()
                        || !table.refs("sslcertkey", "linkcertkeyname", name).isEmpty()) {
                    throw error(NitroErrorCodes.CERTIFICATE_REFERENCED);
                }
                break;
            case "nstcpprofile":
                inUse(table.refs("lbvserver", "tcpprofilename", name));
                inUse(table.refs("servicegroup", "tcpprofilename", name));
                break;
            default:
                break;
        }
        table.rows(d.name).remove(name);
    }

    private static void inUse(List<ObjectNode> refs) {
        if (!refs.isEmpty()) {
            throw error(NitroErrorCodes.IN_USE);
        }
    }

    private void cascade(String parentKey, String... types) {
        for (String type : types) {
            ResourceDef d = Schema.get(type);
            table.rows(type).values().removeIf(o -> parentKey.equals(text(o, d.key)));
        }
    }
}
