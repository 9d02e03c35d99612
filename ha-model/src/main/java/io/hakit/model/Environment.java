package io.hakit.model;

import java.util.Locale;

/** Whether a deployment serves patients (rule TOP-004). */
public enum Environment {
    /** Serves patients: the guide's "must" rules are errors. */
    PRODUCTION("production"),
    /** Test, training or staging: some rules relax to warnings. */
    NON_PRODUCTION("non-production");

    private final String key;

    Environment(String key) {
        this.key = key;
    }

    /** @return the key used in topology files */
    public String key() {
        return key;
    }

    /**
     * @param key {@code production} or {@code non-production}, case-insensitive
     * @return the environment
     * @throws IllegalArgumentException when {@code key} is neither
     */
    public static Environment fromKey(String key) {
        for (Environment e : values()) {
            if (e.key.equals(key.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new IllegalArgumentException("environment '" + key + "' is not one of production, non-production");
    }

    @Override
    public String toString() {
        return key;
    }
}
