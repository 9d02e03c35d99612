package io.hakit.f5.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where BIG-IP's representations are made comparable: references get their {@code /Common/}
 * prefix, booleans ({@code yes}/{@code no}, {@code true}/{@code false}, JSON booleans) become
 * {@code enabled}/{@code disabled}, numbers (and numeric strings) become longs, named list items (members,
 * profiles, persist, wide-IP pools) get full-path names and are sorted by name. {@link #project} then reduces
 * what a device returned to the attributes hakit manages, filling device defaults left out of a GET.
 */
public final class Normalizer {

    /** Attributes whose string values are references to other objects. */
    private static final Set<String> REFERENCES = Set.of("defaultsFrom", "pool", "monitor", "cert", "key", "chain",
            "caFile", "datacenter", "fallbackPersistence");
    /** Attributes whose values are free text and stay exactly as they are. */
    private static final Set<String> VERBATIM = Set.of("description", "send", "recv", "tmName", "sourcePath",
            "destination", "address", "name", "ipProtocol", "type", "context", "loadBalancingMode", "peerCertMode",
            "poolLbMode", "product", "deviceName");
    /** Defaults of attributes inside list items (pool members) that a GET may leave out. */
    private static final Map<String, Object> ITEM_DEFAULTS = Map.of("priorityGroup", 0L);

    private Normalizer() {
    }

    /**
     * @param node JSON
     * @return the same as immutable Java values
     */
    public static Object toJava(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> m.put(e.getKey(), toJava(e.getValue())));
            return Collections.unmodifiableMap(m);
        }
        if (node.isArray()) {
            List<Object> l = new ArrayList<>();
            node.forEach(n -> l.add(toJava(n)));
            return Collections.unmodifiableList(l);
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asText();
    }

    /**
     * @param value a value
     * @return an immutable copy (ints become longs)
     */
    @SuppressWarnings("unchecked")
    public static Object immutable(Object value) {
        if (value instanceof Map) {
            Map<String, Object> m = new LinkedHashMap<>();
            ((Map<String, Object>) value).forEach((k, v) -> {
                if (v != null) {
                    m.put(k, immutable(v));
                }
            });
            return Collections.unmodifiableMap(m);
        }
        if (value instanceof List) {
            List<Object> l = new ArrayList<>();
            ((List<Object>) value).forEach(v -> l.add(immutable(v)));
            return Collections.unmodifiableList(l);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("attribute values must be strings, numbers, booleans, lists or maps, not "
                + value.getClass().getName());
    }

    /**
     * @param attributes attributes of one object
     * @return them normalised
     */
    public static Map<String, Object> normalise(Map<String, Object> attributes) {
        Map<String, Object> m = new LinkedHashMap<>();
        attributes.forEach((k, v) -> m.put(k, normalise(k, v, "Common")));
        return Collections.unmodifiableMap(m);
    }

    @SuppressWarnings("unchecked")
    private static Object normalise(String key, Object value, String partition) {
        if (value instanceof Map) {
            Map<String, Object> in = (Map<String, Object>) value;
            Map<String, Object> m = new LinkedHashMap<>();
            in.forEach((k, v) -> m.put(k, normalise(k, v, partition)));
            return Collections.unmodifiableMap(m);
        }
        if (value instanceof List) {
            List<Object> l = new ArrayList<>();
            boolean named = true;
            for (Object item : (List<Object>) value) {
                if (item instanceof Map) {
                    Map<String, Object> im = (Map<String, Object>) item;
                    String itemPartition = im.get("partition") instanceof String ? (String) im.get("partition") : partition;
                    Map<String, Object> m = new LinkedHashMap<>();
                    im.forEach((k, v) -> {
                        if ("name".equals(k) && v instanceof String) {
                            m.put(k, qualify((String) v, itemPartition));
                        } else if (!"partition".equals(k) && !"fullPath".equals(k)) {
                            m.put(k, normalise(k, v, itemPartition));
                        }
                    });
                    named &= m.get("name") instanceof String;
                    l.add(Collections.unmodifiableMap(m));
                } else {
                    named = false;
                    l.add(normalise(key, item, partition));
                }
            }
            if (named) {
                l.sort(Comparator.comparing(o -> (String) ((Map<String, Object>) o).get("name")));
            }
            return Collections.unmodifiableList(l);
        }
        if (value instanceof Boolean) {
            return ((Boolean) value) ? "enabled" : "disabled";
        }
        if (value instanceof Number) {
            double d = ((Number) value).doubleValue();
            return d == Math.rint(d) ? (Object) ((Number) value).longValue() : (Object) d;
        }
        if (value instanceof String) {
            String s = (String) value;
            if (VERBATIM.contains(key)) {
                return s;
            }
            if (REFERENCES.contains(key)) {
                return s.isEmpty() || s.equals("none") || s.contains(" ") ? s : qualify(s, partition);
            }
            switch (s) {
                case "yes":
                case "true":
                case "enabled":
                    return "enabled";
                case "no":
                case "false":
                case "disabled":
                    return "disabled";
                default:
                    break;
            }
            if (!s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(s);
            }
            return s;
        }
        return value;
    }

    private static String qualify(String name, String partition) {
        return name.startsWith("/") ? name : "/" + partition + "/" + name;
    }

    /**
     * Reduces a device's (normalised) attributes to the shape of the desired ones: only desired keys, nested
     * maps by their desired keys, named lists item by item; absent values take the type's device default.
     *
     * @param current the device's normalised attributes
     * @param desired the wanted normalised attributes
     * @param defaults the type's defaults for absent top-level attributes
     * @return the device's values in the desired shape (absent ones left out)
     */
    public static Map<String, Object> project(Map<String, Object> current, Map<String, Object> desired,
            java.util.function.Function<String, Object> defaults) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : desired.entrySet()) {
            Object c = current.get(e.getKey());
            if (c == null) {
                c = defaults.apply(e.getKey());
            }
            if (c != null) {
                out.put(e.getKey(), projectValue(c, e.getValue()));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object projectValue(Object current, Object desired) {
        if (desired instanceof Map && current instanceof Map) {
            Map<String, Object> c = (Map<String, Object>) current;
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) desired).forEach((k, v) -> {
                Object cv = c.get(k);
                if (cv != null) {
                    out.put(k, projectValue(cv, v));
                }
            });
            return Collections.unmodifiableMap(out);
        }
        if (desired instanceof List && current instanceof List) {
            List<Object> d = (List<Object>) desired;
            List<Object> c = (List<Object>) current;
            Map<String, Object> byName = new LinkedHashMap<>();
            Map<String, Object> shape = null;
            for (Object o : d) {
                if (o instanceof Map && ((Map<String, Object>) o).get("name") instanceof String) {
                    byName.put((String) ((Map<String, Object>) o).get("name"), o);
                    if (shape == null) {
                        shape = (Map<String, Object>) o;
                    }
                }
            }
            if (shape == null) {
                return current;
            }
            List<Object> out = new ArrayList<>();
            for (Object o : c) {
                if (!(o instanceof Map)) {
                    out.add(o);
                    continue;
                }
                Map<String, Object> item = (Map<String, Object>) o;
                Object want = byName.getOrDefault(item.get("name"), shape);
                Map<String, Object> p = new LinkedHashMap<>();
                ((Map<String, Object>) want).forEach((k, v) -> {
                    Object cv = item.containsKey(k) ? item.get(k) : ITEM_DEFAULTS.get(k);
                    if (cv != null) {
                        p.put(k, projectValue(cv, v));
                    }
                });
                if (!p.containsKey("name") && item.get("name") != null) {
                    p.put("name", item.get("name"));
                }
                out.add(Collections.unmodifiableMap(p));
            }
            out.sort(Comparator.comparing(o -> String.valueOf(o instanceof Map ? ((Map<String, Object>) o).get("name") : o)));
            return Collections.unmodifiableList(out);
        }
        return current;
    }
}
