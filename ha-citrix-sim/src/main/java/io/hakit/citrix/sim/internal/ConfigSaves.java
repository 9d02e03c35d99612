package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /config/nsconfig?action=save}: the saved configuration, what a save checks (a body of
 * at most {@code {"nsconfig":{"all":..}}}, 293 while another save is busy) and whether the running
 * configuration changed since. Thread-safe through the store's lock.
 */
final class ConfigSaves {
    private final Object lock;
    private final NitroStore store;
    private final CitrixFaultPlan faults;
    private ObjectNode saved;

    ConfigSaves(Object lock, NitroStore store, CitrixFaultPlan faults) {
        this.lock = lock;
        this.store = store;
        this.faults = faults;
        this.saved = store.snapshot();
    }

    /** Saves the running configuration, as a save request past its faults. */
    NitroResponse save(String method, String body) {
        if (!method.equals("POST")) {
            throw error(NitroErrorCodes.INVALID_VALUE, "method", method);
        }
        if (!body.isBlank()) {
            JsonNode n = NitroRequestDecoder.wrapped(body, "nsconfig");
            if (!n.isObject()) {
                throw error(NitroErrorCodes.INVALID_ARGUMENT, "nsconfig");
            }
            n.fieldNames().forEachRemaining(f -> {
                if (!f.equals("all")) {
                    throw error(NitroErrorCodes.INVALID_ARGUMENT, f);
                }
            });
        }
        if (faults.takeSaveBusy()) {
            throw error(NitroErrorCodes.IN_PROGRESS);
        }
        synchronized (lock) {
            saved = store.snapshot();
        }
        return NitroResponse.json(200, NitroResponse.done());
    }

    /** @return whether the running configuration differs from the saved one; the caller holds the lock */
    boolean changed() {
        return !store.snapshot().equals(saved);
    }
}
