package io.hakit.hl7;

import java.util.Objects;
import java.util.Optional;

/**
 * An HL7 acknowledgement as read from its MSA segment: the code (MSA-1), the control ID it
 * acknowledges (MSA-2) and the text (MSA-3). A negative acknowledgement is an {@code Ack}
 * too, never an exception.
 *
 * <p>Immutable and thread-safe.
 */
public final class Ack {

    private final AckCode code;
    private final String acknowledgedControlId;
    private final String text;
    private final Hl7Message message;
    private final MllpEndpoint endpoint;

    private Ack(AckCode code, String acknowledgedControlId, String text, Hl7Message message, MllpEndpoint endpoint) {
        this.code = code;
        this.acknowledgedControlId = acknowledgedControlId;
        this.text = text;
        this.message = message;
        this.endpoint = endpoint;
    }

    /**
     * Reads the acknowledgement carried by a message.
     *
     * @param message an ACK (or any message with an MSA segment)
     * @return the acknowledgement
     * @throws NullPointerException if {@code message} is null
     * @throws Hl7ParseException if there is no MSA segment or MSA-1 is not a known code
     */
    public static Ack of(Hl7Message message) {
        Objects.requireNonNull(message, "message");
        String t = message.text();
        char f = message.fieldSeparator();
        String marker = "\rMSA" + f;
        int at = t.indexOf(marker);
        if (at < 0) {
            throw new Hl7ParseException("acknowledgement " + message.controlId() + " has no MSA segment");
        }
        int start = at + marker.length();
        int end = t.indexOf('\r', start);
        String msa = end < 0 ? t.substring(start) : t.substring(start, end);
        int f1 = msa.indexOf(f);
        AckCode code = AckCode.parse(f1 < 0 ? msa : msa.substring(0, f1));
        String controlId = "";
        String text = "";
        if (f1 >= 0) {
            int f2 = msa.indexOf(f, f1 + 1);
            controlId = f2 < 0 ? msa.substring(f1 + 1) : msa.substring(f1 + 1, f2);
            if (f2 >= 0) {
                int f3 = msa.indexOf(f, f2 + 1);
                text = f3 < 0 ? msa.substring(f2 + 1) : msa.substring(f2 + 1, f3);
            }
        }
        return new Ack(code, controlId, text, message, null);
    }

    /**
     * This acknowledgement, noting the endpoint it came from.
     *
     * @param endpoint the endpoint that sent it
     * @return a new acknowledgement
     * @throws NullPointerException if {@code endpoint} is null
     */
    public Ack withEndpoint(MllpEndpoint endpoint) {
        return new Ack(code, acknowledgedControlId, text, message, Objects.requireNonNull(endpoint, "endpoint"));
    }

    /**
     * MSA-1.
     *
     * @return the acknowledgement code
     */
    public AckCode code() {
        return code;
    }

    /**
     * Whether the message was delivered: the code is AA or CA.
     *
     * @return true if accepted
     */
    public boolean isAccepted() {
        return code.isAccept();
    }

    /**
     * MSA-2, the control ID (MSH-10) of the message acknowledged.
     *
     * @return the acknowledged control ID
     */
    public String acknowledgedControlId() {
        return acknowledgedControlId;
    }

    /**
     * MSA-3, the text message (raw, as escaped in the ACK).
     *
     * @return the text, empty if absent
     */
    public String text() {
        return text;
    }

    /**
     * The whole acknowledgement message.
     *
     * @return the message
     */
    public Hl7Message message() {
        return message;
    }

    /**
     * The endpoint that sent this acknowledgement, when it came over MLLP.
     *
     * @return the endpoint, or empty
     */
    public Optional<MllpEndpoint> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    @Override
    public String toString() {
        return "Ack[" + code + " " + acknowledgedControlId + (text.isEmpty() ? "" : " '" + text + "'")
                + (endpoint == null ? "" : " from " + endpoint) + "]";
    }
}
