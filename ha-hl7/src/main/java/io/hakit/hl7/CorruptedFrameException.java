package io.hakit.hl7;

/**
 * A frame that violates MLLP framing: a start byte (0x0B) inside a frame, or an end byte
 * (0x1C) not followed by a carriage return (0x0D). The partial frame was discarded.
 * Thread-safe (immutable).
 */
public class CorruptedFrameException extends MllpFrameException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what was wrong with the frame
     */
    public CorruptedFrameException(String message) {
        super(message);
    }
}
