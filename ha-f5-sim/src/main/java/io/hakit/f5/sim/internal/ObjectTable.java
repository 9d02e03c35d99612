package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The objects of a configuration by type path and full path, with the {@code generation} of each
 * and which ones are system-supplied. Only stores: the rules of what may be stored live in
 * {@link ConfigStore} and the classes it calls. Not thread-safe. A stored node is never changed
 * after it is stored, so {@link #copy()} shares the nodes.
 */
final class ObjectTable {
    private final TreeMap<String, TreeMap<String, ObjectNode>> objects = new TreeMap<>();
    private final Map<String, Long> generations = new HashMap<>();
    private final Set<String> builtins = new HashSet<>();
    private long generation;

    /** @return an independent table holding the same nodes */
    ObjectTable copy() {
        ObjectTable c = new ObjectTable();
        for (Map.Entry<String, TreeMap<String, ObjectNode>> e : objects.entrySet()) {
            c.objects.put(e.getKey(), new TreeMap<>(e.getValue()));
        }
        c.generations.putAll(generations);
        c.builtins.addAll(builtins);
        c.generation = generation;
        return c;
    }

    /** @param type a type path to hold objects of, empty */
    void addType(String type) {
        objects.put(type, new TreeMap<>());
    }

    /**
     * Stores an object of a fresh device, at generation 1.
     *
     * @param type its type path
     * @param fp its full path
     * @param o the object
     * @param builtin whether it is system-supplied (cannot be deleted)
     */
    void putInitial(String type, String fp, ObjectNode o, boolean builtin) {
        objects.get(type).put(fp, o);
        if (builtin) {
            builtins.add(type + " " + fp);
        }
        generations.put(type + " " + fp, 1L);
    }

    /** @param generation the table's generation counter */
    void generation(long generation) {
        this.generation = generation;
    }

    /**
     * Stores an object (new or replacing one) at the next generation.
     *
     * @param type its type path
     * @param fp its full path
     * @param o the object, in its stored form
     */
    void put(String type, String fp, ObjectNode o) {
        objects.get(type).put(fp, o);
        generations.put(type + " " + fp, ++generation);
    }

    /**
     * @param type a type path
     * @param fp a full path
     */
    void remove(String type, String fp) {
        objects.get(type).remove(fp);
        generations.remove(type + " " + fp);
        generation++;
    }

    /**
     * @param type a type path
     * @param fp a full path
     * @return the object, or {@code null}
     */
    ObjectNode get(String type, String fp) {
        return objects.get(type).get(fp);
    }

    /**
     * @param type a type path
     * @param fullPath a full path
     * @return whether that object exists
     */
    boolean exists(String type, String fullPath) {
        TreeMap<String, ObjectNode> m = objects.get(type);
        return m != null && m.containsKey(fullPath);
    }

    /**
     * @param t a type
     * @param fp a full path
     * @return the object
     * @throws SimulatedF5Error 404 {@code 01020036:3} when there is none
     */
    ObjectNode require(TypeSpec t, String fp) {
        ObjectNode o = get(t.path(), fp);
        if (o == null) {
            throw notFound(t.display(), fp, 404);
        }
        return o;
    }

    /**
     * @param type a type path
     * @return its objects by full path, sorted (the table's own map: do not change it)
     */
    TreeMap<String, ObjectNode> items(String type) {
        return objects.get(type);
    }

    /** @return every type path with its objects, sorted (the table's own maps: do not change them) */
    Set<Map.Entry<String, TreeMap<String, ObjectNode>>> types() {
        return objects.entrySet();
    }

    /**
     * @param type a type path
     * @param fp a full path
     * @return whether the object is system-supplied
     */
    boolean builtin(String type, String fp) {
        return builtins.contains(type + " " + fp);
    }

    /**
     * @param type a type path
     * @param fp a full path
     * @return the object's generation, 0 when unknown
     */
    long generation(String type, String fp) {
        return generations.getOrDefault(type + " " + fp, 0L);
    }

    /** @return every object, keys sorted, without generations or other counters */
    ObjectNode snapshot() {
        ObjectNode root = F5SimJson.object();
        for (Map.Entry<String, TreeMap<String, ObjectNode>> e : objects.entrySet()) {
            ObjectNode type = root.putObject(e.getKey());
            e.getValue().forEach((fp, o) -> type.set(fp, F5SimJson.sorted(o)));
        }
        return root;
    }

    /**
     * @param display what the object is, e.g. {@code Pool}
     * @param fp its full path
     * @param status 404 when the path named it, 400 when a body referred to it
     * @return the TMOS {@code 01020036:3} "was not found" error
     */
    static SimulatedF5Error notFound(String display, String fp, int status) {
        return SimulatedF5Error.tmos(status, "01020036:3: The requested " + display + " (" + fp + ") was not found.", 3);
    }
}
