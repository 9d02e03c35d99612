package io.hakit.hl7;

import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an {@link MllpListener} answers: decodes each payload, hands HL7 messages to the
 * application's {@link Hl7Handler} and returns the response as an MLLP frame in the message's
 * charset. Payloads that are not HL7, messages whose bytes are not valid in their charset and
 * oversize frames are answered with an AR here and never reach the handler; a handler that
 * throws is answered with an AE. Thread-safe.
 */
final class MllpResponder {

    private static final Logger LOG = LoggerFactory.getLogger(MllpListener.class);

    private final Hl7Handler handler;
    private final Charset defaultCharset;
    private final BooleanSupplier closed;
    private final AtomicLong received = new AtomicLong();

    MllpResponder(Hl7Handler handler, Charset defaultCharset, BooleanSupplier closed) {
        this.handler = handler;
        this.defaultCharset = defaultCharset;
        this.closed = closed;
    }

    /** Messages handed to the handler so far. */
    long receivedCount() {
        return received.get();
    }

    /**
     * The frame answering one payload, or null when there is nothing to send (the listener is
     * closing, or the handler answered nothing).
     */
    byte[] respond(byte[] payload) {
        if (closed.getAsBoolean()) {
            // closing: hand no new message to the application; the sender gets no ACK and resends elsewhere
            return null;
        }
        Hl7Message response;
        Hl7Message message = null;
        Hl7Message unreadable = null;
        try {
            message = Hl7Message.decode(payload, defaultCharset);
        } catch (Hl7ParseException e) {
            try {
                // the header reads but the bytes are not valid in the message's charset
                unreadable = Hl7Message.decode(payload, defaultCharset, false);
                LOG.warn("MLLP listener: rejecting {}: {}", unreadable, e.getMessage());
            } catch (Hl7ParseException notHl7) {
                LOG.warn("MLLP listener: rejecting a payload that is not an HL7 message: {}", e.getMessage());
            }
        }
        if (unreadable != null) {
            response = unreadable.createAck(AckCode.AR, "bytes not valid in the message's charset ("
                    + unreadable.charset(defaultCharset).name() + ")");
            message = unreadable;
        } else if (message == null) {
            response = Hl7Message.createGenericAck(AckCode.AR, "not an HL7 v2 message");
        } else {
            received.incrementAndGet();
            try {
                response = handler.handle(message);
            } catch (RuntimeException e) {
                LOG.warn("MLLP listener: handler failed on {}: {}", message, e.toString());
                response = message.createAck(AckCode.AE, e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage());
            }
        }
        if (response == null || closed.getAsBoolean()) {
            return null;
        }
        Charset charset = message != null ? message.charset(defaultCharset) : defaultCharset;
        return MllpFrameEncoder.encode(response.text().getBytes(response.charset(charset)));
    }

    /**
     * The frame answering a frame over the maximum length: an AR that names the limit, for the
     * message whose header the frame's first bytes carry (a generic AR when they carry none).
     */
    byte[] rejectOversize(FrameTooLongException e) {
        String text = "message longer than the maximum frame length of " + e.maxFrameLength() + " bytes; rejected";
        Hl7Message response;
        Charset charset = defaultCharset;
        try {
            Hl7Message head = Hl7Message.decode(e.head(), defaultCharset, false);
            charset = head.charset(defaultCharset);
            response = head.createAck(AckCode.AR, text);
        } catch (Hl7ParseException notHl7) {
            response = Hl7Message.createGenericAck(AckCode.AR, text);
        }
        return MllpFrameEncoder.encode(response.text().getBytes(response.charset(charset)));
    }
}
