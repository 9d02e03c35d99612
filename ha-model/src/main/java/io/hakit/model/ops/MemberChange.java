package io.hakit.model.ops;

import java.util.Objects;

/**
 * One member of a drained or enabled server: its farm (the vendor's group: a Citrix service group, an F5 pool, an
 * ARR farm), its state before and after, and its current connections when last read. Immutable.
 *
 * @param farm the farm's name on the device
 * @param before the state before, e.g. {@code enabled}, {@code disabled}
 * @param after the state after
 * @param connections current connections when last read (0 when not read)
 */
public record MemberChange(String farm, String before, String after, long connections) {

    /** State word for a member that takes new connections. */
    public static final String ENABLED = "enabled";
    /** State word for a member that takes no new connections. */
    public static final String DISABLED = "disabled";
    /** State word for a member forced offline (F5 {@code user-down}). */
    public static final String OFFLINE = "offline";

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException when {@code connections} is negative
     */
    public MemberChange {
        Objects.requireNonNull(farm, "farm");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (connections < 0) {
            throw new IllegalArgumentException("connections (" + connections + ") must not be negative");
        }
    }
}
