package io.hakit.hl7;

import java.util.Objects;

/**
 * Wraps a payload in an MLLP (release 1) frame: {@code 0x0B payload 0x1C 0x0D}.
 *
 * <p>Stateless and thread-safe.
 */
public final class MllpFrameEncoder {

    private MllpFrameEncoder() {
    }

    /**
     * Frames a payload.
     *
     * @param payload the encoded HL7 message
     * @return a new array holding the frame
     * @throws NullPointerException if {@code payload} is null
     * @throws IllegalArgumentException if the payload contains a framing byte (0x0B or 0x1C),
     *     which would break the frame (for instance a UTF-16 encoded message)
     */
    public static byte[] encode(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        byte[] frame = new byte[payload.length + 3];
        frame[0] = MllpFrameDecoder.START_BLOCK;
        for (int i = 0; i < payload.length; i++) {
            byte b = payload[i];
            if (b == MllpFrameDecoder.START_BLOCK || b == MllpFrameDecoder.END_BLOCK) {
                throw new IllegalArgumentException("payload contains the MLLP framing byte 0x"
                        + Integer.toHexString(b) + " at offset " + i + "; it cannot be framed");
            }
            frame[i + 1] = b;
        }
        frame[payload.length + 1] = MllpFrameDecoder.END_BLOCK;
        frame[payload.length + 2] = MllpFrameDecoder.CARRIAGE_RETURN;
        return frame;
    }
}
