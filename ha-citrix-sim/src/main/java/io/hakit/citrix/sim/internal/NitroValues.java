package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Attribute values as the ADC stores them: an input value converted to its canonical form (or
 * refused as NITRO refuses it: 1097 for a bad value, 278 for an attribute the request does not
 * take), required attributes (1095), and the device defaults filled in. Stateless.
 */
final class NitroValues {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private NitroValues() {
    }

    /**
     * Converts one input value to the form the ADC stores.
     */
    static JsonNode canonical(ResourceDef d, String attr, JsonNode v) {
        Attr t = d.type(attr);
        String shown = v.isTextual() ? v.textValue() : v.toString();
        switch (t.type) {
            case INT: {
                long n;
                if (v.isIntegralNumber()) {
                    n = v.longValue();
                } else if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue())) {
                    n = (long) v.doubleValue();
                } else if (v.isTextual()) {
                    try {
                        n = Long.parseLong(v.textValue().trim());
                    } catch (NumberFormatException e) {
                        throw error(NitroErrorCodes.INVALID_VALUE, attr, shown);
                    }
                } else {
                    throw error(NitroErrorCodes.INVALID_VALUE, attr, shown);
                }
                if (n < t.min || n > t.max) {
                    throw error(NitroErrorCodes.INVALID_VALUE, attr, shown);
                }
                return LongNode.valueOf(n);
            }
            case BOOL:
                if (v.isBoolean()) {
                    return v;
                }
                if (v.isTextual() && (v.textValue().equalsIgnoreCase("true") || v.textValue().equalsIgnoreCase("false"))) {
                    return BooleanNode.valueOf(Boolean.parseBoolean(v.textValue().toLowerCase(Locale.ROOT)));
                }
                throw error(NitroErrorCodes.INVALID_VALUE, attr, shown);
            case ENUM: {
                if (!v.isValueNode()) {
                    throw error(NitroErrorCodes.INVALID_VALUE, attr, shown);
                }
                String c = t.values.get(v.asText().trim().toUpperCase(Locale.ROOT));
                if (c == null) {
                    throw error(NitroErrorCodes.INVALID_VALUE, attr, shown);
                }
                return TextNode.valueOf(c);
            }
            case LIST: {
                ArrayNode a = F.arrayNode();
                if (v.isArray()) {
                    for (JsonNode x : v) {
                        if (!x.isValueNode()) {
                            throw error(NitroErrorCodes.INVALID_VALUE, attr, shown);
                        }
                        a.add(x.asText());
                    }
                } else if (v.isValueNode()) {
                    a.add(v.asText());
                } else {
                    throw error(NitroErrorCodes.INVALID_VALUE, attr, shown);
                }
                return a;
            }
            default:
                if (v.isContainerNode()) {
                    throw error(NitroErrorCodes.INVALID_VALUE, attr, shown);
                }
                return TextNode.valueOf(v.asText());
        }
    }

    /**
     * Checks every attribute against an allowed list and converts it; nulls are ignored.
     */
    static ObjectNode accept(ResourceDef d, ObjectNode in, Set<String> allowed) {
        ObjectNode out = F.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = in.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!allowed.contains(e.getKey())) {
                throw error(NitroErrorCodes.INVALID_ARGUMENT, e.getKey());
            }
            if (e.getValue() == null || e.getValue().isNull()) {
                continue;
            }
            out.set(e.getKey(), canonical(d, e.getKey(), e.getValue()));
        }
        return out;
    }

    /** @return the attribute as text, or {@code null} when absent or JSON null */
    static String text(ObjectNode o, String attr) {
        JsonNode v = o.get(attr);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** @return the attribute as text; 1095 when absent or empty */
    static String required(ObjectNode o, String attr) {
        String v = text(o, attr);
        if (v == null || v.isEmpty()) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, attr);
        }
        return v;
    }

    /** Sets every device default the object does not have. */
    static void fillDefaults(ResourceDef d, ObjectNode o) {
        d.defaults.forEach((k, v) -> {
            if (!o.has(k)) {
                o.set(k, v instanceof Long ? LongNode.valueOf((Long) v) : TextNode.valueOf(v.toString()));
            }
        });
    }

    /** A monitor's interval in whole minutes is shown in MIN, as NITRO shows it. */
    static void normaliseInterval(ObjectNode o) {
        // NITRO shows a whole number of minutes in MIN (vendor notes 2.2, Ansible issue 324)
        JsonNode interval = o.get("interval");
        if (interval != null && "SEC".equals(text(o, "units3") == null ? "SEC" : text(o, "units3"))) {
            long n = interval.asLong();
            if (n >= 60 && n % 60 == 0) {
                o.put("interval", n / 60);
                o.put("units3", "MIN");
            }
        }
    }

    /** @return the {@code ?args=} value; 1095 when absent or empty */
    static String required(Map<String, String> args, String name) {
        String v = args.get(name);
        if (v == null || v.isEmpty()) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, name);
        }
        return v;
    }
}
