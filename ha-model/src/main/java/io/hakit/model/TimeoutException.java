package io.hakit.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A device or server did not connect or answer in time. {@link #kind()} says which time-out fired, so a
 * caller can tell "the address is unreachable" (connect) from "the device is slow" (response) without
 * reading the message.
 */
public class TimeoutException extends TransportException {
    private static final long serialVersionUID = 1L;

    /** Which time-out fired. */
    public enum Kind {
        /** No TCP connection (or TLS handshake) within the connect time-out. */
        CONNECT,
        /** Connected, but no (complete) answer within the response time-out. */
        RESPONSE
    }

    private final Kind kind;
    private final Duration timeout;

    /**
     * @param kind which time-out fired
     * @param timeout its value
     * @param message what failed, naming the endpoint and the time-out
     * @param cause the underlying failure
     */
    public TimeoutException(Kind kind, Duration timeout, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** @return which time-out fired */
    public Kind kind() {
        return kind;
    }

    /** @return the time-out's value */
    public Duration timeout() {
        return timeout;
    }
}
