package io.hakit.hl7;

/**
 * What an {@link MllpListener} does with each message it receives: returns the response
 * to send back, normally {@code message.createAck(AckCode.AA, null)}.
 *
 * <p>If the handler throws, the listener answers AE with the exception's message. If it
 * returns {@code null}, no response is sent (this simulates a receiver that never
 * acknowledges). Called on the connection's thread, one message at a time per
 * connection; implementations shared by several connections must be thread-safe.
 */
@FunctionalInterface
public interface Hl7Handler {

    /**
     * Handles one message.
     *
     * @param message the message received
     * @return the response to send, or {@code null} to send none
     */
    Hl7Message handle(Hl7Message message);

    /**
     * A handler that acknowledges every message with the same code.
     *
     * @param code the code to answer with
     * @return the handler
     * @throws NullPointerException if {@code code} is null
     */
    static Hl7Handler replying(AckCode code) {
        java.util.Objects.requireNonNull(code, "code");
        return message -> message.createAck(code, null);
    }
}
