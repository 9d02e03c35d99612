package io.hakit.citrix.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place where what NITRO returns is made comparable with what hakit sends: numbers that come back
 * as strings ({@code "10"} is 10), case ({@code ENABLED} is {@code enabled}; except free text such as a
 * monitor's {@code send}/{@code recv} and comments), units ({@code interval 60 SEC} is {@code interval 1
 * MIN}), lists compared as sets ({@code respcode}), file names with or without {@code /nsconfig/ssl/},
 * and device defaults for attributes a GET leaves out.
 */
public final class Normalizer {

    private static final Set<String> CASE_SENSITIVE = Set.of("send", "recv", "httprequest", "comment", "customheaders",
            "name", "servicegroupname", "servername", "monitor_name", "monitorname", "certkey", "certkeyname",
            "vservername", "backupvserver", "domain", "cert", "key");

    /** lbmonitor durations and the attribute carrying their unit. */
    private static final Map<String, String> UNITS = Map.of("interval", "units3", "resptimeout", "units4",
            "downtime", "units2", "deviation", "units1");

    private static final Map<String, Map<String, Object>> DEFAULTS = Map.of(
            "lbmonitor", Map.of("secure", "NO", "interval", 5L, "units3", "SEC", "resptimeout", 2L, "units4", "SEC",
                    "retries", 3L, "successretries", 1L, "downtime", 30L, "units2", "SEC"),
            "servicegroup", Map.of("clttimeout", 180L, "svrtimeout", 360L, "healthmonitor", "YES"),
            "servicegroup_servicegroupmember_binding", Map.of("weight", 1L, "state", "ENABLED"),
            "servicegroup_lbmonitor_binding", Map.of("monstate", "ENABLED"),
            "lbvserver", Map.of("persistencetype", "NONE", "timeout", 2L, "clttimeout", 180L, "lbmethod",
                    "LEASTCONNECTION", "disableprimaryondown", "DISABLED"),
            "sslservicegroup", Map.of("serverauth", "DISABLED"),
            "sslservicegroup_sslcertkey_binding", Map.of("ca", false),
            "sslvserver_sslcertkey_binding", Map.of("ca", false, "snicert", false),
            "sslcertkey", Map.of("inform", "PEM"));

    private Normalizer() {
    }

    /**
     * @param type the resource's wire name
     * @param attribute an attribute name
     * @param read the attributes the device returned
     * @return the value in force: the one read, or the device default when the GET left it out (null if unknown)
     */
    public static Object current(String type, String attribute, Map<String, Object> read) {
        Object v = read.get(attribute);
        if (v == null) {
            v = DEFAULTS.getOrDefault(type, Map.of()).get(attribute);
        }
        return v;
    }

    /**
     * Whether one desired attribute already has its value on the device.
     *
     * @param type the resource's wire name
     * @param attribute the attribute
     * @param desired all desired attributes (for units)
     * @param read all attributes read
     * @return whether they match after normalisation
     */
    public static boolean same(String type, String attribute, Map<String, Object> desired, Map<String, Object> read) {
        if (type.equals("lbmonitor")) {
            if (UNITS.containsKey(attribute)) {
                return millis(attribute, desired, desired) == millis(attribute, read, withDefaults(type, read));
            }
            if (UNITS.containsValue(attribute)) {
                String value = UNITS.entrySet().stream().filter(e -> e.getValue().equals(attribute))
                        .findFirst().map(Map.Entry::getKey).orElseThrow();
                if (desired.containsKey(value)) {
                    return millis(value, desired, desired) == millis(value, read, withDefaults(type, read));
                }
            }
        }
        Object want = desired.get(attribute);
        Object have = current(type, attribute, read);
        if (type.equals("sslcertkey") && (attribute.equals("cert") || attribute.equals("key")) && have != null) {
            have = stripDir(have.toString());
            want = want == null ? null : stripDir(want.toString());
        }
        return canonical(attribute, want).equals(canonical(attribute, have));
    }

    private static Map<String, Object> withDefaults(String type, Map<String, Object> read) {
        Map<String, Object> m = new java.util.HashMap<>(DEFAULTS.getOrDefault(type, Map.of()));
        m.putAll(read);
        return m;
    }

    private static long millis(String attribute, Map<String, Object> values, Map<String, Object> all) {
        Object v = all.get(attribute);
        if (v == null) {
            return -1;
        }
        BigDecimal n;
        try {
            n = new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
        String unit = String.valueOf(all.getOrDefault(UNITS.get(attribute), "SEC")).toUpperCase(Locale.ROOT);
        BigDecimal factor = unit.equals("MSEC") ? BigDecimal.ONE : unit.equals("MIN") ? BigDecimal.valueOf(60_000)
                : BigDecimal.valueOf(1000);
        return n.multiply(factor).longValue();
    }

    private static String stripDir(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(slash + 1);
    }

    /**
     * @param attribute the attribute name (free-text attributes keep their case)
     * @param value a value as sent or read
     * @return a comparable text form
     */
    public static String canonical(String attribute, Object value) {
        if (value == null) {
            return "<unset>";
        }
        if (value instanceof List) {
            Set<String> s = new TreeSet<>();
            for (Object o : (List<?>) value) {
                s.add(canonical(attribute, o));
            }
            return s.toString();
        }
        String text = value.toString().trim();
        if (!CASE_SENSITIVE.contains(attribute)) {
            try {
                BigDecimal n = new BigDecimal(text);
                return n.stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return text.toUpperCase(Locale.ROOT);
            }
        }
        return text;
    }

    /**
     * @param type the resource's wire name
     * @param read attributes read
     * @param names the attributes to keep
     * @return the kept attributes, as plain values for a plan's "before"
     */
    public static Map<String, Object> pick(String type, Map<String, Object> read, Iterable<String> names) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (String n : names) {
            Object v = current(type, n, read);
            if (v != null) {
                m.put(n, v instanceof List ? Collections.unmodifiableList(new ArrayList<>((List<?>) v)) : v);
            }
        }
        return m;
    }
}
