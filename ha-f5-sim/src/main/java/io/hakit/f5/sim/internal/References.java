package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The references between objects (a virtual's pool and profiles, a pool's nodes and monitors, a
 * profile's parent and files, GTM members' servers) and the two rules mcpd keeps with them: an
 * object may only name objects that exist, and an object in use cannot be deleted.
 */
final class References {
    /** A reference from one object to another. */
    record Ref(List<String> types, String fullPath, String display) {
    }

    private References() {
    }

    /**
     * Refuses an object that names an object that does not exist (400 {@code 01020036:3}); an object may name itself.
     *
     * @param table the objects
     * @param t the type of the object about to be stored
     * @param fp its full path
     * @param o the object in its stored form
     */
    static void checkTargetsExist(ObjectTable table, TypeSpec t, String fp, ObjectNode o) {
        for (Ref r : refs(t, o)) {
            boolean found = false;
            for (String type : r.types) {
                found |= table.exists(type, r.fullPath) || (type.equals(t.path()) && r.fullPath.equals(fp));
            }
            if (!found) {
                throw ObjectTable.notFound(r.display, r.fullPath, 400);
            }
        }
    }

    /**
     * Refuses to delete an object another object refers to, with the in-use message of its type.
     *
     * @param table the objects
     * @param t the type of the object to delete
     * @param fp its full path
     */
    static void checkNotInUse(ObjectTable table, TypeSpec t, String fp) {
        for (Map.Entry<String, TreeMap<String, ObjectNode>> e : table.types()) {
            TypeSpec u = Types.get(e.getKey());
            for (Map.Entry<String, ObjectNode> o : e.getValue().entrySet()) {
                for (Ref r : refs(u, o.getValue())) {
                    if (r.fullPath.equals(fp) && r.types.contains(t.path()) && !(u == t && o.getKey().equals(fp))) {
                        throw inUse(t, fp, u, o.getKey());
                    }
                }
            }
        }
    }

    /**
     * @param t a type
     * @param o an object of it, in its stored form
     * @return every object it names
     */
    static List<Ref> refs(TypeSpec t, ObjectNode o) {
        List<Ref> out = new ArrayList<>();
        String partition = o.path("partition").asText("Common");
        String df = F5SimJson.text(o.get("defaultsFrom"));
        if (df != null && !df.equals("none")) {
            out.add(new Ref(List.of(t.path()), df, t.display()));
        }
        switch (t.path()) {
            case "ltm/node":
                monitorRefs(out, F5SimJson.text(o.get("monitor")), partition);
                break;
            case "ltm/pool":
                monitorRefs(out, F5SimJson.text(o.get("monitor")), partition);
                for (JsonNode m : o.path("members")) {
                    String mp = m.path("partition").asText(partition);
                    String[] ap = Names.splitAddressPort(m.path("name").asText());
                    if (ap != null) {
                        out.add(new Ref(List.of("ltm/node"), "/" + mp + "/" + ap[0], "Node"));
                    }
                    monitorRefs(out, F5SimJson.text(m.get("monitor")), mp);
                }
                break;
            case "ltm/virtual":
                if (o.has("pool")) {
                    out.add(new Ref(List.of("ltm/pool"), o.get("pool").asText(), "Pool"));
                }
                for (JsonNode p : o.path("profiles")) {
                    out.add(new Ref(Types.PROFILES, "/" + p.path("partition").asText() + "/" + p.path("name").asText(),
                            "Profile"));
                }
                for (JsonNode p : o.path("persist")) {
                    out.add(new Ref(Types.PERSISTENCE, "/" + p.path("partition").asText() + "/" + p.path("name").asText(),
                            "Persistence Profile"));
                }
                if (o.has("fallbackPersistence")) {
                    out.add(new Ref(Types.PERSISTENCE, o.get("fallbackPersistence").asText(), "Persistence Profile"));
                }
                break;
            case "ltm/profile/client-ssl":
            case "ltm/profile/server-ssl":
                fileRefs(out, o);
                for (JsonNode c : o.path("certKeyChain")) {
                    fileRefs(out, c);
                }
                break;
            case "gtm/server":
                out.add(new Ref(List.of("gtm/datacenter"), o.path("datacenter").asText(), "Datacenter"));
                break;
            case "gtm/pool/a":
                for (JsonNode m : o.path("members")) {
                    String name = m.path("name").asText();
                    int colon = name.indexOf(':');
                    if (colon > 0) {
                        out.add(new Ref(List.of("gtm/server"), "/" + m.path("partition").asText(partition) + "/"
                                + name.substring(0, colon), "Server"));
                    }
                }
                break;
            case "gtm/wideip/a":
                for (JsonNode p : o.path("pools")) {
                    out.add(new Ref(List.of("gtm/pool/a"), "/" + p.path("partition").asText() + "/" + p.path("name").asText(),
                            "Pool"));
                }
                break;
            default:
                break;
        }
        return out;
    }

    private static void monitorRefs(List<Ref> out, String expr, String partition) {
        for (String m : monitorNames(expr, partition)) {
            out.add(new Ref(Types.MONITORS, m, "Monitor"));
        }
    }

    private static void fileRefs(List<Ref> out, JsonNode o) {
        for (String k : List.of("cert", "chain", "caFile", "clientCertCa")) {
            String v = F5SimJson.text(o.get(k));
            if (v != null && v.startsWith("/")) {
                out.add(new Ref(List.of("sys/file/ssl-cert"), v, "Certificate File"));
            }
        }
        String key = F5SimJson.text(o.get("key"));
        if (key != null && key.startsWith("/")) {
            out.add(new Ref(List.of("sys/file/ssl-key"), key, "Key File"));
        }
    }

    /**
     * @param expr a monitor expression ({@code a and b}, {@code min 1 of { a b }}), or {@code null}
     * @param partition the partition unqualified names are in
     * @return the full paths of the monitors it names
     */
    static List<String> monitorNames(String expr, String partition) {
        List<String> out = new ArrayList<>();
        if (expr == null) {
            return out;
        }
        String[] tokens = expr.replace("{", " ").replace("}", " ").trim().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            String tok = tokens[i];
            if (tok.isEmpty() || tok.equals("and") || tok.equals("default") || tok.equals("none")) {
                continue;
            }
            if (tok.equals("min") || tok.equals("of")) {
                if (tok.equals("min")) {
                    i++;
                }
                continue;
            }
            out.add(Names.qualify(tok, partition));
        }
        return out;
    }

    private static SimulatedF5Error inUse(TypeSpec t, String fp, TypeSpec user, String userFp) {
        if (t.path().equals("ltm/node")) {
            return SimulatedF5Error.tmos(400, "01070110:3: Node address '" + fp + "' is referenced by a member of pool '"
                    + userFp + "'.", 3);
        }
        if (Types.MONITORS.contains(t.path())) {
            return SimulatedF5Error.tmos(400, "01070083:3: Monitor " + fp + " is in use.", 3);
        }
        return SimulatedF5Error.tmos(400, "01070265:3: The " + t.display() + " (" + fp + ") cannot be deleted because it is in use by a "
                + user.display() + " (" + userFp + ").", 3);
    }
}
