package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;
import static io.hakit.citrix.sim.internal.NitroResponse.done;
import static io.hakit.citrix.sim.internal.NitroResponse.errorBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.hakit.sim.SimulatorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes of many items in one request: a body holding an array (bulk) and {@code POST /config/macroapi}
 * (several resource types, all adds or all removes), each item checked against {@code failOn} faults,
 * ending as {@code X-NITRO-ONERROR} says: exit (stop, keep what was done), continue (every result in
 * the 207), rollback (undo the adds and binds). The caller holds the store's lock.
 */
final class BulkRequests {
    private final NitroStore store;
    private final CitrixFaultPlan faults;

    BulkRequests(NitroStore store, CitrixFaultPlan faults) {
        this.store = store;
        this.faults = faults;
    }

    /** {@code X-NITRO-ONERROR}: exit (default) stops at the first error and keeps what was done. */
    enum Mode {
        EXIT, CONTINUE, ROLLBACK;

        static Mode of(String header) {
            if (header == null || header.isBlank()) {
                return EXIT;
            }
            switch (header.trim().toLowerCase(Locale.ROOT)) {
                case "exit":
                    return EXIT;
                case "continue":
                    return CONTINUE;
                case "rollback":
                    return ROLLBACK;
                default:
                    throw error(NitroErrorCodes.INVALID_VALUE, "X-NITRO-ONERROR", header);
            }
        }
    }

    private static final class Item {
        final String resource;
        final ObjectNode attrs;

        Item(String resource, ObjectNode attrs) {
            this.resource = resource;
            this.attrs = attrs;
        }
    }

    private interface Op {
        void apply(Item item);
    }

    /** One object runs as a single request; an array runs as a bulk request. */
    NitroResponse run(String resource, JsonNode payload, Mode mode, int okStatus, boolean addOrBind,
            Consumer<ObjectNode> op) {
        if (payload.isObject()) {
            faults.checkTouch(resource, (ObjectNode) payload);
            op.accept((ObjectNode) payload);
            return NitroResponse.json(okStatus, done());
        }
        List<Item> items = new ArrayList<>();
        for (JsonNode x : payload) {
            if (!x.isObject()) {
                throw error(NitroErrorCodes.INVALID_VALUE, resource, x.asText());
            }
            items.add(new Item(resource, (ObjectNode) x));
        }
        if (items.isEmpty()) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, resource);
        }
        return bulk(items, mode, okStatus, addOrBind, item -> op.accept(item.attrs));
    }

    private NitroResponse bulk(List<Item> items, Mode mode, int okStatus, boolean addOrBind, Op op) {
        // rollback undoes only adds and binds (vendor notes 3.2); elsewhere it stops like exit
        NitroStore before = mode == Mode.ROLLBACK && addOrBind ? store.copy() : null;
        ArrayNode results = NitroValues.F.arrayNode();
        ObjectNode lastFailure = null;
        for (Item item : items) {
            try {
                faults.checkTouch(item.resource, item.attrs);
                op.apply(item);
                results.add(done());
            } catch (SimulatorException e) {
                lastFailure = errorBody(e);
                results.add(lastFailure);
                if (mode != Mode.CONTINUE) {
                    break;
                }
            }
        }
        if (lastFailure == null) {
            return NitroResponse.json(okStatus, done());
        }
        if (before != null) {
            store.restore(before);
        }
        ObjectNode b = errorBody(error(NitroErrorCodes.BULK_FAILED));
        if (mode == Mode.CONTINUE) {
            b.set("response", results);
        } else {
            b.putArray("response").add(lastFailure);
        }
        return NitroResponse.json(207, b);
    }

    /** {@code POST /config/macroapi}: several resource types in one body, in body order; all adds or all removes. */
    NitroResponse macro(String action, String body, Mode mode) {
        boolean remove;
        if (action == null || action.equalsIgnoreCase("add")) {
            remove = false;
        } else if (action.equalsIgnoreCase("remove") || action.equalsIgnoreCase("rm")) {
            remove = true;
        } else {
            throw error(NitroErrorCodes.INVALID_VALUE, "action", action);
        }
        JsonNode n = NitroRequestDecoder.json(body);
        if (n == null || !n.isObject() || n.isEmpty()) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, "macroapi");
        }
        List<Item> items = new ArrayList<>();
        n.properties().forEach(e -> {
            String type = e.getKey().toLowerCase(Locale.ROOT);
            JsonNode v = e.getValue();
            for (JsonNode x : v.isArray() ? v : List.of(v)) {
                if (!x.isObject()) {
                    throw error(NitroErrorCodes.INVALID_VALUE, type, x.asText());
                }
                items.add(new Item(type, (ObjectNode) x));
            }
        });
        Op op = remove ? this::removeItem : item -> {
            if (item.resource.equals("systemfile")) {
                store.addFile(item.attrs);
            } else {
                store.add(item.resource, item.attrs, false);
            }
        };
        return bulk(items, mode, remove ? 200 : 201, !remove, op);
    }

    private void removeItem(Item item) {
        ResourceDef d = NitroStore.def(item.resource);
        String key = item.attrs.path(d.key).asText("");
        if (key.isEmpty()) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, d.key);
        }
        Map<String, String> args = new LinkedHashMap<>();
        item.attrs.properties().forEach(e -> {
            if (!e.getKey().equals(d.key)) {
                JsonNode v = e.getValue();
                args.put(e.getKey(), v instanceof TextNode ? v.textValue() : v.asText());
            }
        });
        store.delete(item.resource, key, args);
    }
}
