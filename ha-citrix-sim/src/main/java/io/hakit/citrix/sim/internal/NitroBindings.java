package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;
import static io.hakit.citrix.sim.internal.NitroValues.F;
import static io.hakit.citrix.sim.internal.NitroValues.accept;
import static io.hakit.citrix.sim.internal.NitroValues.canonical;
import static io.hakit.citrix.sim.internal.NitroValues.fillDefaults;
import static io.hakit.citrix.sim.internal.NitroValues.required;
import static io.hakit.citrix.sim.internal.NitroValues.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;

/**
 * Bindings as NITRO makes and removes them: members (by server name or by IP, which creates the
 * server), monitors, a vserver's service groups and certificates. A binding's identity is its
 * parent's key and its child keys; binding twice is 273, unbinding what is not bound 258 (1542 for a
 * certificate). Not thread-safe.
 */
final class NitroBindings {
    private final ResourceTable table;
    private final NitroChecks checks;

    NitroBindings(ResourceTable table, NitroChecks checks) {
        this.table = table;
        this.checks = checks;
    }

    /** @return a member binding's identity */
    static String memberId(String group, String server, String port) {
        return group + "\u0000" + server + "\u0000" + port;
    }

    /** @return a binding's identity: the parent's key, then each child key */
    static String bindingId(ResourceDef d, ObjectNode o) {
        StringBuilder b = new StringBuilder(text(o, d.key));
        for (String k : d.childKeys) {
            b.append('\u0000').append(text(o, k));
        }
        return b.toString();
    }

    /** Binds, as {@code POST /config/<binding>} does. */
    void bind(ResourceDef d, ObjectNode item) {
        ObjectNode o = accept(d, item, d.add);
        String parentKey = required(o, d.key);
        checks.requireParent(d, parentKey);
        switch (d.name) {
            case "servicegroup_servicegroupmember_binding": {
                String ip = text(o, "ip");
                String server = text(o, "servername");
                if (ip != null && server != null) {
                    throw error(NitroErrorCodes.BOTH_SPECIFIED, "serverName", "IP");
                }
                if (ip == null && server == null) {
                    throw error(NitroErrorCodes.ARGUMENT_MISSING, "serverName");
                }
                required(o, "port");
                if (server == null) {
                    server = serverForIp(ip, true);
                    o.remove("ip");
                    o.put("servername", server);
                } else if (table.find("server", server) == null) {
                    throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "serverName", server);
                }
                break;
            }
            case "servicegroup_lbmonitor_binding": {
                String monitor = required(o, "monitor_name");
                if (table.find("lbmonitor", monitor) == null) {
                    throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "monitorName", monitor);
                }
                break;
            }
            case "lbvserver_servicegroup_binding": {
                String group = text(o, "servicegroupname");
                if (group != null && o.has("servicename")) {
                    throw error(NitroErrorCodes.BOTH_SPECIFIED, "serviceName", "serviceGroupName");
                }
                if (o.has("servicename")) {
                    throw error(NitroErrorCodes.NO_SERVICE);
                }
                required(o, "servicegroupname");
                if (table.find("servicegroup", group) == null) {
                    throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "serviceGroupName", group);
                }
                break;
            }
            default: { // certificate bindings
                String cert = required(o, "certkeyname");
                if (table.find("sslcertkey", cert) == null) {
                    throw error(NitroErrorCodes.NO_CERTIFICATE, cert);
                }
                break;
            }
        }
        String id = bindingId(d, o);
        if (table.find(d.name, id) != null) {
            throw error(NitroErrorCodes.EXISTS);
        }
        fillDefaults(d, o);
        table.rows(d.name).put(id, o);
    }

    private String serverForIp(String ip, boolean create) {
        for (ObjectNode s : table.all("server")) {
            if (ip.equals(text(s, "ipaddress"))) {
                return text(s, "name");
            }
        }
        if (!create) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "IP", ip);
        }
        // the ADC creates a server named after the address (bind servicegroup sg 10.0.0.1 80)
        ObjectNode s = F.objectNode().put("name", ip).put("ipaddress", ip);
        checks.server(s, ip);
        fillDefaults(Schema.get("server"), s);
        table.rows("server").put(ip, s);
        return ip;
    }

    /**
     * Removes one binding.
     *
     * @param resource the binding type
     * @param parentKey the parent's name (from the URL)
     * @param args the child's identity ({@code ?args=})
     */
    void unbind(String resource, String parentKey, Map<String, String> args) {
        ResourceDef d = NitroStore.def(resource);
        if (!d.isBinding()) {
            throw error(NitroErrorCodes.INVALID_ARGUMENT, resource);
        }
        for (String a : args.keySet()) {
            if (!d.deleteArgs.contains(a)) {
                throw error(NitroErrorCodes.INVALID_ARGUMENT, a);
            }
        }
        checks.requireParent(d, parentKey);
        String id;
        switch (d.name) {
            case "servicegroup_servicegroupmember_binding": {
                String server = args.get("servername");
                String ip = args.get("ip");
                if (server != null && ip != null) {
                    throw error(NitroErrorCodes.BOTH_SPECIFIED, "serverName", "IP");
                }
                if (server == null && ip == null) {
                    throw error(NitroErrorCodes.ARGUMENT_MISSING, "serverName");
                }
                if (server == null) {
                    server = serverForIp(ip, false);
                }
                String port = args.get("port");
                if (port == null) {
                    throw error(NitroErrorCodes.ARGUMENT_MISSING, "port");
                }
                id = memberId(parentKey, server, String.valueOf(canonical(d, "port", TextNode.valueOf(port)).asLong()));
                break;
            }
            case "lbvserver_servicegroup_binding":
                if (args.containsKey("servicename")) {
                    throw error(NitroErrorCodes.NO_SERVICE);
                }
                id = parentKey + "\u0000" + required(args, "servicegroupname");
                break;
            case "servicegroup_lbmonitor_binding":
                id = parentKey + "\u0000" + required(args, "monitor_name");
                break;
            default: {
                String cert = required(args, "certkeyname");
                id = parentKey + "\u0000" + cert;
                ObjectNode b = table.find(d.name, id);
                if (b == null) {
                    throw error(NitroErrorCodes.NO_CERTIFICATE_BINDING);
                }
                for (String flag : List.of("ca", "snicert")) {
                    boolean bound = b.path(flag).asBoolean(false);
                    boolean said = args.containsKey(flag)
                            && canonical(d, flag, TextNode.valueOf(args.get(flag))).asBoolean();
                    if (bound != said) {
                        throw error(NitroErrorCodes.NO_CERTIFICATE_BINDING);
                    }
                }
                break;
            }
        }
        if (table.rows(d.name).remove(id) == null) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, d.childKeys.get(0), id.substring(id.indexOf('\u0000') + 1)
                    .replace('\u0000', ':'));
        }
    }
}
