package io.hakit.hl7;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A socket-free MLLP (release 1) frame decoder: turns a byte stream of
 * {@code 0x0B payload 0x1C 0x0D} frames into payloads, whatever way the stream is split
 * into reads (partial frames, frames split at any byte, several frames in one read).
 *
 * <p>Rules:
 * <ul>
 *   <li>Bytes outside frames (before a start byte) are dropped and counted in
 *       {@link #droppedBytes()}.</li>
 *   <li>A frame longer than the maximum frame length is discarded up to its end without
 *       being buffered; {@link FrameTooLongException} is thrown.</li>
 *   <li>A start byte inside a frame discards the partial frame and begins a new one; an end
 *       byte 0x1C not followed by 0x0D discards the frame. Both throw
 *       {@link CorruptedFrameException}.</li>
 *   <li>Memory is bounded by the maximum frame length (plus a small growth margin).</li>
 * </ul>
 * Errors never lose good frames: {@link #decode} processes the whole buffer, hands every
 * complete frame to the sink, and only then throws the first error of that buffer (later
 * ones of the same call are added as suppressed exceptions). The decoder is then ready
 * for more input.
 *
 * <p>Not thread-safe: use one decoder per connection.
 */
public final class MllpFrameDecoder {

    /** MLLP start block byte (VT). */
    public static final byte START_BLOCK = 0x0B;
    /** MLLP end block byte (FS). */
    public static final byte END_BLOCK = 0x1C;
    /** Carriage return that ends a frame (and every HL7 segment). */
    public static final byte CARRIAGE_RETURN = 0x0D;
    /** Default maximum frame length: 1 MiB. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 1 << 20;

    private static final int IDLE = 0;
    private static final int IN_FRAME = 1;
    private static final int SAW_END = 2;
    private static final int DISCARDING = 3;
    private static final int DISCARDING_SAW_END = 4;

    private final int maxFrameLength;
    private byte[] buffer;
    private int length;
    private int state = IDLE;
    private long droppedBytes;

    /**
     * A decoder with the {@link #DEFAULT_MAX_FRAME_LENGTH default maximum frame length}.
     */
    public MllpFrameDecoder() {
        this(DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * A decoder with a maximum frame length.
     *
     * @param maxFrameLength the longest payload accepted, in bytes (at least 1)
     * @throws IllegalArgumentException if {@code maxFrameLength} is less than 1
     */
    public MllpFrameDecoder(int maxFrameLength) {
        if (maxFrameLength < 1) {
            throw new IllegalArgumentException("maxFrameLength must be at least 1, was " + maxFrameLength);
        }
        this.maxFrameLength = maxFrameLength;
        this.buffer = new byte[Math.min(maxFrameLength, 4096)];
    }

    /**
     * Decodes bytes, handing each complete payload (without framing bytes) to {@code sink}.
     *
     * @param bytes the buffer
     * @param offset where the new bytes start
     * @param count how many new bytes there are
     * @param sink receives each complete payload, in order
     * @return the number of payloads handed to the sink
     * @throws NullPointerException if {@code bytes} or {@code sink} is null
     * @throws IndexOutOfBoundsException if {@code offset} and {@code count} do not fit {@code bytes}
     * @throws FrameTooLongException if a frame exceeded the maximum length (after all good frames were handed on)
     * @throws CorruptedFrameException if a frame broke MLLP framing (after all good frames were handed on)
     */
    public int decode(byte[] bytes, int offset, int count, Consumer<byte[]> sink) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(sink, "sink");
        Objects.checkFromIndexSize(offset, count, bytes.length);
        int frames = 0;
        MllpFrameException error = null;
        int end = offset + count;
        int i = offset;
        while (i < end) {
            byte b = bytes[i];
            switch (state) {
                case IDLE:
                    if (b == START_BLOCK) {
                        state = IN_FRAME;
                        length = 0;
                    } else {
                        droppedBytes++;
                    }
                    i++;
                    break;
                case IN_FRAME: {
                    // fast path: copy a run of ordinary bytes at once
                    int run = i;
                    while (run < end && bytes[run] != END_BLOCK && bytes[run] != START_BLOCK) {
                        run++;
                    }
                    int n = run - i;
                    if (n > 0) {
                        if (length + n > maxFrameLength) {
                            byte[] head = head(bytes, i, n);
                            droppedBytes += length + 1L + n;
                            length = 0;
                            state = DISCARDING;
                            error = add(error, new FrameTooLongException(maxFrameLength, head));
                            shrink();
                            i = run;
                            break;
                        }
                        ensure(length + n);
                        System.arraycopy(bytes, i, buffer, length, n);
                        length += n;
                        i = run;
                        break;
                    }
                    if (b == END_BLOCK) {
                        state = SAW_END;
                    } else {
                        error = add(error, new CorruptedFrameException(
                                "MLLP start byte 0x0B inside a frame after " + length + " bytes; partial frame discarded"));
                        droppedBytes += length + 1L;
                        length = 0;
                    }
                    i++;
                    break;
                }
                case SAW_END:
                    if (b == CARRIAGE_RETURN) {
                        byte[] payload = Arrays.copyOf(buffer, length);
                        length = 0;
                        state = IDLE;
                        shrink();
                        frames++;
                        sink.accept(payload);
                        i++;
                    } else {
                        error = add(error, new CorruptedFrameException(
                                "MLLP end byte 0x1C not followed by 0x0D after " + length + " bytes; frame discarded"));
                        droppedBytes += length + 2L;
                        length = 0;
                        state = IDLE;
                        shrink();
                        // re-examine this byte in IDLE: it may start the next frame
                    }
                    break;
                case DISCARDING:
                    if (b == END_BLOCK) {
                        state = DISCARDING_SAW_END;
                    } else if (b == START_BLOCK) {
                        state = IN_FRAME;
                        length = 0;
                        i++;
                        break;
                    }
                    droppedBytes++;
                    i++;
                    break;
                default: // DISCARDING_SAW_END
                    if (b == CARRIAGE_RETURN) {
                        state = IDLE;
                        droppedBytes++;
                        i++;
                    } else if (b == START_BLOCK) {
                        state = IN_FRAME;
                        length = 0;
                        i++;
                    } else {
                        state = DISCARDING;
                        droppedBytes++;
                        i++;
                    }
                    break;
            }
        }
        if (error != null) {
            throw error;
        }
        return frames;
    }

    /** The first bytes of the frame that overflowed, so that a reply can name its message. */
    private byte[] head(byte[] bytes, int from, int n) {
        int keep = Math.min(FrameTooLongException.HEAD_BYTES, length + n);
        byte[] head = new byte[keep];
        int fromBuffer = Math.min(length, keep);
        System.arraycopy(buffer, 0, head, 0, fromBuffer);
        System.arraycopy(bytes, from, head, fromBuffer, keep - fromBuffer);
        return head;
    }

    /**
     * Decodes all of {@code bytes}; see {@link #decode(byte[], int, int, Consumer)}.
     *
     * @param bytes the new bytes
     * @param sink receives each complete payload, in order
     * @return the number of payloads handed to the sink
     * @throws FrameTooLongException if a frame exceeded the maximum length
     * @throws CorruptedFrameException if a frame broke MLLP framing
     */
    public int decode(byte[] bytes, Consumer<byte[]> sink) {
        return decode(Objects.requireNonNull(bytes, "bytes"), 0, bytes.length, sink);
    }

    /**
     * Whether the decoder holds part of a frame (it has seen a start byte but not the end).
     *
     * @return true inside a frame
     */
    public boolean inFrame() {
        return state != IDLE;
    }

    /**
     * Forgets any partial frame (for instance after the connection was re-established).
     */
    public void reset() {
        state = IDLE;
        length = 0;
        shrink();
    }

    /**
     * Bytes dropped so far: bytes outside frames and the bytes of discarded frames.
     *
     * @return the count since this decoder was created
     */
    public long droppedBytes() {
        return droppedBytes;
    }

    /**
     * The maximum frame length.
     *
     * @return the longest payload accepted, in bytes
     */
    public int maxFrameLength() {
        return maxFrameLength;
    }

    /**
     * Bytes currently held for a partial frame (for tests and monitoring).
     *
     * @return the buffer capacity in bytes
     */
    int bufferCapacity() {
        return buffer.length;
    }

    private void ensure(int needed) {
        if (needed > buffer.length) {
            int grown = (int) Math.min(Math.max((long) buffer.length * 2, needed), maxFrameLength);
            buffer = Arrays.copyOf(buffer, grown);
        }
    }

    private void shrink() {
        if (buffer.length > 65536) {
            buffer = new byte[4096];
        }
    }

    private static MllpFrameException add(MllpFrameException first, MllpFrameException next) {
        if (first == null) {
            return next;
        }
        if (first.getSuppressed().length < 16) {
            first.addSuppressed(next);
        }
        return first;
    }
}
