package io.hakit.hl7.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The connection slots of a listener. A new connection takes a free slot; when none is free it
 * takes the slot of the connection that has waited longest for a frame to start or to complete
 * (a slow or silent client), which is closed; a connection idle between complete frames is never
 * evicted. Only when every connection is idle between frames is the new one refused. So clients
 * that trickle bytes or say nothing cannot lock out a sender that sends whole frames, however many
 * of them connect. Thread-safe.
 *
 * @param <C> the connection type
 */
public final class ConnectionSlots<C> {

    /** What {@link #admit} decided. */
    public enum Decision {
        /** A free slot was taken. */
        ADMITTED,
        /** The slot of the connection returned by {@link Admission#evicted()} was taken: close it. */
        EVICTED_ANOTHER,
        /** No slot: close the new connection. */
        REFUSED
    }

    /**
     * What {@link #admit} decided.
     *
     * @param decision the decision
     * @param evicted the connection to close when {@code decision} is {@link Decision#EVICTED_ANOTHER}
     * @param <C> the connection type
     */
    public record Admission<C>(Decision decision, Optional<C> evicted) {
    }

    private final int max;
    private final Map<C, FrameDeadline> held = new LinkedHashMap<>();

    /** @param max the number of slots, at least 1 */
    public ConnectionSlots(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + max);
        }
        this.max = max;
    }

    /**
     * @param connection the new connection
     * @param deadline its deadline, read to find the connection waiting longest
     * @return whether it has a slot, and which connection to close for it
     */
    public synchronized Admission<C> admit(C connection, FrameDeadline deadline) {
        if (held.size() < max) {
            held.put(connection, deadline);
            return new Admission<>(Decision.ADMITTED, Optional.empty());
        }
        C victim = null;
        long oldest = Long.MAX_VALUE;
        for (Map.Entry<C, FrameDeadline> e : held.entrySet()) {
            long since = e.getValue().waitingSince();
            if (since != Long.MAX_VALUE && (victim == null || since - oldest < 0)) {
                victim = e.getKey();
                oldest = since;
            }
        }
        if (victim == null) {
            return new Admission<>(Decision.REFUSED, Optional.empty());
        }
        held.remove(victim);
        held.put(connection, deadline);
        return new Admission<>(Decision.EVICTED_ANOTHER, Optional.of(victim));
    }

    /**
     * Frees a connection's slot; nothing happens if it was evicted.
     *
     * @param connection the connection, closed
     */
    public synchronized void release(C connection) {
        held.remove(connection);
    }

    /** @return connections holding a slot */
    public synchronized int size() {
        return held.size();
    }
}
