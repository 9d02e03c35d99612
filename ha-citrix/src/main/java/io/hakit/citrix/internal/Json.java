package io.hakit.citrix.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain Java values to and from Jackson trees (strings, numbers, booleans, lists, maps). */
public final class Json {

    private Json() {
    }

    /**
     * @param node a JSON object
     * @return its fields as immutable Java values, in order
     */
    public static Map<String, Object> toMap(JsonNode node) {
        Map<String, Object> m = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Object v = toValue(e.getValue());
            if (v != null) {
                m.put(e.getKey(), v);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    private static Object toValue(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> {
                Object v = toValue(x);
                if (v != null) {
                    l.add(v);
                }
            });
            return Collections.unmodifiableList(l);
        }
        return toMap(n);
    }

    /**
     * @param attributes Java values
     * @return a JSON object
     */
    public static ObjectNode toNode(Map<String, ?> attributes) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        attributes.forEach((k, v) -> o.set(k, node(v)));
        return o;
    }

    private static JsonNode node(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) {
            return f.nullNode();
        }
        if (v instanceof String) {
            return f.textNode((String) v);
        }
        if (v instanceof Boolean) {
            return f.booleanNode((Boolean) v);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return f.numberNode(((Number) v).longValue());
        }
        if (v instanceof Number) {
            return f.numberNode(((Number) v).doubleValue());
        }
        if (v instanceof List) {
            ArrayNode a = f.arrayNode();
            ((List<?>) v).forEach(x -> a.add(node(x)));
            return a;
        }
        if (v instanceof Map) {
            ObjectNode o = f.objectNode();
            ((Map<?, ?>) v).forEach((k, x) -> o.set(String.valueOf(k), node(x)));
            return o;
        }
        return f.textNode(v.toString());
    }
}
