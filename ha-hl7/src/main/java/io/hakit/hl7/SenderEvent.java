package io.hakit.hl7;

/**
 * What a {@link FailoverMllpSender} reports while it works: every failed attempt, a switch
 * of the active endpoint, a retry after an error acknowledgement, a delivery, a message
 * given up.
 * Events are delivered on the sender's thread, in the order they happen; listeners must
 * return quickly and must not throw (a throwing listener is logged and ignored).
 */
public sealed interface SenderEvent {

    /**
     * One attempt to send a message failed at the transport level (refused or failed connect,
     * time-out, reset, connection closed before the ACK). Reported for every attempt, also
     * while every endpoint is down; the sender's log reports only the changes of state.
     *
     * @param controlId MSH-10 of the message
     * @param endpoint the endpoint the attempt went to
     * @param reason the failure, naming the endpoint and the time-out that fired if any
     * @param attempt which attempt at this message this was, from 1
     */
    record AttemptFailed(String controlId, MllpEndpoint endpoint, String reason, int attempt) implements SenderEvent {
    }

    /**
     * The active endpoint changed.
     *
     * @param from the endpoint given up
     * @param to the new active endpoint
     * @param reason why: the failure that fired, or {@code "fail-back"}
     * @param controlId MSH-10 of the message in flight that is resent to {@code to}, or
     *     {@code null} when no message was in flight (fail-back between messages)
     */
    record Switched(MllpEndpoint from, MllpEndpoint to, String reason, String controlId) implements SenderEvent {
    }

    /**
     * A message answered with an error code (AE/CE) is sent again.
     *
     * @param controlId MSH-10 of the message
     * @param endpoint the endpoint that answered the error
     * @param ack the error acknowledgement
     * @param retry which retry this is, from 1
     */
    record Retried(String controlId, MllpEndpoint endpoint, Ack ack, int retry) implements SenderEvent {
    }

    /**
     * A message was acknowledged with AA or CA.
     *
     * @param controlId MSH-10 of the message
     * @param endpoint the endpoint that acknowledged it
     * @param ack the acknowledgement
     * @param attempts how many times it was written, from 1
     */
    record Delivered(String controlId, MllpEndpoint endpoint, Ack ack, int attempts) implements SenderEvent {
    }

    /**
     * A message was handed back to the caller: rejected (AR/CR), still in error after the
     * allowed retries (AE/CE), or undelivered when the give-up time ran out.
     *
     * @param controlId MSH-10 of the message
     * @param reason why it was given up
     * @param ack the last acknowledgement, or {@code null} if none arrived
     */
    record GivenUp(String controlId, String reason, Ack ack) implements SenderEvent {
    }
}
