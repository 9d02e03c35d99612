package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;
import static io.hakit.citrix.sim.internal.NitroValues.F;
import static io.hakit.citrix.sim.internal.NitroValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Objects as a NITRO GET shows them: most numbers as strings, secrets left out, the current state of
 * vservers, groups and members, a certkey's certificate details, and the {@code <parent>_binding}
 * aggregates. Reads change nothing. Not thread-safe.
 */
final class NitroReads {
    private final ResourceTable table;
    private final NitroChecks checks;

    NitroReads(ResourceTable table, NitroChecks checks) {
        this.table = table;
        this.checks = checks;
    }

    /**
     * @param resource the resource type
     * @param name one object's key (for a binding: the parent's), or {@code null} for all
     * @return the objects as the ADC shows them: numbers as strings except where a real ADC shows
     *         JSON numbers, defaults filled in, secrets left out
     */
    ArrayNode read(String resource, String name) {
        ResourceDef d = NitroStore.def(resource);
        List<ObjectNode> rows;
        if (name == null) {
            rows = table.all(d.name);
        } else if (d.isBinding()) {
            checks.requireParent(d, name);
            rows = new ArrayList<>();
            for (ObjectNode o : table.all(d.name)) {
                if (name.equals(text(o, d.key))) {
                    rows.add(o);
                }
            }
        } else {
            rows = List.of(table.existing(d, name));
        }
        ArrayNode out = F.arrayNode();
        for (ObjectNode o : rows) {
            out.add(render(d, o));
        }
        return out;
    }

    /**
     * @param parentType lbvserver, servicegroup, sslvserver or sslservicegroup
     * @param name one parent, or {@code null} for all
     * @return the {@code <parent>_binding} aggregate: one entry per parent holding each binding type's array
     */
    ArrayNode readAggregate(String parentType, String name) {
        ResourceDef pd = NitroStore.def(parentType);
        List<ResourceDef> kinds = new ArrayList<>();
        for (ResourceDef d : Schema.all()) {
            if (d.isBinding() && parentType.equals(d.parent)) {
                kinds.add(d);
            }
        }
        if (kinds.isEmpty() || pd.isBinding()) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "resource", parentType + "_binding");
        }
        List<String> parents = new ArrayList<>();
        if (name != null) {
            table.existing(pd, name);
            parents.add(name);
        } else {
            table.all(pd.name).forEach(o -> parents.add(text(o, pd.key)));
        }
        ArrayNode out = F.arrayNode();
        for (String p : parents) {
            ObjectNode entry = F.objectNode().put(pd.key, p);
            for (ResourceDef d : kinds) {
                ArrayNode a = read(d.name, p);
                if (!a.isEmpty()) {
                    entry.set(d.name, a);
                }
            }
            out.add(entry);
        }
        return out;
    }

    /** an SSL vserver stays DOWN until a server certificate (not a CA one) is bound to it */
    private boolean hasServerCertificate(String vserver) {
        for (ObjectNode b : table.all("sslvserver_sslcertkey_binding")) {
            if (vserver.equals(text(b, "vservername")) && !b.path("ca").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    private ObjectNode render(ResourceDef d, ObjectNode stored) {
        ObjectNode r = F.objectNode();
        stored.properties().forEach(e -> {
            if (d.secrets.contains(e.getKey())) {
                return;
            }
            JsonNode v = e.getValue();
            if (v.isIntegralNumber() && !d.wireNumbers.contains(e.getKey())) {
                v = TextNode.valueOf(v.asText());
            }
            r.set(e.getKey(), v);
        });
        switch (d.name) {
            case "lbvserver": {
                // NITRO leaves the configured state out of an lbvserver GET and shows the current one
                String state = text(stored, "state");
                r.remove("state");
                String current = "DISABLED".equals(state) ? "OUT OF SERVICE"
                        : Schema.terminatesTls(text(stored, "servicetype")) && !hasServerCertificate(text(stored, "name"))
                                ? "DOWN" : "UP";
                r.put("curstate", current);
                r.put("effectivestate", current);
                r.put("type", "ADDRESS");
                break;
            }
            case "servicegroup_servicegroupmember_binding": {
                ObjectNode server = table.find("server", text(stored, "servername"));
                String ip = server == null ? null : text(server, "ipaddress");
                r.put("ip", ip == null ? "0.0.0.0" : ip);
                r.put("svrstate", "ENABLED".equals(text(stored, "state")) ? "UP" : "OUT OF SERVICE");
                break;
            }
            case "servicegroup":
                r.put("servicegroupeffectivestate", "ENABLED".equals(text(stored, "state")) ? "UP" : "OUT OF SERVICE");
                break;
            case "sslcertkey": {
                CertificateFiles.describe(r, table.files().get(CertificateFiles.path(text(stored, "cert"))));
                break;
            }
            default:
                break;
        }
        return r;
    }
}
