package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;
import static io.hakit.citrix.sim.internal.NitroValues.F;
import static io.hakit.citrix.sim.internal.NitroValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of one simulated ADC: every object, AUTO resource and binding by type and identity, and
 * every uploaded file by full path. Sorted maps, so every listing and snapshot comes out in the same
 * order. Not thread-safe: the caller holds the store's lock.
 */
final class ResourceTable {
    /** resource type to (identity to stored attributes); objects, AUTO resources and bindings alike */
    private final Map<String, TreeMap<String, ObjectNode>> data = new TreeMap<>();
    /** full path to {filename, filelocation, filecontent, fileencoding} */
    private final TreeMap<String, ObjectNode> files = new TreeMap<>();

    /** @return a deep copy */
    ResourceTable copy() {
        ResourceTable c = new ResourceTable();
        data.forEach((type, rows) -> {
            TreeMap<String, ObjectNode> copy = new TreeMap<>();
            rows.forEach((k, v) -> copy.put(k, v.deepCopy()));
            c.data.put(type, copy);
        });
        files.forEach((k, v) -> c.files.put(k, v.deepCopy()));
        return c;
    }

    /** @param saved the rows to hold from now on (copied) */
    void restore(ResourceTable saved) {
        ResourceTable c = saved.copy();
        data.clear();
        data.putAll(c.data);
        files.clear();
        files.putAll(c.files);
    }

    /** @return every object, binding and file, in a deterministic order, as stored */
    ObjectNode snapshot() {
        ObjectNode out = F.objectNode();
        data.forEach((type, rows) -> {
            if (!rows.isEmpty()) {
                ArrayNode a = out.putArray(type);
                rows.values().forEach(v -> a.add(sorted(v)));
            }
        });
        if (!files.isEmpty()) {
            ArrayNode a = out.putArray("systemfile");
            files.values().forEach(v -> a.add(sorted(v)));
        }
        return out;
    }

    private static ObjectNode sorted(ObjectNode v) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        v.properties().forEach(e -> m.put(e.getKey(), e.getValue()));
        ObjectNode o = F.objectNode();
        new TreeMap<>(m).forEach((k, x) -> o.set(k, x.deepCopy()));
        return o;
    }

    /** @return the rows of one type, created empty when there are none; changes go to the table */
    TreeMap<String, ObjectNode> rows(String type) {
        return data.computeIfAbsent(type, t -> new TreeMap<>());
    }

    /** @return the stored object (not a copy), or {@code null} */
    ObjectNode find(String type, String key) {
        TreeMap<String, ObjectNode> r = data.get(type);
        return r == null ? null : r.get(key);
    }

    /** @return the stored objects of one type in key order (the objects themselves, in a new list) */
    List<ObjectNode> all(String type) {
        TreeMap<String, ObjectNode> r = data.get(type);
        return r == null ? List.of() : new ArrayList<>(r.values());
    }

    /** @return the objects of that type whose {@code attr} is {@code value} */
    List<ObjectNode> refs(String type, String attr, String value) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode o : all(type)) {
            if (value.equals(text(o, attr))) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * @return the stored object
     * @throws io.hakit.sim.SimulatorException NITRO's "no such" error (461 for an sslvserver, else 258) when absent
     */
    ObjectNode existing(ResourceDef d, String key) {
        ObjectNode existing = find(d.name, key);
        if (existing == null) {
            if (d.name.equals("sslvserver")) {
                throw error(NitroErrorCodes.NO_SUCH_VSERVER, key);
            }
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, d.key, key);
        }
        return existing;
    }

    /** @return the files by full path; changes go to the table */
    TreeMap<String, ObjectNode> files() {
        return files;
    }
}
