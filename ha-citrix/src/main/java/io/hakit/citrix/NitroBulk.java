package io.hakit.citrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.citrix.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * NITRO's many-objects-in-one-request forms: a homogeneous bulk array and {@code macroapi} (several types in
 * one body), both with {@code X-NITRO-ONERROR}, and their answers read item by item (207 = partial).
 */
final class NitroBulk {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NitroBulk() {
    }

    static ObjectNode bulkBody(String type, List<NitroObject> objects) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray(type);
        for (NitroObject o : objects) {
            if (!o.type().equals(type)) {
                throw new IllegalArgumentException("a bulk " + type + " request cannot carry a " + o.type());
            }
            items.add(Json.toNode(o.attributes()));
        }
        return body;
    }

    static ObjectNode macroBody(List<NitroObject> objects) {
        ObjectNode body = JSON.createObjectNode();
        String last = null;
        for (NitroObject o : objects) {
            if (!o.type().equals(last) && body.has(o.type())) {
                throw new IllegalArgumentException("macroapi: " + o.type() + " appears after another type");
            }
            last = o.type();
            ArrayNode arr = body.has(o.type()) ? (ArrayNode) body.get(o.type()) : body.putArray(o.type());
            arr.add(Json.toNode(o.attributes()));
        }
        return body;
    }

    static BulkResult send(NitroSession session, String method, String path, ObjectNode body,
            BulkResult.OnError onError, String resource) {
        NitroSession.NitroResponse r = session.exchange(method, path, body,
                Map.of("X-NITRO-ONERROR", onError.header()));
        if (r.status() == 207) {
            return new BulkResult(207, r.body() == null ? new NitroError(1243, "Bulk operation failed", "ERROR")
                    : NitroErrors.errorOf(r.body()), items(r), onError);
        }
        if (r.status() >= 300) {
            throw NitroErrors.of(r, resource, method + " " + path);
        }
        return new BulkResult(r.status(), r.body() == null ? new NitroError(0, "Done", "NONE")
                : NitroErrors.errorOf(r.body()), items(r), onError);
    }

    private static List<NitroError> items(NitroSession.NitroResponse r) {
        List<NitroError> items = new ArrayList<>();
        if (r.body() != null) {
            for (JsonNode n : array(r.body().get("response"))) {
                items.add(NitroErrors.errorOf(n));
            }
        }
        return items;
    }

    static List<JsonNode> array(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(out::add);
        } else if (n.isObject()) {
            out.add(n);
        }
        return out;
    }
}
