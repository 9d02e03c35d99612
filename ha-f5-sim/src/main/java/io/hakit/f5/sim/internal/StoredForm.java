package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The form TMOS stores an object in, made from a request body: the rules every type shares
 * (masked secrets, qualified {@code defaultsFrom}, monitor timings), nodes, monitor expressions
 * and SSL profiles here; pools, virtuals, GTM objects and SSL file installs in
 * {@link PoolForm}, {@link VirtualForm}, {@link GtmForm} and {@link SslFileInstall}.
 */
final class StoredForm {
    private StoredForm() {
    }

    /**
     * Turns an object about to be stored into the form TMOS stores: secrets masked, names
     * qualified with the partition, numbers checked and stored as numbers, the per-type rules.
     *
     * @param table the objects (read, and a pool may add nodes)
     * @param files looks up an uploaded file by name (for ssl-cert / ssl-key installs)
     * @param t the type
     * @param fp the object's full path
     * @param o the object, changed in place
     * @param previous the object it replaces, or {@code null} when it is new
     * @throws SimulatedF5Error when a rule fails
     */
    static void normalize(ObjectTable table, Function<String, byte[]> files, TypeSpec t, String fp, ObjectNode o,
            ObjectNode previous) {
        String partition = o.get("partition").asText();
        FieldRules.maskSecret(o, "password");
        FieldRules.maskSecret(o, "passphrase");
        if (o.has("defaultsFrom") && !o.get("defaultsFrom").asText().equals("none")) {
            o.put("defaultsFrom", Names.qualify(o.get("defaultsFrom").asText(), partition));
        }
        if (Types.MONITORS.contains(t.path())) {
            FieldRules.integer(o, "interval", 1, 86400);
            FieldRules.integer(o, "timeout", 1, 86400);
            FieldRules.integer(o, "timeUntilUp", 0, 86400);
            FieldRules.integer(o, "upInterval", 0, 86400);
        }
        switch (t.path()) {
            case "ltm/node":
                normalizeNode(o, partition);
                break;
            case "ltm/pool":
                PoolForm.normalize(table, t, fp, o, partition);
                break;
            case "ltm/virtual":
                VirtualForm.normalize(table, fp, o, partition);
                break;
            case "ltm/profile/tcp":
                FieldRules.integer(o, "idleTimeout", 0, 4294967295L, "indefinite");
                break;
            case "ltm/profile/client-ssl":
                normalizeClientSsl(o, partition);
                break;
            case "ltm/profile/server-ssl":
                for (String k : List.of("cert", "key", "chain", "caFile")) {
                    FieldRules.qualifyUnlessNone(o, k, partition);
                }
                break;
            case "ltm/persistence/source-addr":
                if (o.has("timeout")) {
                    FieldRules.integer(o, "timeout", 0, 4294967295L, "indefinite");
                    o.put("timeout", o.get("timeout").asText());
                }
                break;
            case "sys/file/ssl-cert":
            case "sys/file/ssl-key":
                if (previous == null) {
                    SslFileInstall.install(files, t, fp, o);
                }
                break;
            case "gtm/server":
                GtmForm.server(o, partition);
                break;
            case "gtm/pool/a":
                GtmForm.pool(table, fp, o, partition);
                break;
            case "gtm/wideip/a":
                GtmForm.wideIp(o, partition);
                break;
            default:
                break;
        }
    }

    private static String normalizeMonitor(String value, String partition) {
        String v = value.trim();
        if (v.isEmpty() || v.equals("none")) {
            return null;
        }
        if (v.equals("default")) {
            return v;
        }
        List<String> names = References.monitorNames(v, partition);
        if (v.startsWith("min ")) {
            String[] parts = v.split("\\s+");
            return "min " + parts[1] + " of { " + String.join(" ", names) + " }";
        }
        return String.join(" and ", names);
    }

    static void monitorField(ObjectNode o, String partition, String dflt) {
        if (o.has("monitor")) {
            String m = normalizeMonitor(o.get("monitor").asText(), partition);
            if (m == null) {
                o.remove("monitor");
            } else {
                o.put("monitor", m);
            }
        } else if (dflt != null) {
            o.put("monitor", dflt);
        }
    }

    static void normalizeNode(ObjectNode o, String partition) {
        JsonNode fqdn = o.get("fqdn");
        String tmName = fqdn == null ? null : F5SimJson.text(fqdn.get("tmName"));
        ObjectNode f = F5SimJson.object();
        f.put("addressFamily", "ipv4");
        f.put("autopopulate", "disabled");
        f.put("downInterval", 5);
        f.put("interval", "3600");
        if (fqdn != null && fqdn.isObject()) {
            f.setAll(((ObjectNode) fqdn).deepCopy());
        }
        o.set("fqdn", f);
        if (tmName != null && !tmName.isBlank()) {
            if (!o.has("address")) {
                o.put("address", "any6");
            }
        } else {
            String a = F5SimJson.text(o.get("address"));
            if (a == null) {
                throw SimulatedF5Error.tmos(400, "A node must have an address or an fqdn (name " + o.get("name").asText() + ").", 26214401);
            }
            if (!Names.isAddress(a)) {
                throw SimulatedF5Error.tmos(400, "Invalid address for node /" + partition + "/" + o.get("name").asText() + ": \""
                        + a + "\" is not an IP address.", 26214401);
            }
        }
        monitorField(o, partition, "default");
        FieldRules.integer(o, "ratio", 1, 65535);
        FieldRules.integer(o, "connectionLimit", 0, 4294967295L);
    }

    private static void normalizeClientSsl(ObjectNode o, String partition) {
        ArrayNode chain = FieldRules.arrayOf(o, "certKeyChain");
        if (chain != null) {
            ArrayNode out = F5SimJson.array();
            for (JsonNode c : chain) {
                ObjectNode e = FieldRules.input(Set.of("appService", "cert", "chain", "key", "passphrase"), c,
                        "ltm/profile/client-ssl/certKeyChain");
                if (!e.has("name")) {
                    e.put("name", "default");
                }
                e.remove("partition");
                for (String k : List.of("cert", "key", "chain")) {
                    FieldRules.qualifyUnlessNone(e, k, partition);
                }
                if (!e.has("chain")) {
                    e.put("chain", "none");
                }
                FieldRules.maskSecret(e, "passphrase");
                out.add(e);
            }
            o.set("certKeyChain", out);
            if (!out.isEmpty()) {
                for (String k : List.of("cert", "key", "chain")) {
                    if (out.get(0).has(k)) {
                        o.set(k, out.get(0).get(k).deepCopy());
                    }
                }
            }
        }
        for (String k : List.of("cert", "key", "chain", "caFile", "clientCertCa")) {
            FieldRules.qualifyUnlessNone(o, k, partition);
        }
    }
}
