package io.hakit.hl7;

/**
 * A payload that is not an HL7 v2 message this module can read: no MSH segment, a
 * malformed MSH header, bytes not valid in the message's charset, or an acknowledgement
 * without an MSA segment.
 * Thread-safe (immutable).
 */
public class Hl7ParseException extends Hl7Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what could not be read, and why
     */
    public Hl7ParseException(String message) {
        super(message);
    }
}
