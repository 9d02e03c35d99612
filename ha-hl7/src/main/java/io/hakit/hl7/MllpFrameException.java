package io.hakit.hl7;

/**
 * Bytes that do not form a valid MLLP frame. The decoder that throws it has already
 * discarded the offending bytes and is ready for the next frame. Thread-safe (immutable).
 */
public class MllpFrameException extends Hl7Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what was wrong with the frame
     */
    public MllpFrameException(String message) {
        super(message);
    }
}
