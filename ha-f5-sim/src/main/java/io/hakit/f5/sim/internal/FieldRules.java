package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The rules mcpd applies to single fields of a request body, whatever the type: which fields a
 * type accepts, integer ranges, enumerations, lists, masked secrets, partition-qualified names,
 * and the field order of a stored object. Each rule answers the TMOS error a BIG-IP gives.
 */
final class FieldRules {
    private static final Set<String> READ_ONLY = Set.of("kind", "fullPath", "generation", "selfLink", "ephemeral",
            "vsIndex", "lastUpdateMicros", "apiRawValues");

    private FieldRules() {
    }

    static ObjectNode input(Set<String> attributes, JsonNode body, String rest) {
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

    static ObjectNode reorder(ObjectNode o) {
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

    static void integer(ObjectNode o, String key, long min, long max, String... words) {
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

    static void oneOf(ObjectNode o, String key, Set<String> allowed) {
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

    static void maskSecret(ObjectNode o, String key) {
        JsonNode v = o.get(key);
        if (v != null && v.isTextual() && !v.asText().startsWith("$M$") && !v.asText().isEmpty()) {
            o.put(key, mask(v.asText()));
        }
    }

    static ArrayNode arrayOf(ObjectNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw SimulatedF5Error.tmos(400, "Invalid value for " + key + ": " + F5SimJson.write(v) + " (expected a list).", 26214401);
        }
        return (ArrayNode) v;
    }

    static ObjectNode nameOnly(String name) {
        ObjectNode n = F5SimJson.object();
        n.put("name", name);
        return n;
    }

    static void qualifyUnlessNone(ObjectNode o, String key, String partition) {
        JsonNode v = o.get(key);
        if (v != null && v.isTextual() && !v.asText().equals("none") && !v.asText().isEmpty()) {
            o.put(key, Names.qualify(v.asText(), partition));
        }
    }
}
