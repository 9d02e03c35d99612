package io.hakit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How simulators hide secrets in what they record: one mark, {@value #MARK}, in place of every
 * password, token, key or file content. Stateless and thread-safe.
 */
public final class Redaction {
    /** What a secret is replaced with. */
    public static final String MARK = "<redacted>";

    private Redaction() {
    }

    /**
     * Replaces, in place, the value of every field whose name (compared in lower case) is one of
     * {@code secretFields}, at any depth; an object or array under such a name is searched, not replaced.
     *
     * @param node a JSON tree, changed in place
     * @param secretFields lower-case field names
     * @return the same node
     */
    public static JsonNode redactFields(JsonNode node, Set<String> secretFields) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String f : names) {
                if (secretFields.contains(f.toLowerCase(Locale.ROOT)) && o.get(f).isValueNode()) {
                    o.put(f, MARK);
                } else {
                    redactFields(o.get(f), secretFields);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> redactFields(n, secretFields));
        }
        return node;
    }

    /**
     * @param cookieHeader a {@code Cookie} or {@code Set-Cookie} value, e.g. {@code NITRO_AUTH_TOKEN=abc; path=/}
     * @return the same with every value after {@code =} replaced by {@link #MARK}
     */
    public static String redactCookies(String cookieHeader) {
        return cookieHeader.replaceAll("(=)[^;]*", "$1" + MARK);
    }
}
