package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the parts of a NITRO request as the ADC does: percent-decoded names (also double-encoded
 * ones), the query string, {@code ?args=k:v,k2:v2} pairs, and a JSON body wrapped in its resource's
 * name. Stateless.
 */
final class NitroRequestDecoder {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

    private NitroRequestDecoder() {
    }

    static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Names are sent double URL-encoded by the Go and Ansible clients (vendor notes 2.1); a plain name works too. */
    static String decodeName(String raw) {
        String once = decode(raw);
        if (ESCAPE.matcher(once).find()) {
            return URLDecoder.decode(once, StandardCharsets.UTF_8);
        }
        return once;
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return q;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = decode(eq < 0 ? part : part.substring(0, eq)).toLowerCase(Locale.ROOT);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            q.putIfAbsent(k, v);
        }
        return q;
    }

    /** {@code k:v,k2:v2} with each value percent-decoded. */
    static Map<String, String> pairs(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        String text = raw.contains(":") ? raw : decode(raw);
        for (String p : text.split(",")) {
            int c = p.indexOf(':');
            if (c <= 0) {
                throw error(NitroErrorCodes.INVALID_VALUE, "args", decode(p));
            }
            m.put(decode(p.substring(0, c)).toLowerCase(Locale.ROOT), decode(p.substring(c + 1)));
        }
        return m;
    }

    /** @return the number, or -1 when it is none */
    static long parse(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The body's single key must be the resource; its value is one object or an array (bulk). */
    static JsonNode wrapped(String body, String resource) {
        JsonNode n = json(body);
        if (n == null || !n.isObject()) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, resource);
        }
        JsonNode v = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equalsIgnoreCase(resource)) {
                throw error(NitroErrorCodes.INVALID_ARGUMENT, e.getKey());
            }
            v = e.getValue();
        }
        if (v == null) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, resource);
        }
        if (!v.isObject() && !v.isArray()) {
            throw error(NitroErrorCodes.INVALID_VALUE, resource, v.asText());
        }
        return v;
    }

    /** @return the body as JSON, or {@code null} when blank; 278 when it is not JSON */
    static JsonNode json(String body) {
        try {
            return body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw error(NitroErrorCodes.INVALID_ARGUMENT, "request body is not JSON");
        }
    }
}
