package io.hakit.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A session-affinity policy: type and idle time-out. Immutable and thread-safe.
 *
 * @param type how clients are pinned
 * @param timeout how long an idle client stays pinned ({@link Duration#ZERO} for {@link AffinityType#NONE})
 */
public record Affinity(AffinityType type, Duration timeout) {

    /** The persistence time-out the guide gives for Citrix and F5 (AFF-002): 10 minutes. */
    public static final Duration DEFAULT_PERSISTENCE_TIMEOUT = Duration.ofMinutes(10);

    /** No affinity. */
    public static final Affinity NONE = new Affinity(AffinityType.NONE, Duration.ZERO);

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException when the time-out is negative
     */
    public Affinity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("affinity timeout (" + timeout + ") must not be negative");
        }
    }

    /**
     * The affinity the guide prescribes for a vendor (AFF-001, AFF-002): ARR cookie
     * affinity; Citrix SOURCEIP and F5 source-address persistence for 10 minutes.
     *
     * @param vendor the load balancer
     * @return the guide's policy for that vendor
     */
    public static Affinity guideDefault(Vendor vendor) {
        Objects.requireNonNull(vendor, "vendor");
        return vendor == Vendor.IIS
                ? new Affinity(AffinityType.COOKIE, Duration.ZERO)
                : new Affinity(AffinityType.SOURCE_IP, DEFAULT_PERSISTENCE_TIMEOUT);
    }

    /** @return whether clients are pinned at all */
    public boolean enabled() {
        return type != AffinityType.NONE;
    }
}
