package io.hakit.citrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.citrix.internal.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The NITRO wire form of {@link NitroClient}'s single-object requests and answers: names and delete
 * arguments encoded into the URL ({@code /config/<type>/<name>?args=k:v,...}), attributes wrapped under their
 * type ({@code {"<type>":{...}}}), answers read into {@link NitroObject}s (one object or an array), bulk
 * bindings flattened, and the role read from {@code hanode}. No I/O.
 */
final class NitroWire {

    private NitroWire() {
    }

    static List<NitroObject> objects(String type, JsonNode body) {
        List<NitroObject> out = new ArrayList<>();
        for (JsonNode n : NitroBulk.array(body.get(type))) {
            out.add(NitroObject.fromDevice(type, Json.toMap(n)));
        }
        return out;
    }

    /** The bindings of a {@code <kind>_binding?bulkbindings=yes} answer, one object per binding. */
    static List<NitroObject> bindings(String agg, JsonNode body) {
        List<NitroObject> out = new ArrayList<>();
        for (JsonNode holder : NitroBulk.array(body.get(agg))) {
            Iterator<Map.Entry<String, JsonNode>> fields = holder.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getKey().endsWith("_binding") && (f.getValue().isArray() || f.getValue().isObject())) {
                    for (JsonNode b : NitroBulk.array(f.getValue())) {
                        out.add(NitroObject.fromDevice(f.getKey(), Json.toMap(b)));
                    }
                }
            }
        }
        return out;
    }

    /** The role of the local node (id 0, or the only one) among the {@code hanode} objects. */
    static HaRole haRole(List<NitroObject> nodes) {
        if (nodes.isEmpty()) {
            return HaRole.STANDALONE;
        }
        NitroObject local = nodes.stream().filter(n -> n.string("id").map("0"::equals).orElse(false)).findFirst()
                .orElse(nodes.get(0));
        String state = local.string("state").orElse(local.string("hacurstatus").orElse(""))
                .toUpperCase(Locale.ROOT);
        if (state.equals("PRIMARY")) {
            return nodes.size() > 1 ? HaRole.PRIMARY : HaRole.STANDALONE;
        }
        return state.equals("SECONDARY") ? HaRole.SECONDARY : HaRole.STANDALONE;
    }

    /** The arguments an unbind sends: only those the binding resource's delete takes. */
    static Map<String, Object> unbindArguments(NitroObject binding) {
        NitroResource r = binding.resource()
                .orElseThrow(() -> new IllegalArgumentException("unknown binding type " + binding.type()));
        Map<String, Object> a = new LinkedHashMap<>();
        for (String k : r.deleteArguments()) {
            Object v = binding.attributes().get(k);
            if (v != null && !(k.equals("servername") && binding.attributes().containsKey("ip")
                    && !binding.attributes().containsKey("servername"))) {
                a.put(k, v);
            }
        }
        if (r == NitroResource.SERVICEGROUP_MEMBER_BINDING && a.containsKey("servername")) {
            a.remove("ip");
        }
        return a;
    }

    static ObjectNode wrap(String type, Map<String, Object> attributes) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set(type, Json.toNode(attributes));
        return body;
    }

    static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String args(Map<String, Object> args) {
        if (args.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("args=");
        boolean first = true;
        for (Map.Entry<String, Object> e : args.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            b.append(e.getKey()).append(':').append(encode(String.valueOf(e.getValue())));
        }
        return b.toString();
    }
}
