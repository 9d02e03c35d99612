package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;
import static io.hakit.citrix.sim.internal.NitroRequestDecoder.decode;
import static io.hakit.citrix.sim.internal.NitroRequestDecoder.pairs;
import static io.hakit.citrix.sim.internal.NitroRequestDecoder.parse;
import static io.hakit.citrix.sim.internal.NitroResponse.done;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code GET /nitro/v1/config/...} as NITRO answers it: objects, bindings and their aggregates, files,
 * the HA nodes, {@code nsconfig} (whether the configuration changed since the last save) and
 * {@code nsversion}, with {@code ?args=}, {@code ?filter=} (a {@code /regex/} too), {@code ?count=yes},
 * {@code ?pagesize=&pageno=} and {@code ?attrs=}. The caller holds the store's lock.
 */
final class ReadRequests {
    /** What {@code nsversion.version} shows: release, build ({@code NN.NN.nc}) and build date, as an ADC does. */
    static final String VERSION = "NetScaler NS14.1: Build 21.48.nc, Date: Jun 17 2024, 10:31:36   (64-bit)";
    private static final Set<String> AGGREGATES = Set.of("lbvserver_binding", "servicegroup_binding",
            "sslvserver_binding", "sslservicegroup_binding");

    private final NitroStore store;
    private final ConfigSaves saves;
    private final BooleanSupplier secondary;

    ReadRequests(NitroStore store, ConfigSaves saves, BooleanSupplier secondary) {
        this.store = store;
        this.saves = saves;
        this.secondary = secondary;
    }

    /**
     * @param resource the resource from the URL
     * @param name the name from the URL, or {@code null}
     * @param query the query string
     * @return NITRO's answer
     */
    NitroResponse read(String resource, String name, Map<String, String> query) {
        ObjectNode out = done();
        ArrayNode rows;
        boolean bulk = "yes".equalsIgnoreCase(query.get("bulkbindings"));
        switch (resource) {
            case "hanode":
                rows = hanodes(name);
                break;
            case "nsconfig": {
                ObjectNode c = NitroValues.F.objectNode().put("ipaddress", "127.0.0.1").put("netmask", "255.0.0.0")
                        .put("configchanged", saves.changed());
                return NitroResponse.json(200, out.set("nsconfig", c));
            }
            case "nsversion":
                return NitroResponse.json(200, out.set("nsversion", NitroValues.F.objectNode()
                        .put("installedversion", "true".equalsIgnoreCase(pairs(query.get("args")).get("installedversion")))
                        .put("version", VERSION).put("mode", "1")));
            case "systemfile":
                rows = store.files(name, pairs(query.get("args")));
                break;
            default:
                if (AGGREGATES.contains(resource)) {
                    if (name == null && !bulk) {
                        throw error(NitroErrorCodes.ARGUMENT_MISSING, "name");
                    }
                    rows = store.readAggregate(resource.substring(0, resource.length() - "_binding".length()), name);
                } else {
                    ResourceDef d = NitroStore.def(resource);
                    if (d.isBinding() && name == null && !bulk) {
                        throw error(NitroErrorCodes.ARGUMENT_MISSING, d.key);
                    }
                    rows = store.read(resource, name);
                    Map<String, String> args = pairs(query.get("args"));
                    for (String a : args.keySet()) {
                        if (!d.getArgs.contains(a)) {
                            throw error(NitroErrorCodes.INVALID_ARGUMENT, a);
                        }
                    }
                    rows = filter(rows, args, false);
                }
                break;
        }
        rows = filter(rows, pairs(query.get("filter")), true);
        if ("yes".equalsIgnoreCase(query.get("count"))) {
            out.putArray(resource).addObject().put("__count", rows.size());
            return NitroResponse.json(200, out);
        }
        rows = page(rows, query);
        if (query.containsKey("attrs")) {
            rows = project(rows, query.get("attrs"), resource);
        }
        if (!rows.isEmpty()) {
            out.set(resource, rows);
        }
        return NitroResponse.json(200, out);
    }

    private ArrayNode hanodes(String name) {
        ArrayNode a = NitroValues.F.arrayNode();
        boolean secondary = this.secondary.getAsBoolean();
        String local = secondary ? "Secondary" : "Primary";
        String peer = secondary ? "Primary" : "Secondary";
        for (int id = 0; id < 2; id++) {
            if (name != null && !name.equals(String.valueOf(id))) {
                continue;
            }
            a.addObject().put("id", String.valueOf(id)).put("name", id == 0 ? "sim-local" : "sim-peer")
                    .put("ipaddress", id == 0 ? "127.0.0.1" : "192.0.2.2").put("hastatus", "ENABLED")
                    .put("state", id == 0 ? local : peer).put("hasync", "ENABLED").put("haprop", "ENABLED")
                    .put("hellointerval", 200).put("deadinterval", 3);
        }
        if (name != null && a.isEmpty()) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "id", name);
        }
        return a;
    }

    private static ArrayNode filter(ArrayNode rows, Map<String, String> filter, boolean regex) {
        if (filter.isEmpty()) {
            return rows;
        }
        ArrayNode out = NitroValues.F.arrayNode();
        for (JsonNode row : rows) {
            boolean keep = true;
            for (Map.Entry<String, String> f : filter.entrySet()) {
                JsonNode v = row.get(f.getKey());
                if (v == null || !matches(v.isArray() ? v.toString() : v.asText(), f.getValue(), regex)) {
                    keep = false;
                    break;
                }
            }
            if (keep) {
                out.add(row);
            }
        }
        return out;
    }

    private static boolean matches(String value, String wanted, boolean regex) {
        if (regex && wanted.length() >= 2 && wanted.startsWith("/") && wanted.endsWith("/")) {
            try {
                return Pattern.compile(wanted.substring(1, wanted.length() - 1)).matcher(value).find();
            } catch (PatternSyntaxException e) {
                throw error(NitroErrorCodes.INVALID_VALUE, "filter", wanted);
            }
        }
        return value.equals(wanted);
    }

    private static ArrayNode page(ArrayNode rows, Map<String, String> query) {
        if (!query.containsKey("pagesize")) {
            return rows;
        }
        long size = parse(query.get("pagesize"));
        long no = query.containsKey("pageno") ? parse(query.get("pageno")) : 1;
        if (size <= 0 || no <= 0) {
            throw error(NitroErrorCodes.INVALID_VALUE, "pagesize", query.get("pagesize"));
        }
        ArrayNode out = NitroValues.F.arrayNode();
        for (long i = (no - 1) * size; i < Math.min(rows.size(), no * size); i++) {
            out.add(rows.get((int) i));
        }
        return out;
    }

    private static ArrayNode project(ArrayNode rows, String rawAttrs, String resource) {
        ResourceDef d = Schema.get(resource);
        Set<String> keep = ResourceDef.set(decode(rawAttrs).toLowerCase(Locale.ROOT));
        ArrayNode out = NitroValues.F.arrayNode();
        for (JsonNode row : rows) {
            ObjectNode o = NitroValues.F.objectNode();
            row.properties().forEach(e -> {
                if (keep.contains(e.getKey()) || d != null && e.getKey().equals(d.key)) {
                    o.set(e.getKey(), e.getValue());
                }
            });
            out.add(o);
        }
        return out;
    }
}
