package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Function;

/**
 * The device's running configuration, the copy last saved, and whether it changed since the
 * last config-sync. A change runs on a copy of the configuration and replaces it only when it
 * succeeded. Not thread-safe: the device serialises access.
 */
final class RunningConfig {
    private final boolean inDeviceGroup;
    private ConfigStore store;
    private ObjectNode saved;
    private int saves;
    private boolean changesPending;

    /**
     * @param deviceGroup the sync-failover device group, or {@code null}
     * @param files looks up an uploaded file by name (for ssl-cert / ssl-key installs)
     */
    RunningConfig(String deviceGroup, Function<String, byte[]> files) {
        this.inDeviceGroup = deviceGroup != null;
        this.store = ConfigStore.initial(deviceGroup);
        this.store.files(files);
    }

    /** @return the running configuration (change it only through {@link #apply} or {@link #replace}) */
    ConfigStore store() {
        return store;
    }

    /**
     * Runs one change below {@code /mgmt/tm/} on a copy, and keeps the copy when it succeeded.
     *
     * @param method the HTTP method
     * @param rest the decoded path after {@code /mgmt/tm/}
     * @param query the decoded query parameters
     * @param body the JSON body, or {@code null}
     * @return the answer body, or {@code null}
     * @throws SimulatedF5Error when the device refuses (nothing changed)
     */
    JsonNode apply(String method, String rest, Map<String, String> query, JsonNode body) {
        ConfigStore work = store.copy();
        JsonNode out = work.execute(method, rest, query, body);
        replace(work);
        return out;
    }

    /** @param work a changed copy of {@link #store()} that becomes the running configuration */
    void replace(ConfigStore work) {
        store = work;
        if (inDeviceGroup) {
            changesPending = true;
        }
    }

    /** Saves the running configuration. */
    void save() {
        saves++;
        saved = store.snapshot();
    }

    /** @return the configuration as last saved, or {@code null} */
    ObjectNode saved() {
        return saved;
    }

    /** @return how many times the configuration was saved */
    int saves() {
        return saves;
    }

    /** @return whether the configuration changed since the last sync to the device group */
    boolean changesPending() {
        return changesPending;
    }

    /** Records a sync to the device group. */
    void synced() {
        changesPending = false;
    }

}
