package io.hakit.hl7;

import java.time.Duration;

/**
 * A message was written but no acknowledgement carrying its control ID arrived within the
 * ACK time-out. The connection is closed when this is thrown, so that a late ACK can never
 * be matched to a later message. Names endpoint, control ID and time-out.
 * Thread-safe (immutable).
 */
public class AckTimeoutException extends MllpTransportException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;
    private final String controlId;

    /**
     * Creates an exception.
     *
     * @param endpoint the endpoint that did not acknowledge
     * @param controlId MSH-10 of the unacknowledged message
     * @param timeout the ACK time-out that fired
     */
    public AckTimeoutException(MllpEndpoint endpoint, String controlId, Duration timeout) {
        super(endpoint, "ACK time-out of " + timeout.toMillis() + " ms fired waiting for the ACK of control ID "
                + controlId, null);
        this.timeout = timeout;
        this.controlId = controlId;
    }

    /**
     * The ACK time-out that fired.
     *
     * @return the time-out
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * MSH-10 of the message that was not acknowledged.
     *
     * @return the control ID
     */
    public String controlId() {
        return controlId;
    }
}
