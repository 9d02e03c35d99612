package io.hakit.model.ops;

import java.util.Objects;

/**
 * One member of a deployment's farm as a device reports it, for {@link DrainProcedure}. Immutable.
 *
 * @param service the farm's service (catalog key), e.g. {@code web-services}
 * @param group the vendor's group holding the member (service group, pool, ARR farm)
 * @param server the member's server FQDN
 * @param port the member's port
 * @param failover whether the farm is active/standby (HL7)
 * @param state the administrative state
 * @param available whether the device's monitor counts it up (an enabled member that is down serves nothing)
 * @param markedByDrain whether hakit's drain took it out (the mark drain leaves on the device), so that enable
 *     puts it back
 * @param connections its current connections
 */
public record DeviceMember(String service, String group, String server, int port, boolean failover, State state,
        boolean available, boolean markedByDrain, long connections) {

    /** A member's administrative state. */
    public enum State {
        /** Takes new connections. */
        ENABLED,
        /** Takes no new connections; existing ones finish. */
        DISABLED,
        /** Forced offline. */
        OFFLINE;

        /** @return the word in {@link MemberChange}, e.g. {@code enabled} */
        public String word() {
            return switch (this) {
                case ENABLED -> MemberChange.ENABLED;
                case DISABLED -> MemberChange.DISABLED;
                case OFFLINE -> MemberChange.OFFLINE;
            };
        }
    }

    /**
     * @throws NullPointerException naming a null argument
     */
    public DeviceMember {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(state, "state");
    }

    /** @return whether it takes new connections: enabled and up */
    public boolean up() {
        return state == State.ENABLED && available;
    }
}
