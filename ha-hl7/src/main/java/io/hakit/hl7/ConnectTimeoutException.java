package io.hakit.hl7;

import java.time.Duration;

/**
 * The TCP (or TLS) connection to an endpoint was not established within the connect
 * time-out. Names the endpoint and the time-out. Thread-safe (immutable).
 */
public class ConnectTimeoutException extends MllpTransportException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    /**
     * Creates an exception.
     *
     * @param endpoint the endpoint that did not answer
     * @param timeout the connect time-out that fired
     * @param cause the underlying failure, may be {@code null}
     */
    public ConnectTimeoutException(MllpEndpoint endpoint, Duration timeout, Throwable cause) {
        super(endpoint, "connect time-out of " + timeout.toMillis() + " ms fired", cause);
        this.timeout = timeout;
    }

    /**
     * The connect time-out that fired.
     *
     * @return the time-out
     */
    public Duration timeout() {
        return timeout;
    }
}
