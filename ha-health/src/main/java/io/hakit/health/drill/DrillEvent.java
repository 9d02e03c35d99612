package io.hakit.health.drill;

import java.util.Objects;

/**
 * One line of a drill's timeline. Immutable.
 *
 * @param atMs milliseconds since the drill started
 * @param server the server the step is about, or {@code ""} for the drill as a whole
 * @param text what happened, one line
 */
public record DrillEvent(long atMs, String server, String text) {

    /**
     * @throws NullPointerException naming a null argument
     */
    public DrillEvent {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(text, "text");
    }

    /** @return e.g. {@code +1520 ms app1.hospital.org: drained (12 members)} */
    @Override
    public String toString() {
        return "+" + atMs + " ms " + (server.isEmpty() ? "" : server + ": ") + text;
    }
}
