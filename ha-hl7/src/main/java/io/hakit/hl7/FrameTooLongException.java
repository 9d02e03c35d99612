package io.hakit.hl7;

/**
 * A frame grew beyond the configured maximum frame length; its bytes were discarded
 * without being buffered. Thread-safe (immutable).
 */
public class FrameTooLongException extends MllpFrameException {

    private static final long serialVersionUID = 1L;

    private final int maxFrameLength;

    /**
     * Creates an exception.
     *
     * @param maxFrameLength the limit that was exceeded, in bytes
     */
    public FrameTooLongException(int maxFrameLength) {
        super("MLLP frame longer than the maximum frame length of " + maxFrameLength + " bytes; discarded");
        this.maxFrameLength = maxFrameLength;
    }

    /**
     * The limit that was exceeded.
     *
     * @return the maximum frame length in bytes
     */
    public int maxFrameLength() {
        return maxFrameLength;
    }
}
