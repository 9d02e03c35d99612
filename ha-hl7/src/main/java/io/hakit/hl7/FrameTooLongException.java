package io.hakit.hl7;

/**
 * A frame grew beyond the configured maximum frame length; its bytes were discarded
 * without being buffered. Thread-safe (immutable).
 */
public class FrameTooLongException extends MllpFrameException {

    private static final long serialVersionUID = 1L;

    /** How many of the frame's first bytes are kept, so that a reply can name its message: {@value}. */
    static final int HEAD_BYTES = 1024;

    private final int maxFrameLength;
    private final transient byte[] head;

    /**
     * Creates an exception.
     *
     * @param maxFrameLength the limit that was exceeded, in bytes
     */
    public FrameTooLongException(int maxFrameLength) {
        this(maxFrameLength, new byte[0]);
    }

    FrameTooLongException(int maxFrameLength, byte[] head) {
        super("MLLP frame longer than the maximum frame length of " + maxFrameLength + " bytes; discarded");
        this.maxFrameLength = maxFrameLength;
        this.head = head;
    }

    /** @return the frame's first bytes (at most {@link #HEAD_BYTES}), empty when unknown */
    byte[] head() {
        return head == null ? new byte[0] : head.clone();
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
