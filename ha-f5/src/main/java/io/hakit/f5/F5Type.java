package io.hakit.f5;

import java.util.Map;
import java.util.Optional;

/**
 * The BIG-IP object types hakit reads and writes, with their REST collection, whether they carry a
 * {@code description} (hakit's ownership marker) and the device defaults a GET may leave out.
 */
public enum F5Type {
    /** {@code ltm node}: an application server, by FQDN (F5-001) or address. */
    NODE("ltm/node", true, false, Map.of()),
    /** {@code ltm monitor https}. */
    MONITOR_HTTPS("ltm/monitor/https", true, false, Map.of("interval", 5L, "timeout", 16L)),
    /** {@code ltm monitor http}. */
    MONITOR_HTTP("ltm/monitor/http", true, false, Map.of("interval", 5L, "timeout", 16L)),
    /** {@code ltm profile tcp}. */
    PROFILE_TCP("ltm/profile/tcp", true, false, Map.of("idleTimeout", 300L)),
    /** {@code ltm persistence source-addr}. */
    PERSISTENCE_SOURCE_ADDR("ltm/persistence/source-addr", true, false, Map.of("timeout", 180L)),
    /** {@code sys file ssl-cert}: no description; recognised by the name hakit gives it. */
    SSL_CERT("sys/file/ssl-cert", false, false, Map.of()),
    /** {@code sys file ssl-key}: no description; recognised by the name hakit gives it. */
    SSL_KEY("sys/file/ssl-key", false, false, Map.of()),
    /** {@code ltm profile client-ssl}. */
    PROFILE_CLIENT_SSL("ltm/profile/client-ssl", true, false, Map.of()),
    /** {@code ltm profile server-ssl}. */
    PROFILE_SERVER_SSL("ltm/profile/server-ssl", true, false, Map.of()),
    /** {@code ltm pool}, members inline. */
    POOL("ltm/pool", true, true, Map.of("minActiveMembers", 0L)),
    /** {@code ltm virtual}, profiles inline. */
    VIRTUAL("ltm/virtual", true, true, Map.of()),
    /** {@code gtm server}. */
    GTM_SERVER("gtm/server", true, true, Map.of()),
    /** {@code gtm pool a}: no description; recognised by the name hakit gives it. */
    GTM_POOL_A("gtm/pool/a", false, true, Map.of()),
    /** {@code gtm wideip a}. */
    GTM_WIDEIP_A("gtm/wideip/a", true, false, Map.of());

    private final String key;
    private final boolean described;
    private final boolean subcollections;
    private final Map<String, Object> defaults;

    F5Type(String key, boolean described, boolean subcollections, Map<String, Object> defaults) {
        this.key = key;
        this.described = described;
        this.subcollections = subcollections;
        this.defaults = defaults;
    }

    /** @return the type as plans name it, e.g. {@code ltm/pool} */
    public String key() {
        return key;
    }

    /** @return the collection path, e.g. {@code /mgmt/tm/ltm/pool} */
    public String collection() {
        return "/mgmt/tm/" + key;
    }

    /** @return the path that reads the whole collection (sub-collections inlined where the type has them) */
    public String listPath() {
        return subcollections ? collection() + "?expandSubcollections=true" : collection();
    }

    /** @return whether the type has a {@code description}, where hakit writes its ownership marker */
    public boolean described() {
        return described;
    }

    /**
     * @param attribute an attribute name
     * @return the device's default for it, when a GET may leave it out
     */
    public Optional<Object> deviceDefault(String attribute) {
        return Optional.ofNullable(defaults.get(attribute));
    }

    /**
     * @param key a key such as {@code ltm/pool}
     * @return the type
     */
    public static Optional<F5Type> fromKey(String key) {
        for (F5Type t : values()) {
            if (t.key.equals(key)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return key;
    }
}
