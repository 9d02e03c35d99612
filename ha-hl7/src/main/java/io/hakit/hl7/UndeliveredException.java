package io.hakit.hl7;

/**
 * A {@link FailoverMllpSender} gave up on a message without any acknowledgement: its
 * give-up time elapsed while no endpoint answered, or the sender was closed before the
 * message was delivered (it then stays in the {@link io.hakit.hl7.spi.Outbox} and is sent
 * again when a sender is next opened on the same outbox). Thread-safe (immutable).
 */
public class UndeliveredException extends Hl7Exception {

    private static final long serialVersionUID = 1L;

    private final String controlId;

    /**
     * Creates an exception.
     *
     * @param controlId MSH-10 of the message that was not delivered
     * @param message why it was not delivered
     * @param cause the last failure, may be {@code null}
     */
    public UndeliveredException(String controlId, String message, Throwable cause) {
        super("message " + controlId + " not delivered: " + message, cause);
        this.controlId = controlId;
    }

    /**
     * MSH-10 of the message that was not delivered.
     *
     * @return the control ID
     */
    public String controlId() {
        return controlId;
    }
}
