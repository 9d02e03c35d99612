package io.hakit.model.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One change to one device object: its operation, the vendor's object type (e.g.
 * {@code lbvserver}, {@code ltm/pool}, {@code webFarm}), the object's name, and its
 * attributes before and after. Attribute maps keep their order. Immutable and
 * thread-safe (attribute values must be immutable: strings, numbers, booleans, or
 * unmodifiable lists and maps of them).
 *
 * @param op what the change does
 * @param type the vendor's object type
 * @param name the object's name
 * @param before the attributes as they are on the device (empty for a create)
 * @param after the attributes as they will be (empty for a delete)
 */
public record Change(ChangeOp op, String type, String name, Map<String, Object> before, Map<String, Object> after) {

    /**
     * @throws NullPointerException naming a null argument
     */
    public Change {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        before = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(before, "before")));
        after = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(after, "after")));
    }

    /**
     * @param type the vendor's object type
     * @param name the object's name
     * @param attributes its attributes
     * @return a create
     */
    public static Change create(String type, String name, Map<String, Object> attributes) {
        return new Change(ChangeOp.CREATE, type, name, Map.of(), attributes);
    }

    /**
     * Builds an update holding only the attributes that differ.
     *
     * @param type the vendor's object type
     * @param name the object's name
     * @param current the attributes on the device
     * @param desired the attributes wanted
     * @return the update; {@link #isNoOp()} when nothing differs
     */
    public static Change update(String type, String name, Map<String, Object> current, Map<String, Object> desired) {
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : desired.entrySet()) {
            Object was = current.get(e.getKey());
            if (!Objects.equals(was, e.getValue())) {
                if (was != null) {
                    before.put(e.getKey(), was);
                }
                after.put(e.getKey(), e.getValue());
            }
        }
        return new Change(ChangeOp.UPDATE, type, name, before, after);
    }

    /**
     * @param type the vendor's object type
     * @param name the object's name
     * @param attributes its attributes as they are
     * @return a delete
     */
    public static Change delete(String type, String name, Map<String, Object> attributes) {
        return new Change(ChangeOp.DELETE, type, name, attributes, Map.of());
    }

    /**
     * @param type the binding's type, e.g. {@code lbvserver_servicegroup_binding}
     * @param name the object bound to, e.g. the virtual server
     * @param attributes what is bound, e.g. {@code servicegroupname}
     * @return a bind
     */
    public static Change bind(String type, String name, Map<String, Object> attributes) {
        return new Change(ChangeOp.BIND, type, name, Map.of(), attributes);
    }

    /**
     * @param type the binding's type
     * @param name the object unbound from
     * @param attributes what is unbound
     * @return an unbind
     */
    public static Change unbind(String type, String name, Map<String, Object> attributes) {
        return new Change(ChangeOp.UNBIND, type, name, attributes, Map.of());
    }

    /** @return whether the change changes nothing (an update with no differing attribute) */
    public boolean isNoOp() {
        return op == ChangeOp.UPDATE && after.isEmpty();
    }

    /** @return the attributes the change is about: the new values, or for a delete/unbind the old */
    public Map<String, Object> attributes() {
        return op == ChangeOp.DELETE || op == ChangeOp.UNBIND ? before : after;
    }

    @Override
    public String toString() {
        return op + " " + type + " " + name;
    }
}
