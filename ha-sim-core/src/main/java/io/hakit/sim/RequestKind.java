package io.hakit.sim;

/**
 * What one request to a simulated device is, for counting faults. Every simulator sorts its
 * requests into these four the same way, so a fault numbered "the 3rd write" means the same on
 * every device:
 *
 * <ul>
 *   <li>{@link #SESSION}: opening or closing a session (login, logout, a token request, a token's
 *       extension or deletion);
 *   <li>{@link #READ}: a {@code GET} (or {@code HEAD});
 *   <li>{@link #SAVE}: saving the running configuration;
 *   <li>{@link #WRITE}: every other {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE} that
 *       passed authentication. A bulk request, a transaction's command, a transaction's creation
 *       and its commit are one write each.
 * </ul>
 *
 * A request refused before it was authenticated is counted as a request only.
 */
public enum RequestKind {
    /** Login, logout, token requests. */
    SESSION,
    /** A read. */
    READ,
    /** A change of the configuration other than a save. */
    WRITE,
    /** A save of the running configuration. */
    SAVE
}
