package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;
import static io.hakit.citrix.sim.internal.NitroRequestDecoder.pairs;
import static io.hakit.citrix.sim.internal.NitroRequestDecoder.wrapped;
import static io.hakit.citrix.sim.internal.NitroResponse.done;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A write past its numbered faults, as NITRO runs it: refused on the HA secondary (errorcode 1028),
 * then a save, a delete, a {@code macroapi} or bulk body, an update ({@code PUT}), an
 * {@code ?action=}, an upload or an add, changing the store under its lock.
 */
final class WriteRequests {
    private final Object lock;
    private final NitroStore store;
    private final CitrixFaultPlan faults;
    private final MemberStats stats;
    private final BulkRequests bulk;
    private final ConfigSaves saves;
    private final BooleanSupplier secondary;

    WriteRequests(Object lock, NitroStore store, CitrixFaultPlan faults, MemberStats stats, ConfigSaves saves,
            BooleanSupplier secondary) {
        this.lock = lock;
        this.store = store;
        this.faults = faults;
        this.stats = stats;
        this.bulk = new BulkRequests(store, faults);
        this.saves = saves;
        this.secondary = secondary;
    }

    /** A write past its faults: changes the store (or saves) and answers. */
    NitroResponse apply(String method, String resource, String name, Map<String, String> query, String body,
            HttpExchange ex, boolean save) {
        String action = query.get("action");
        if (secondary.getAsBoolean()) {
            throw error(NitroErrorCodes.NOT_PRIMARY);
        }
        if (save) {
            return saves.save(method, body);
        }
        String onerror = ex.getRequestHeaders().getFirst("X-NITRO-ONERROR");
        BulkRequests.Mode mode = BulkRequests.Mode.of(onerror);
        synchronized (lock) {
            if (method.equals("DELETE")) {
                if (name == null) {
                    throw error(NitroErrorCodes.ARGUMENT_MISSING, "name");
                }
                ObjectNode touched = NitroValues.F.objectNode();
                ResourceDef d = Schema.get(resource);
                touched.put(d == null ? "name" : d.key, name);
                faults.checkTouch(resource, touched);
                if (resource.equals("systemfile")) {
                    store.deleteFile(name, pairs(query.get("args")));
                } else {
                    store.delete(resource, name, pairs(query.get("args")));
                }
                return NitroResponse.json(200, done());
            }
            if (resource.equals("macroapi")) {
                return bulk.macro(action, body, mode);
            }
            JsonNode payload = wrapped(body, resource);
            if (method.equals("PUT")) {
                boolean binding = NitroStore.isBinding(resource);
                return bulk.run(resource, payload, mode, binding ? 201 : 200, binding,
                        item -> store.update(resource, item, name));
            }
            if (action != null) {
                if (resource.equals("nsconfig")) {
                    throw error(NitroErrorCodes.INVALID_VALUE, "action", action);
                }
                return bulk.run(resource, payload, mode, 200, false, item -> {
                    store.action(resource, action, item);
                    memberDisabled(resource, action, item);
                });
            }
            if (resource.equals("systemfile")) {
                return bulk.run(resource, payload, mode, 201, true, store::addFile);
            }
            boolean idempotent = "yes".equalsIgnoreCase(query.get("idempotent"));
            return bulk.run(resource, payload, mode, 201, true, item -> store.add(resource, item, idempotent));
        }
    }

    /** A member disabled without {@code graceful} loses its connections at once. */
    private void memberDisabled(String resource, String action, ObjectNode item) {
        if (resource.equals("servicegroup") && action.equalsIgnoreCase("disable") && item.has("servername")) {
            stats.disabled(item.path("servicegroupname").asText(), item.path("servername").asText(),
                    item.path("port").asText(), item.path("graceful").asText("NO").equalsIgnoreCase("YES"));
        }
    }
}
