package io.hakit.citrix.sim.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The type of one NITRO attribute: how input is checked and stored, and how it is shown on read.
 * Enumerations match case-insensitively and are stored as the ADC spells them.
 */
final class Attr {
    enum Type { STRING, INT, BOOL, LIST, ENUM }

    final Type type;
    final long min;
    final long max;
    /** upper-cased input to the spelling the ADC shows */
    final Map<String, String> values;

    private Attr(Type type, long min, long max, Map<String, String> values) {
        this.type = type;
        this.min = min;
        this.max = max;
        this.values = values;
    }

    static final Attr STRING = new Attr(Type.STRING, 0, 0, Map.of());
    static final Attr BOOL = new Attr(Type.BOOL, 0, 0, Map.of());
    static final Attr LIST = new Attr(Type.LIST, 0, 0, Map.of());
    static final Attr INT = new Attr(Type.INT, Long.MIN_VALUE, Long.MAX_VALUE, Map.of());

    static Attr range(long min, long max) {
        return new Attr(Type.INT, min, max, Map.of());
    }

    static Attr oneOf(String pipeSeparated) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String v : pipeSeparated.split("\\|")) {
            m.put(v.toUpperCase(Locale.ROOT), v);
        }
        return new Attr(Type.ENUM, 0, 0, Map.copyOf(m));
    }
}
