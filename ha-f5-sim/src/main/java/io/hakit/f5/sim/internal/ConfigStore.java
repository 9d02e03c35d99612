package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The running configuration of the simulated BIG-IP: every object by type and full path, and
 * the rules mcpd applies when it changes (defaults, references, in-use checks, duplicates).
 * Not thread-safe: the device serialises access. {@link #copy()} makes an independent copy, so
 * a change runs on a copy and replaces the original only when it succeeded. A stored object node
 * is never changed after it is stored: changes build a new node and store that.
 */
public final class ConfigStore {
    private static final Set<String> READ_ONLY = Set.of("kind", "fullPath", "generation", "selfLink", "ephemeral",
            "vsIndex", "lastUpdateMicros", "apiRawValues");
    private static final Set<String> LB_MODES = Set.of("dynamic-ratio-member", "dynamic-ratio-node",
            "fastest-app-response", "fastest-node", "least-connections-member", "least-connections-node",
            "least-sessions", "observed-member", "observed-node", "predictive-member", "predictive-node",
            "ratio-least-connections-member", "ratio-least-connections-node", "ratio-member", "ratio-node",
            "ratio-session", "round-robin", "weighted-least-connections-member", "weighted-least-connections-node");
    /** IANA protocol numbers of the protocols a virtual may name. */
    private static final Map<Integer, String> IP_PROTOCOLS = Map.of(1, "icmp", 6, "tcp", 17, "udp", 58, "ipv6-icmp",
            132, "sctp");
    private static final String DOWNLOADS = "/var/config/rest/downloads/";

    /** A reference from one object to another. */
    private record Ref(List<String> types, String fullPath, String display) {
    }

    private final TreeMap<String, TreeMap<String, ObjectNode>> objects = new TreeMap<>();
    private final Map<String, Long> generations = new HashMap<>();
    private final Set<String> builtins = new HashSet<>();
    private long generation;
    private Function<String, byte[]> files = name -> null;

    private ConfigStore() {
    }

    /**
     * @param deviceGroup a sync-failover device group to create, or {@code null}
     * @return the configuration of a fresh device: the system-supplied objects only
     */
    public static ConfigStore initial(String deviceGroup) {
        ConfigStore s = new ConfigStore();
        for (TypeSpec t : Types.all()) {
            s.objects.put(t.path(), new TreeMap<>());
            for (String b : t.builtins()) {
                ObjectNode o = t.defaults().deepCopy();
                o.put("name", b);
                o.put("partition", "Common");
                if (o.has("defaultsFrom")) {
                    o.put("defaultsFrom", "none");
                }
                String fp = "/Common/" + b;
                s.objects.get(t.path()).put(fp, reorder(o));
                s.builtins.add(t.path() + " " + fp);
                s.generations.put(t.path() + " " + fp, 1L);
            }
        }
        s.generation = 1;
        if (deviceGroup != null) {
            ObjectNode dg = Types.get("cm/device-group").defaults().deepCopy();
            dg.put("name", deviceGroup);
            dg.put("partition", "Common");
            dg.put("type", "sync-failover");
            s.objects.get("cm/device-group").put("/Common/" + deviceGroup, reorder(dg));
            s.generations.put("cm/device-group /Common/" + deviceGroup, 1L);
        }
        return s;
    }

    /**
     * @return an independent copy; stored objects are shared because they are never changed in
     *     place (every change stores a new node), so changing the copy never touches this store
     */
    public ConfigStore copy() {
        ConfigStore c = new ConfigStore();
        for (Map.Entry<String, TreeMap<String, ObjectNode>> e : objects.entrySet()) {
            c.objects.put(e.getKey(), new TreeMap<>(e.getValue()));
        }
        c.generations.putAll(generations);
        c.builtins.addAll(builtins);
        c.generation = generation;
        c.files = files;
        return c;
    }

    /** @param files looks up an uploaded file by name (for ssl-cert / ssl-key installs) */
    public void files(Function<String, byte[]> files) {
        this.files = files;
    }

    /** @return every object, keys sorted, without generations or other counters */
    public ObjectNode snapshot() {
        ObjectNode root = F5SimJson.object();
        for (Map.Entry<String, TreeMap<String, ObjectNode>> e : objects.entrySet()) {
            ObjectNode type = root.putObject(e.getKey());
            e.getValue().forEach((fp, o) -> type.set(fp, F5SimJson.sorted(o)));
        }
        return root;
    }

    /**
     * @param type a type path
     * @param fullPath a full path
     * @return whether that object exists
     */
    public boolean exists(String type, String fullPath) {
        TreeMap<String, ObjectNode> m = objects.get(type);
        return m != null && m.containsKey(fullPath);
    }

    // ---------------------------------------------------------------- request execution

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
        Target tg = target(rest);
        boolean expand = "true".equalsIgnoreCase(query.getOrDefault("expandSubcollections", ""));
        TypeSpec t = tg.type;
        switch (tg.level) {
            case 0:
                if (method.equals("GET")) {
                    return list(t, query.get("$filter"), expand);
                }
                if (method.equals("POST")) {
                    return create(t, body, rest);
                }
                break;
            case 1:
                switch (method) {
                    case "GET":
                        return render(t, require(t, tg.item), expand);
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
                    ObjectNode parent = require(t, tg.item);
                    return subList(t, tg.sub, parent);
                }
                if (method.equals("POST")) {
                    return subCreate(t, tg.item, tg.sub, body, rest);
                }
                break;
            default:
                switch (method) {
                    case "GET":
                        return subItemRender(t, tg.sub, require(t, tg.item), subFind(t, tg, require(t, tg.item)));
                    case "PUT":
                    case "PATCH":
                        return subUpdate(t, tg, body, method.equals("PUT"), rest);
                    case "DELETE":
                        subDelete(t, tg);
                        return null;
                    default:
                        break;
                }
                break;
        }
        throw SimulatedF5Error.tmos(405, "Method " + method + " is not supported on /mgmt/tm/" + rest, 1);
    }

    /** Where a path points. */
    private static final class Target {
        TypeSpec type;
        int level;
        String item;
        TypeSpec.SubSpec sub;
        String subItem;
    }

    /**
     * @param rest the decoded path after {@code /mgmt/tm/}
     * @return whether the path names a sub-collection (not one of its items)
     */
    public static boolean isSubCollection(String rest) {
        return target(rest).level == 2;
    }

    /**
     * @param rest the decoded path after {@code /mgmt/tm/}
     * @return whether the path is one the object store serves
     */
    public static boolean serves(String rest) {
        return Types.match(rest) != null;
    }

    private static Target target(String rest) {
        Target tg = new Target();
        tg.type = Types.match(rest);
        if (tg.type == null) {
            throw notRegistered(rest);
        }
        String tail = rest.substring(tg.type.path().length());
        if (tail.startsWith("/")) {
            tail = tail.substring(1);
        }
        if (tail.endsWith("/")) {
            tail = tail.substring(0, tail.length() - 1);
        }
        String[] segs = tail.isEmpty() ? new String[0] : tail.split("/", -1);
        if (segs.length > 3) {
            throw notRegistered(rest);
        }
        tg.level = segs.length;
        if (segs.length >= 1) {
            tg.item = Names.fullPath(segs[0]);
        }
        if (segs.length >= 2) {
            tg.sub = tg.type.subs().get(segs[1]);
            if (tg.sub == null) {
                throw notRegistered(rest);
            }
        }
        if (segs.length == 3) {
            tg.subItem = tg.sub.partitioned() ? Names.fullPath(segs[2])
                    : (segs[2].startsWith("~") ? Names.nameOf(Names.fullPath(segs[2])) : segs[2]);
        }
        return tg;
    }

    private static SimulatedF5Error notRegistered(String rest) {
        return SimulatedF5Error.tmos(404, "URI path /mgmt/tm/" + rest + " not registered.  Please verify URI is supported and "
                + "wait for /available suffix to be responsive.", 1);
    }

    // ---------------------------------------------------------------- CRUD

    private ObjectNode require(TypeSpec t, String fp) {
        ObjectNode o = objects.get(t.path()).get(fp);
        if (o == null) {
            throw notFound(t.display(), fp, 404);
        }
        return o;
    }

    private static SimulatedF5Error notFound(String display, String fp, int status) {
        return SimulatedF5Error.tmos(status, "01020036:3: The requested " + display + " (" + fp + ") was not found.", 3);
    }

    private JsonNode create(TypeSpec t, JsonNode body, String rest) {
        ObjectNode in = input(t.attributes(), body, rest);
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
        if (exists(t.path(), fp)) {
            throw SimulatedF5Error.tmos(409, "01020066:3: The requested " + t.display() + " (" + fp
                    + ") already exists in partition " + partition + ".", 3);
        }
        ObjectNode o = t.defaults().deepCopy();
        o.put("name", name);
        o.put("partition", partition);
        o.setAll(in);
        store(t, fp, o, null);
        return render(t, fp, false);
    }

    private JsonNode update(TypeSpec t, String fp, JsonNode body, boolean replace, String rest) {
        ObjectNode existing = require(t, fp);
        ObjectNode in = input(t.attributes(), body, rest);
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
        return render(t, fp, false);
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
        require(t, fp);
        if (builtins.contains(t.path() + " " + fp)) {
            throw SimulatedF5Error.tmos(400, "The " + t.display() + " (" + fp + ") is a system-supplied object and cannot be deleted.", 3);
        }
        for (Map.Entry<String, TreeMap<String, ObjectNode>> e : objects.entrySet()) {
            TypeSpec u = Types.get(e.getKey());
            for (Map.Entry<String, ObjectNode> o : e.getValue().entrySet()) {
                for (Ref r : refs(u, o.getValue())) {
                    if (r.fullPath.equals(fp) && r.types.contains(t.path()) && !(u == t && o.getKey().equals(fp))) {
                        throw inUse(t, fp, u, o.getKey());
                    }
                }
            }
        }
        objects.get(t.path()).remove(fp);
        generations.remove(t.path() + " " + fp);
        generation++;
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

    /** Normalises, validates and stores an object; nothing is stored when a rule fails. */
    private void store(TypeSpec t, String fp, ObjectNode o, ObjectNode previous) {
        normalize(t, fp, o, previous);
        for (Ref r : refs(t, o)) {
            boolean found = false;
            for (String type : r.types) {
                found |= exists(type, r.fullPath) || (type.equals(t.path()) && r.fullPath.equals(fp));
            }
            if (!found) {
                throw notFound(r.display, r.fullPath, 400);
            }
        }
        checkExtra(t, fp, o);
        objects.get(t.path()).put(fp, reorder(o));
        generations.put(t.path() + " " + fp, ++generation);
    }

    // ---------------------------------------------------------------- sub-collections

    private JsonNode subCreate(TypeSpec t, String parentFp, TypeSpec.SubSpec sub, JsonNode body, String rest) {
        ObjectNode parent = require(t, parentFp);
        ObjectNode in = input(sub.attributes(), body, rest);
        ObjectNode o = parent.deepCopy();
        ArrayNode items = o.has(sub.bodyKey()) ? (ArrayNode) o.get(sub.bodyKey()) : o.putArray(sub.bodyKey());
        items.add(in);
        store(t, parentFp, o, parent);
        ObjectNode stored = objects.get(t.path()).get(parentFp);
        ArrayNode after = (ArrayNode) stored.get(sub.bodyKey());
        return subItemRender(t, sub, stored, (ObjectNode) after.get(after.size() - 1));
    }

    private ObjectNode subFind(TypeSpec t, Target tg, ObjectNode parent) {
        JsonNode items = parent.get(tg.sub.bodyKey());
        if (items != null) {
            for (JsonNode i : items) {
                if (subKey(tg.sub, i).equals(tg.subItem)) {
                    return (ObjectNode) i;
                }
            }
        }
        throw subNotFound(tg.sub, tg.item, tg.subItem);
    }

    private static SimulatedF5Error subNotFound(TypeSpec.SubSpec sub, String parentFp, String key) {
        if (sub.segment().equals("members") && sub.partitioned()) {
            String[] ap = Names.splitAddressPort(Names.nameOf(key));
            String desc = ap == null ? key : Names.partitionOf(key).isEmpty() ? key
                    : "/" + Names.partitionOf(key) + "/" + ap[0] + " " + ap[1];
            return SimulatedF5Error.tmos(404, "01020036:3: The requested " + sub.display() + " (" + parentFp + " " + desc
                    + ") was not found.", 3);
        }
        return SimulatedF5Error.tmos(404, "01020036:3: The requested " + sub.display() + " (" + parentFp + " " + key
                + ") was not found.", 3);
    }

    private static String subKey(TypeSpec.SubSpec sub, JsonNode item) {
        return sub.partitioned() ? "/" + item.path("partition").asText("Common") + "/" + item.path("name").asText()
                : item.path("name").asText();
    }

    private JsonNode subUpdate(TypeSpec t, Target tg, JsonNode body, boolean replace, String rest) {
        ObjectNode parent = require(t, tg.item);
        ObjectNode current = subFind(t, tg, parent);
        ObjectNode in = input(tg.sub.attributes(), body, rest);
        JsonNode n = in.remove("name");
        in.remove("partition");
        if (n != null && !n.asText().equals(current.get("name").asText())) {
            throw SimulatedF5Error.tmos(400, "The name of " + tg.subItem + " cannot be changed to " + n.asText() + ".", 1);
        }
        ObjectNode o = parent.deepCopy();
        ArrayNode items = (ArrayNode) o.get(tg.sub.bodyKey());
        int index = -1;
        for (int i = 0; i < items.size(); i++) {
            if (subKey(tg.sub, items.get(i)).equals(tg.subItem)) {
                index = i;
            }
        }
        ObjectNode item;
        if (replace) {
            item = F5SimJson.object();
            item.put("name", current.get("name").asText());
            if (tg.sub.partitioned()) {
                item.put("partition", current.path("partition").asText("Common"));
            }
        } else {
            item = current.deepCopy();
        }
        item.setAll(in);
        if (item.has("description") && item.get("description").asText().isEmpty()) {
            item.remove("description"); // BIG-IP keeps no empty description
        }
        items.set(index, item);
        store(t, tg.item, o, parent);
        ObjectNode stored = objects.get(t.path()).get(tg.item);
        return subItemRender(t, tg.sub, stored, (ObjectNode) stored.get(tg.sub.bodyKey()).get(index));
    }

    private void subDelete(TypeSpec t, Target tg) {
        ObjectNode parent = require(t, tg.item);
        subFind(t, tg, parent);
        ObjectNode o = parent.deepCopy();
        ArrayNode items = (ArrayNode) o.get(tg.sub.bodyKey());
        for (int i = 0; i < items.size(); i++) {
            if (subKey(tg.sub, items.get(i)).equals(tg.subItem)) {
                items.remove(i);
                break;
            }
        }
        store(t, tg.item, o, parent);
    }

    // ---------------------------------------------------------------- input rules

    private static ObjectNode input(Set<String> attributes, JsonNode body, String rest) {
        if (body == null || !body.isObject()) {
            throw SimulatedF5Error.tmos(400, "Found invalid JSON body in the request.", 1);
        }
        ObjectNode in = F5SimJson.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String k = f.getKey();
            if (READ_ONLY.contains(k) || k.endsWith("Reference")) {
                continue;
            }
            if (!k.equals("name") && !k.equals("partition") && !attributes.contains(k)) {
                throw SimulatedF5Error.tmos(400, "Found unexpected json pair at configuration item /" + rest
                        + ". The json pair is \"" + k + "\":" + F5SimJson.write(f.getValue()) + ".", 26214401);
            }
            in.set(k, f.getValue().deepCopy());
        }
        return in;
    }

    private static ObjectNode reorder(ObjectNode o) {
        ObjectNode r = F5SimJson.object();
        r.set("name", o.get("name"));
        r.set("partition", o.get("partition"));
        o.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("name") && !f.getKey().equals("partition")) {
                r.set(f.getKey(), f.getValue());
            }
        });
        return r;
    }

    private static void integer(ObjectNode o, String key, long min, long max, String... words) {
        JsonNode v = o.get(key);
        if (v == null) {
            return;
        }
        for (String w : words) {
            if (v.isTextual() && v.asText().equals(w)) {
                return;
            }
        }
        long n;
        if (v.isIntegralNumber()) {
            n = v.asLong();
        } else if (v.isTextual() && !v.asText().isEmpty() && v.asText().chars().allMatch(Character::isDigit)
                && v.asText().length() < 12) {
            n = Long.parseLong(v.asText());
        } else {
            throw SimulatedF5Error.tmos(400, "Invalid value for " + key + ": " + F5SimJson.write(v) + " (expected an integer from "
                    + min + " to " + max + ").", 26214401);
        }
        if (n < min || n > max) {
            throw SimulatedF5Error.tmos(400, "Invalid value for " + key + ": " + n + " (expected an integer from " + min + " to "
                    + max + ").", 26214401);
        }
        o.put(key, n);
    }

    private static void oneOf(ObjectNode o, String key, Set<String> allowed) {
        JsonNode v = o.get(key);
        if (v != null && !allowed.contains(v.asText())) {
            throw SimulatedF5Error.tmos(400, "Invalid value for " + key + ": " + F5SimJson.write(v) + " (expected one of "
                    + new java.util.TreeSet<>(allowed) + ").", 26214401);
        }
    }

    private static String mask(String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return "$M$" + Base64.getEncoder().encodeToString(d).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void maskSecret(ObjectNode o, String key) {
        JsonNode v = o.get(key);
        if (v != null && v.isTextual() && !v.asText().startsWith("$M$") && !v.asText().isEmpty()) {
            o.put(key, mask(v.asText()));
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
        List<String> names = monitorNames(v, partition);
        if (v.startsWith("min ")) {
            String[] parts = v.split("\\s+");
            return "min " + parts[1] + " of { " + String.join(" ", names) + " }";
        }
        return String.join(" and ", names);
    }

    private static List<String> monitorNames(String expr, String partition) {
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

    private static ArrayNode arrayOf(ObjectNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw SimulatedF5Error.tmos(400, "Invalid value for " + key + ": " + F5SimJson.write(v) + " (expected a list).", 26214401);
        }
        return (ArrayNode) v;
    }

    // ---------------------------------------------------------------- per-type rules

    private void normalize(TypeSpec t, String fp, ObjectNode o, ObjectNode previous) {
        String partition = o.get("partition").asText();
        maskSecret(o, "password");
        maskSecret(o, "passphrase");
        if (o.has("defaultsFrom") && !o.get("defaultsFrom").asText().equals("none")) {
            o.put("defaultsFrom", Names.qualify(o.get("defaultsFrom").asText(), partition));
        }
        if (Types.MONITORS.contains(t.path())) {
            integer(o, "interval", 1, 86400);
            integer(o, "timeout", 1, 86400);
            integer(o, "timeUntilUp", 0, 86400);
            integer(o, "upInterval", 0, 86400);
        }
        switch (t.path()) {
            case "ltm/node":
                normalizeNode(o, partition);
                break;
            case "ltm/pool":
                normalizePool(t, fp, o, partition);
                break;
            case "ltm/virtual":
                normalizeVirtual(fp, o, partition);
                break;
            case "ltm/profile/tcp":
                integer(o, "idleTimeout", 0, 4294967295L, "indefinite");
                break;
            case "ltm/profile/client-ssl":
                normalizeClientSsl(o, partition);
                break;
            case "ltm/profile/server-ssl":
                for (String k : List.of("cert", "key", "chain", "caFile")) {
                    qualifyUnlessNone(o, k, partition);
                }
                break;
            case "ltm/persistence/source-addr":
                if (o.has("timeout")) {
                    integer(o, "timeout", 0, 4294967295L, "indefinite");
                    o.put("timeout", o.get("timeout").asText());
                }
                break;
            case "sys/file/ssl-cert":
            case "sys/file/ssl-key":
                if (previous == null) {
                    install(t, fp, o);
                }
                break;
            case "gtm/server":
                normalizeGtmServer(o, partition);
                break;
            case "gtm/pool/a":
                normalizeGtmPool(fp, o, partition);
                break;
            case "gtm/wideip/a":
                normalizeWideIp(o, partition);
                break;
            default:
                break;
        }
    }

    private static void qualifyUnlessNone(ObjectNode o, String key, String partition) {
        JsonNode v = o.get(key);
        if (v != null && v.isTextual() && !v.asText().equals("none") && !v.asText().isEmpty()) {
            o.put(key, Names.qualify(v.asText(), partition));
        }
    }

    private static void normalizeNode(ObjectNode o, String partition) {
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
        integer(o, "ratio", 1, 65535);
        integer(o, "connectionLimit", 0, 4294967295L);
    }

    private static void monitorField(ObjectNode o, String partition, String dflt) {
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

    private void normalizePool(TypeSpec t, String fp, ObjectNode o, String partition) {
        monitorField(o, partition, null);
        integer(o, "minActiveMembers", 0, 65535);
        integer(o, "minUpMembers", 0, 65535);
        integer(o, "slowRampTime", 0, 4294967295L);
        integer(o, "reselectTries", 0, 65535);
        integer(o, "queueDepthLimit", 0, 4294967295L);
        integer(o, "queueTimeLimit", 0, 4294967295L);
        oneOf(o, "loadBalancingMode", LB_MODES);
        oneOf(o, "serviceDownAction", Set.of("none", "reset", "drop", "reselect"));
        oneOf(o, "minUpMembersAction", Set.of("failover", "reboot", "restart-all"));
        ArrayNode members = arrayOf(o, "members");
        if (members == null) {
            o.remove("members");
            return;
        }
        TypeSpec.SubSpec sub = t.subs().get("members");
        ArrayNode out = F5SimJson.array();
        Set<String> seen = new HashSet<>();
        for (JsonNode raw : members) {
            ObjectNode in = raw.isTextual() ? nameOnly(raw.asText()) : input(sub.attributes(), raw, t.path() + "/members");
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
            ObjectNode node = objects.get("ltm/node").get(nodeFp);
            if (node == null && Names.isAddress(ap[0])) {
                node = Types.get("ltm/node").defaults().deepCopy();
                node.put("name", ap[0]);
                node.put("partition", mp);
                node.put("address", ap[0]);
                normalizeNode(node, mp);
                objects.get("ltm/node").put(nodeFp, reorder(node));
                generations.put("ltm/node " + nodeFp, ++generation);
            }
            if (node == null) {
                throw notFound("Node", nodeFp, 400);
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
            integer(m, "priorityGroup", 0, 65535);
            integer(m, "ratio", 1, 65535);
            integer(m, "connectionLimit", 0, 4294967295L);
            oneOf(m, "session", Set.of("user-enabled", "user-disabled", "monitor-enabled"));
            oneOf(m, "state", Set.of("user-up", "user-down", "up", "down", "checking", "unchecked", "fqdn-up",
                    "fqdn-down", "fqdn-checking", "fqdn-up-no-addr"));
            monitorField(m, mp, "default");
            out.add(reorder(m));
        }
        o.set("members", out);
    }

    private static ObjectNode nameOnly(String name) {
        ObjectNode n = F5SimJson.object();
        n.put("name", name);
        return n;
    }

    private void normalizeVirtual(String fp, ObjectNode o, String partition) {
        String dest = F5SimJson.text(o.get("destination"));
        if (dest == null || dest.isBlank()) {
            throw SimulatedF5Error.tmos(400, "A virtual server must have a destination (" + fp + ").", 26214401);
        }
        String dp = dest.startsWith("/") ? Names.partitionOf(dest) : partition;
        String[] ap = Names.splitAddressPort(dest.startsWith("/") ? Names.nameOf(dest) : dest);
        if (ap == null || !Names.isAddress(ap[0])) {
            throw SimulatedF5Error.tmos(400, "Invalid destination \"" + dest + "\" for virtual server " + fp
                    + ": expected /Partition/address:port, with %N for a route domain and address.port for IPv6.", 26214401);
        }
        boolean v6 = ap[0].contains(":");
        o.put("destination", "/" + dp + "/" + ap[0] + (v6 ? "." : ":") + ap[1]);
        if (v6 && "255.255.255.255".equals(F5SimJson.text(o.get("mask")))) {
            o.put("mask", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
        }
        JsonNode proto = o.get("ipProtocol");
        if (proto != null && (proto.isIntegralNumber() || proto.asText().matches("\\d+"))) {
            // clients (Ansible's bigip_virtual_server) send the IANA number; BIG-IP stores and shows the name
            String named = IP_PROTOCOLS.get(proto.asInt());
            if (named != null) {
                o.put("ipProtocol", named);
            }
        }
        oneOf(o, "ipProtocol", Set.of("tcp", "udp", "sctp", "any", "icmp", "ipv6-icmp"));
        JsonNode pool = o.get("pool");
        if (pool != null && (pool.isNull() || pool.asText().isEmpty() || pool.asText().equals("none"))) {
            o.remove("pool");
        } else if (pool != null) {
            o.put("pool", Names.qualify(pool.asText(), partition));
        }
        JsonNode fb = o.get("fallbackPersistence");
        if (fb != null && (fb.asText().isEmpty() || fb.asText().equals("none"))) {
            o.remove("fallbackPersistence");
        } else if (fb != null) {
            o.put("fallbackPersistence", Names.qualify(fb.asText(), partition));
        }
        JsonNode sat = o.get("sourceAddressTranslation");
        if (sat != null) {
            if (!sat.isObject()) {
                throw SimulatedF5Error.tmos(400, "Invalid value for sourceAddressTranslation: " + F5SimJson.write(sat)
                        + " (expected {\"type\":\"automap|none|snat|lsn\"}).", 26214401);
            }
            oneOf((ObjectNode) sat, "type", Set.of("automap", "none", "snat", "lsn"));
            if (!sat.has("type")) {
                ((ObjectNode) sat).put("type", "none");
            }
        }
        if (o.path("disabled").asBoolean(false)) {
            o.remove("enabled");
            o.put("disabled", true);
        } else {
            o.remove("disabled");
            o.put("enabled", true);
        }
        ArrayNode profiles = arrayOf(o, "profiles");
        if (profiles != null) {
            ArrayNode out = F5SimJson.array();
            Set<String> seen = new HashSet<>();
            for (JsonNode p : profiles) {
                String name = p.isTextual() ? p.asText() : F5SimJson.text(p.get("name"));
                if (name == null) {
                    throw SimulatedF5Error.tmos(400, "one or more configuration identifiers must be provided", 26214401);
                }
                if (p.isObject()) {
                    input(Set.of("context"), p, "ltm/virtual/profiles");
                }
                String pp = p.isObject() && p.has("partition") ? p.get("partition").asText() : partition;
                String pfp = Names.qualify(name, pp);
                if (!seen.add(pfp)) {
                    continue;
                }
                String context = p.isObject() && p.has("context") ? p.get("context").asText() : "all";
                if (exists("ltm/profile/client-ssl", pfp)) {
                    context = "clientside";
                } else if (exists("ltm/profile/server-ssl", pfp)) {
                    context = "serverside";
                }
                if (!Set.of("all", "clientside", "serverside").contains(context)) {
                    throw SimulatedF5Error.tmos(400, "Invalid profile context \"" + context + "\" for " + pfp + ".", 26214401);
                }
                ObjectNode e = F5SimJson.object();
                e.put("name", Names.nameOf(pfp));
                e.put("partition", Names.partitionOf(pfp));
                e.put("context", context);
                out.add(e);
            }
            o.set("profiles", out);
        }
        ArrayNode persist = arrayOf(o, "persist");
        if (persist != null) {
            ArrayNode out = F5SimJson.array();
            for (JsonNode p : persist) {
                String name = p.isTextual() ? p.asText() : F5SimJson.text(p.get("name"));
                if (name == null) {
                    continue;
                }
                String pp = p.isObject() && p.has("partition") ? p.get("partition").asText() : partition;
                String pfp = Names.qualify(name, pp);
                ObjectNode e = F5SimJson.object();
                e.put("name", Names.nameOf(pfp));
                e.put("partition", Names.partitionOf(pfp));
                e.put("tmDefault", "yes");
                out.add(e);
            }
            if (out.size() > 1) {
                throw SimulatedF5Error.tmos(400, "Only one default persistence profile is allowed on virtual server " + fp + ".", 3);
            }
            if (out.isEmpty()) {
                o.remove("persist");
            } else {
                o.set("persist", out);
            }
        }
    }

    private static void normalizeClientSsl(ObjectNode o, String partition) {
        ArrayNode chain = arrayOf(o, "certKeyChain");
        if (chain != null) {
            ArrayNode out = F5SimJson.array();
            for (JsonNode c : chain) {
                ObjectNode e = input(Set.of("appService", "cert", "chain", "key", "passphrase"), c,
                        "ltm/profile/client-ssl/certKeyChain");
                if (!e.has("name")) {
                    e.put("name", "default");
                }
                e.remove("partition");
                for (String k : List.of("cert", "key", "chain")) {
                    qualifyUnlessNone(e, k, partition);
                }
                if (!e.has("chain")) {
                    e.put("chain", "none");
                }
                maskSecret(e, "passphrase");
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
            qualifyUnlessNone(o, k, partition);
        }
    }

    private void normalizeGtmServer(ObjectNode o, String partition) {
        String dc = F5SimJson.text(o.get("datacenter"));
        if (dc == null || dc.isBlank()) {
            throw SimulatedF5Error.tmos(400, "A GTM server must have a datacenter (" + o.get("name").asText() + ").", 26214401);
        }
        o.put("datacenter", Names.qualify(dc, partition));
        ArrayNode vss = arrayOf(o, "virtualServers");
        if (vss != null) {
            TypeSpec.SubSpec sub = Types.get("gtm/server").subs().get("virtual-servers");
            ArrayNode out = F5SimJson.array();
            Set<String> seen = new HashSet<>();
            for (JsonNode raw : vss) {
                ObjectNode in = input(sub.attributes(), raw, "gtm/server/virtual-servers");
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

    private void normalizeGtmPool(String fp, ObjectNode o, String partition) {
        ArrayNode members = arrayOf(o, "members");
        if (members == null) {
            return;
        }
        TypeSpec.SubSpec sub = Types.get("gtm/pool/a").subs().get("members");
        ArrayNode out = F5SimJson.array();
        Set<String> seen = new HashSet<>();
        int order = 0;
        for (JsonNode raw : members) {
            ObjectNode in = raw.isTextual() ? nameOnly(raw.asText()) : input(sub.attributes(), raw, "gtm/pool/a/members");
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
            ObjectNode server = objects.get("gtm/server").get(serverFp);
            if (server == null) {
                throw notFound("Server", serverFp, 400);
            }
            boolean found = false;
            for (JsonNode v : server.path("virtualServers")) {
                found |= v.path("name").asText().equals(vs);
            }
            if (!found) {
                throw notFound("Virtual Server", serverFp + " " + vs, 400);
            }
            ObjectNode m = sub.defaults().deepCopy();
            m.put("name", name);
            m.put("partition", mp);
            m.put("memberOrder", order++);
            m.setAll(in);
            integer(m, "memberOrder", 0, 65535);
            integer(m, "ratio", 0, 4294967295L);
            out.add(reorder(m));
        }
        o.set("members", out);
    }

    private static void normalizeWideIp(ObjectNode o, String partition) {
        oneOf(o, "poolLbMode", Set.of("round-robin", "ratio", "topology", "global-availability"));
        ArrayNode pools = arrayOf(o, "pools");
        if (pools == null) {
            return;
        }
        ArrayNode out = F5SimJson.array();
        int order = 0;
        for (JsonNode raw : pools) {
            ObjectNode in = input(Set.of("order", "ratio"), raw, "gtm/wideip/a/pools");
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
            integer(e, "order", 0, 65535);
            integer(e, "ratio", 0, 4294967295L);
            out.add(e);
        }
        o.set("pools", out);
    }

    private void install(TypeSpec t, String fp, ObjectNode o) {
        String src = F5SimJson.text(o.get("sourcePath"));
        if (src == null) {
            throw SimulatedF5Error.tmos(400, "A " + t.display() + " needs a sourcePath (" + fp + ").", 26214401);
        }
        String path = src.startsWith("file://") ? src.substring("file://".length()) : src;
        if (!path.startsWith(DOWNLOADS)) {
            throw SimulatedF5Error.tmos(400, "File not found: " + path + " (upload it to "
                    + "/mgmt/shared/file-transfer/uploads/ first).", 3);
        }
        byte[] bytes = files.apply(path.substring(DOWNLOADS.length()));
        if (bytes == null) {
            throw SimulatedF5Error.tmos(400, "File not found: " + path + " (upload it to "
                    + "/mgmt/shared/file-transfer/uploads/ first).", 3);
        }
        o.put("sourcePath", "file://" + path);
        String sha1;
        try {
            StringBuilder hex = new StringBuilder();
            for (byte b : MessageDigest.getInstance("SHA-1").digest(bytes)) {
                hex.append(String.format("%02x", b));
            }
            sha1 = hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        o.put("checksum", "SHA1:" + bytes.length + ":" + sha1);
        o.put("size", bytes.length);
        if (t.path().equals("sys/file/ssl-cert")) {
            Pem.describeCertificate(fp, bytes, o);
        } else {
            Pem.describeKey(fp, bytes, o.has("passphrase"), o);
            o.remove("passphrase");
        }
    }

    private void checkExtra(TypeSpec t, String fp, ObjectNode o) {
        if (t.path().equals("ltm/virtual")) {
            String dest = o.get("destination").asText();
            String proto = o.path("ipProtocol").asText("any");
            for (Map.Entry<String, ObjectNode> e : objects.get("ltm/virtual").entrySet()) {
                if (!e.getKey().equals(fp) && e.getValue().get("destination").asText().equals(dest)
                        && (e.getValue().path("ipProtocol").asText("any").equals(proto) || proto.equals("any")
                                || e.getValue().path("ipProtocol").asText("any").equals("any"))) {
                    throw SimulatedF5Error.tmos(409, "01070333:3: Virtual Server " + fp + " illegally shares destination address, "
                            + "source address, service port, ip-protocol, and route domain with Virtual Server "
                            + e.getKey() + ".", 3);
                }
            }
        }
    }

    private static List<Ref> refs(TypeSpec t, ObjectNode o) {
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

    // ---------------------------------------------------------------- rendering

    private String selfLink(TypeSpec t, String fp, String suffix) {
        return Names.SELF + t.path() + "/" + Names.tilde(fp) + suffix + "?ver=" + Names.VERSION;
    }

    private JsonNode list(TypeSpec t, String filter, boolean expand) {
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
        for (Map.Entry<String, ObjectNode> e : objects.get(t.path()).entrySet()) {
            if (onlyPartition == null || onlyPartition.equals(e.getValue().path("partition").asText())) {
                items.add(render(t, e.getValue(), expand));
            }
        }
        if (!items.isEmpty()) {
            r.set("items", items);
        }
        return r;
    }

    private ObjectNode render(TypeSpec t, ObjectNode stored, boolean expand) {
        String fp = "/" + stored.get("partition").asText() + "/" + stored.get("name").asText();
        ObjectNode r = F5SimJson.object();
        r.put("kind", t.kind());
        r.put("name", stored.get("name").asText());
        r.put("partition", stored.get("partition").asText());
        r.put("fullPath", fp);
        r.put("generation", generations.getOrDefault(t.path() + " " + fp, 0L));
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

    private static String refName(TypeSpec.SubSpec s) {
        return s.bodyKey() + "Reference";
    }

    private ObjectNode subList(TypeSpec t, TypeSpec.SubSpec sub, ObjectNode parent) {
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

    private ObjectNode subItemRender(TypeSpec t, TypeSpec.SubSpec sub, ObjectNode parent, ObjectNode item) {
        String pfp = "/" + parent.get("partition").asText() + "/" + parent.get("name").asText();
        String key = subKey(sub, item);
        ObjectNode r = F5SimJson.object();
        r.put("kind", t.subKind(sub));
        r.put("name", item.get("name").asText());
        if (sub.partitioned()) {
            r.put("partition", item.path("partition").asText("Common"));
        }
        r.put("fullPath", key);
        r.put("generation", generations.getOrDefault(t.path() + " " + pfp, 0L));
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
            if (exists(type, fp)) {
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

    private ObjectNode render(TypeSpec t, String fp, boolean expand) {
        return render(t, objects.get(t.path()).get(fp), expand);
    }
}
