package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Renders stored objects as iControl REST answers: {@code kind}, {@code fullPath},
 * {@code generation}, {@code selfLink}, the {@code *Reference} links a BIG-IP adds, and the
 * sub-collection references (expanded on request).
 */
final class ObjectRenderer {
    private final ObjectTable table;

    /** @param table the objects */
    ObjectRenderer(ObjectTable table) {
        this.table = table;
    }

    private String selfLink(TypeSpec t, String fp, String suffix) {
        return Names.SELF + t.path() + "/" + Names.tilde(fp) + suffix + "?ver=" + Names.VERSION;
    }

    JsonNode list(TypeSpec t, String filter, boolean expand) {
        String onlyPartition = null;
        if (filter != null && !filter.isBlank()) {
            String[] f = filter.trim().split("\\s+");
            if (f.length != 3 || !f[0].equals("partition") || !f[1].equals("eq")) {
                throw SimulatedF5Error.tmos(400, "Invalid $filter \"" + filter + "\": the simulator supports partition eq <name>.", 1);
            }
            onlyPartition = f[2];
        }
        ObjectNode r = F5SimJson.object();
        r.put("kind", t.collectionKind());
        r.put("selfLink", Names.SELF + t.path() + "?ver=" + Names.VERSION);
        ArrayNode items = F5SimJson.array();
        for (Map.Entry<String, ObjectNode> e : table.items(t.path()).entrySet()) {
            if (onlyPartition == null || onlyPartition.equals(e.getValue().path("partition").asText())) {
                items.add(render(t, e.getValue(), expand));
            }
        }
        if (!items.isEmpty()) {
            r.set("items", items);
        }
        return r;
    }

    ObjectNode render(TypeSpec t, ObjectNode stored, boolean expand) {
        String fp = "/" + stored.get("partition").asText() + "/" + stored.get("name").asText();
        ObjectNode r = F5SimJson.object();
        r.put("kind", t.kind());
        r.put("name", stored.get("name").asText());
        r.put("partition", stored.get("partition").asText());
        r.put("fullPath", fp);
        r.put("generation", table.generation(t.path(), fp));
        r.put("selfLink", selfLink(t, fp, ""));
        stored.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("name") && !f.getKey().equals("partition") && t.subByBodyKey(f.getKey()) == null) {
                r.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        references(t, r);
        for (TypeSpec.SubSpec s : t.subs().values()) {
            ObjectNode ref = r.putObject(refName(s));
            ref.put("link", selfLink(t, fp, "/" + s.segment()));
            ref.put("isSubcollection", true);
            if (expand && stored.has(s.bodyKey()) && !stored.get(s.bodyKey()).isEmpty()) {
                ArrayNode items = ref.putArray("items");
                for (JsonNode i : stored.get(s.bodyKey())) {
                    items.add(subItemRender(t, s, stored, (ObjectNode) i));
                }
            }
        }
        return r;
    }

    ObjectNode render(TypeSpec t, String fp, boolean expand) {
        return render(t, table.get(t.path(), fp), expand);
    }

    private static String refName(TypeSpec.SubSpec s) {
        return s.bodyKey() + "Reference";
    }

    ObjectNode subList(TypeSpec t, TypeSpec.SubSpec sub, ObjectNode parent) {
        String fp = "/" + parent.get("partition").asText() + "/" + parent.get("name").asText();
        ObjectNode r = F5SimJson.object();
        r.put("kind", t.subCollectionKind(sub));
        r.put("selfLink", selfLink(t, fp, "/" + sub.segment()));
        ArrayNode items = F5SimJson.array();
        for (JsonNode i : parent.path(sub.bodyKey())) {
            items.add(subItemRender(t, sub, parent, (ObjectNode) i));
        }
        if (!items.isEmpty()) {
            r.set("items", items);
        }
        return r;
    }

    ObjectNode subItemRender(TypeSpec t, TypeSpec.SubSpec sub, ObjectNode parent, ObjectNode item) {
        String pfp = "/" + parent.get("partition").asText() + "/" + parent.get("name").asText();
        String key = SubCollections.key(sub, item);
        ObjectNode r = F5SimJson.object();
        r.put("kind", t.subKind(sub));
        r.put("name", item.get("name").asText());
        if (sub.partitioned()) {
            r.put("partition", item.path("partition").asText("Common"));
        }
        r.put("fullPath", key);
        r.put("generation", table.generation(t.path(), pfp));
        r.put("selfLink", selfLink(t, pfp, "/" + sub.segment() + "/" + (sub.partitioned() ? Names.tilde(key) : key)));
        item.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("name") && !f.getKey().equals("partition")) {
                r.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        if (t.path().equals("ltm/virtual")) {
            String ifp = "/" + item.path("partition").asText("Common") + "/" + item.get("name").asText();
            String type = sub.segment().equals("policies") ? "ltm/policy" : profileType(ifp);
            if (type != null) {
                r.putObject("nameReference").put("link", link(type, ifp));
            }
        }
        return r;
    }

    /** @return the type of the profile a virtual names, or {@code null} when none holds it */
    private String profileType(String fp) {
        for (String type : Types.PROFILES) {
            if (table.exists(type, fp)) {
                return type;
            }
        }
        return null;
    }

    private static String link(String type, String fp) {
        return Names.SELF + type + "/" + Names.tilde(fp) + "?ver=" + Names.VERSION;
    }

    /** The {@code *Reference} links a BIG-IP adds next to the names an object refers to. */
    private static void references(TypeSpec t, ObjectNode r) {
        if (t.path().equals("ltm/virtual")) {
            String pool = F5SimJson.text(r.get("pool"));
            if (pool != null && pool.startsWith("/")) {
                r.putObject("poolReference").put("link", link("ltm/pool", pool));
            }
            JsonNode rules = r.get("rules");
            if (rules != null && rules.isArray() && !rules.isEmpty()) {
                ArrayNode refs = r.putArray("rulesReference");
                rules.forEach(rule -> refs.addObject().put("link", link("ltm/rule", rule.asText())));
            }
        }
        if (t.path().startsWith("ltm/profile/")) {
            String parent = F5SimJson.text(r.get("defaultsFrom"));
            if (parent != null && parent.startsWith("/")) {
                r.putObject("defaultsFromReference").put("link", link(t.path(), parent));
            }
        }
        if (t.path().equals("ltm/profile/client-ssl") || t.path().equals("ltm/profile/server-ssl")) {
            for (String k : List.of("cert", "key")) {
                String file = F5SimJson.text(r.get(k));
                if (file != null && file.startsWith("/")) {
                    r.putObject(k + "Reference").put("link", link("sys/file/ssl-" + k, file));
                }
            }
        }
    }
}
