package io.hakit.model;

import java.util.Locale;

/** How a client is kept on one application server. */
public enum AffinityType {
    /** A cookie set by the load balancer (ARR's client affinity). */
    COOKIE("cookie"),
    /** The client's source address (Citrix SOURCEIP, F5 source-address persistence). */
    SOURCE_IP("source-ip"),
    /** No affinity. */
    NONE("none");

    private final String key;

    AffinityType(String key) {
        this.key = key;
    }

    /** @return the key used in topology files */
    public String key() {
        return key;
    }

    /**
     * @param key {@code cookie}, {@code source-ip} or {@code none}
     * @return the type
     * @throws IllegalArgumentException naming the valid keys
     */
    public static AffinityType fromKey(String key) {
        for (AffinityType t : values()) {
            if (t.key.equals(key.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("affinity type '" + key + "' is not one of cookie, source-ip, none");
    }

    @Override
    public String toString() {
        return key;
    }
}
