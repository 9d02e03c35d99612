package io.hakit.hl7;

import io.hakit.model.HakitException;

/**
 * The unchecked root of every exception thrown by hakit's HL7 module, under hakit's one root
 * {@link HakitException}.
 *
 * <p>Beneath it: {@link MllpTransportException} (could not reach or talk to an endpoint,
 * with {@link ConnectTimeoutException} and {@link AckTimeoutException} naming the time-out
 * that fired), {@link MllpFrameException} (bytes on the wire that are not a valid MLLP
 * frame), {@link Hl7ParseException} (a payload that is not an HL7 v2 message) and
 * {@link UndeliveredException} (a sender gave up on a message). Negative acknowledgements
 * are not exceptions: they are {@link Ack} values.
 *
 * <p>Instances are immutable once thrown and safe to share between threads.
 */
public class Hl7Exception extends HakitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what went wrong, naming the endpoint or input concerned
     */
    public Hl7Exception(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what went wrong, naming the endpoint or input concerned
     * @param cause the underlying failure, may be {@code null}
     */
    public Hl7Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
