package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Function;

/**
 * The running configuration of the simulated BIG-IP and the requests below {@code /mgmt/tm/}
 * that read and change it: it routes each to its collection, object or sub-collection item and
 * applies the rules mcpd applies when an object changes. The jobs live in their own classes:
 * {@link ObjectTable} holds the objects, {@link StoredForm} turns bodies into what TMOS stores,
 * {@link References} keeps references valid and in-use objects, {@link SubCollections} changes
 * items such as pool members, {@link ObjectRenderer} renders answers.
 *
 * <p>Not thread-safe: the device serialises access. {@link #copy()} makes an independent copy, so
 * a change runs on a copy and replaces the original only when it succeeded. A stored object node
 * is never changed after it is stored: changes build a new node and store that.
 */
public final class ConfigStore {
    private final ObjectTable table;
    private final ObjectRenderer renderer;
    private final SubCollections subs;
    private Function<String, byte[]> files = name -> null;

    private ConfigStore(ObjectTable table) {
        this.table = table;
        this.renderer = new ObjectRenderer(table);
        this.subs = new SubCollections(this, table, renderer);
    }

    /**
     * @param deviceGroup a sync-failover device group to create, or {@code null}
     * @return the configuration of a fresh device: the system-supplied objects only
     */
    public static ConfigStore initial(String deviceGroup) {
        ObjectTable table = new ObjectTable();
        for (TypeSpec t : Types.all()) {
            table.addType(t.path());
            for (String b : t.builtins()) {
                ObjectNode o = t.defaults().deepCopy();
                o.put("name", b);
                o.put("partition", "Common");
                if (o.has("defaultsFrom")) {
                    o.put("defaultsFrom", "none");
                }
                table.putInitial(t.path(), "/Common/" + b, FieldRules.reorder(o), true);
            }
        }
        table.generation(1);
        if (deviceGroup != null) {
            ObjectNode dg = Types.get("cm/device-group").defaults().deepCopy();
            dg.put("name", deviceGroup);
            dg.put("partition", "Common");
            dg.put("type", "sync-failover");
            table.putInitial("cm/device-group", "/Common/" + deviceGroup, FieldRules.reorder(dg), false);
        }
        return new ConfigStore(table);
    }

    /**
     * @return an independent copy; stored objects are shared because they are never changed in
     *     place (every change stores a new node), so changing the copy never touches this store
     */
    public ConfigStore copy() {
        ConfigStore c = new ConfigStore(table.copy());
        c.files = files;
        return c;
    }

    /** @param files looks up an uploaded file by name (for ssl-cert / ssl-key installs) */
    public void files(Function<String, byte[]> files) {
        this.files = files;
    }

    /** @return every object, keys sorted, without generations or other counters */
    public ObjectNode snapshot() {
        return table.snapshot();
    }

    /**
     * @param type a type path
     * @param fullPath a full path
     * @return whether that object exists
     */
    public boolean exists(String type, String fullPath) {
        return table.exists(type, fullPath);
    }

    /**
     * Executes one request below {@code /mgmt/tm/} against this configuration.
     *
     * @param method the HTTP method
     * @param rest the decoded path after {@code /mgmt/tm/}
     * @param query the decoded query parameters
     * @param body the JSON body (ignored for GET and DELETE)
     * @return the answer body
     * @throws SimulatedF5Error what the device answers instead
     */
    public JsonNode execute(String method, String rest, Map<String, String> query, JsonNode body) {
        ResourcePath tg = ResourcePath.parse(rest);
        boolean expand = "true".equalsIgnoreCase(query.getOrDefault("expandSubcollections", ""));
        TypeSpec t = tg.type;
        switch (tg.level) {
            case 0:
                if (method.equals("GET")) {
                    return renderer.list(t, query.get("$filter"), expand);
                }
                if (method.equals("POST")) {
                    return create(t, body, rest);
                }
                break;
            case 1:
                switch (method) {
                    case "GET":
                        return renderer.render(t, table.require(t, tg.item), expand);
                    case "PUT":
                        return update(t, tg.item, body, true, rest);
                    case "PATCH":
                        return update(t, tg.item, body, false, rest);
                    case "DELETE":
                        delete(t, tg.item);
                        return null;
                    default:
                        break;
                }
                break;
            case 2:
                if (method.equals("GET")) {
                    ObjectNode parent = table.require(t, tg.item);
                    return renderer.subList(t, tg.sub, parent);
                }
                if (method.equals("POST")) {
                    return subs.create(t, tg.item, tg.sub, body, rest);
                }
                break;
            default:
                switch (method) {
                    case "GET":
                        return renderer.subItemRender(t, tg.sub, table.require(t, tg.item), subs.find(t, tg, table.require(t, tg.item)));
                    case "PUT":
                    case "PATCH":
                        return subs.update(t, tg, body, method.equals("PUT"), rest);
                    case "DELETE":
                        subs.delete(t, tg);
                        return null;
                    default:
                        break;
                }
                break;
        }
        throw SimulatedF5Error.tmos(405, "Method " + method + " is not supported on /mgmt/tm/" + rest, 1);
    }

    /** Where a path points. */

    /**
     * @param rest the decoded path after {@code /mgmt/tm/}
     * @return whether the path names a sub-collection (not one of its items)
     */
    public static boolean isSubCollection(String rest) {
        return ResourcePath.parse(rest).level == 2;
    }

    /**
     * @param rest the decoded path after {@code /mgmt/tm/}
     * @return whether the path is one the object store serves
     */
    public static boolean serves(String rest) {
        return Types.match(rest) != null;
    }

    private JsonNode create(TypeSpec t, JsonNode body, String rest) {
        ObjectNode in = FieldRules.input(t.attributes(), body, rest);
        String name = F5SimJson.text(in.remove("name"));
        String partition = F5SimJson.text(in.remove("partition"));
        if (name == null || name.isBlank()) {
            throw SimulatedF5Error.tmos(400, "one or more configuration identifiers must be provided", 26214401);
        }
        if (name.startsWith("/")) {
            partition = Names.partitionOf(name);
            name = Names.nameOf(name);
        }
        if (partition == null || partition.isBlank()) {
            partition = "Common";
        }
        String fp = "/" + partition + "/" + name;
        if (table.exists(t.path(), fp)) {
            throw SimulatedF5Error.tmos(409, "01020066:3: The requested " + t.display() + " (" + fp
                    + ") already exists in partition " + partition + ".", 3);
        }
        ObjectNode o = t.defaults().deepCopy();
        o.put("name", name);
        o.put("partition", partition);
        o.setAll(in);
        store(t, fp, o, null);
        return renderer.render(t, fp, false);
    }

    private JsonNode update(TypeSpec t, String fp, JsonNode body, boolean replace, String rest) {
        ObjectNode existing = table.require(t, fp);
        ObjectNode in = FieldRules.input(t.attributes(), body, rest);
        checkIdentity(in, fp);
        ObjectNode o;
        if (replace) {
            o = t.defaults().deepCopy();
            o.put("name", existing.get("name").asText());
            o.put("partition", existing.get("partition").asText());
            for (TypeSpec.SubSpec s : t.subs().values()) {
                if (existing.has(s.bodyKey()) && !in.has(s.bodyKey())) {
                    o.set(s.bodyKey(), existing.get(s.bodyKey()).deepCopy());
                }
            }
            if (t.path().startsWith("sys/file/") && !in.has("sourcePath")) {
                o.setAll(existing.deepCopy());
            }
        } else {
            o = existing.deepCopy();
        }
        o.setAll(in);
        store(t, fp, o, in.has("sourcePath") ? null : existing);
        return renderer.render(t, fp, false);
    }

    private static void checkIdentity(ObjectNode in, String fp) {
        JsonNode n = in.remove("name");
        JsonNode p = in.remove("partition");
        if (n != null && !n.asText().equals(Names.nameOf(fp)) && !n.asText().equals(fp)) {
            throw SimulatedF5Error.tmos(400, "The name of " + fp + " cannot be changed to " + n.asText() + ".", 1);
        }
        if (p != null && !p.asText().equals(Names.partitionOf(fp))) {
            throw SimulatedF5Error.tmos(400, "The partition of " + fp + " cannot be changed to " + p.asText() + ".", 1);
        }
    }


    private void delete(TypeSpec t, String fp) {
        table.require(t, fp);
        if (table.builtin(t.path(), fp)) {
            throw SimulatedF5Error.tmos(400, "The " + t.display() + " (" + fp + ") is a system-supplied object and cannot be deleted.", 3);
        }
        References.checkNotInUse(table, t, fp);
        table.remove(t.path(), fp);
    }

    /**
     * Normalises, validates and stores an object; nothing is stored when a rule fails.
     *
     * @param t the type
     * @param fp the full path
     * @param o the object as asked for, changed in place into its stored form
     * @param previous the object it replaces, or {@code null} when it is new (or its file is re-installed)
     * @throws SimulatedF5Error when a rule fails
     */
    void store(TypeSpec t, String fp, ObjectNode o, ObjectNode previous) {
        StoredForm.normalize(table, files, t, fp, o, previous);
        References.checkTargetsExist(table, t, fp, o);
        VirtualForm.checkDestinationUnique(table, t, fp, o);
        table.put(t.path(), fp, FieldRules.reorder(o));
    }
}
