package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** Jackson helpers shared by the simulator. */
public final class F5SimJson {
    /** The simulator's one mapper (thread-safe once configured). */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private F5SimJson() {
    }

    /** @return a new empty object node */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** @return a new empty array node */
    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /**
     * @param bytes UTF-8 JSON
     * @return the tree
     * @throws SimulatedF5Error 400 when the bytes are not JSON
     */
    public static JsonNode parse(byte[] bytes) {
        try {
            JsonNode n = MAPPER.readTree(bytes);
            return n == null || n.isMissingNode() ? object() : n;
        } catch (java.io.IOException e) {
            throw SimulatedF5Error.tmos(400, "Found invalid JSON body in the request.", 1);
        }
    }

    /**
     * @param node a tree
     * @return its compact JSON text
     */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param node a tree
     * @return a deep copy whose object keys are sorted (arrays keep their order)
     */
    public static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode o = object();
            for (String n : names) {
                o.set(n, sorted(node.get(n)));
            }
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = array();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                a.add(sorted(it.next()));
            }
            return a;
        }
        return node.deepCopy();
    }

    /**
     * @param node any node
     * @return its text, or {@code null} when absent or null
     */
    public static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
