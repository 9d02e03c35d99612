package io.hakit.hl7;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MllpFrameDecoderTest {

    private final List<String> frames = new ArrayList<>();

    private static byte[] frame(String payload) {
        return MllpFrameEncoder.encode(payload.getBytes(US_ASCII));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private void feed(MllpFrameDecoder d, byte[] bytes) {
        d.decode(bytes, p -> frames.add(new String(p, US_ASCII)));
    }

    @Test
    void decodesOneFrame() {
        MllpFrameDecoder d = new MllpFrameDecoder();
        feed(d, frame("MSH|^~\\&|A\r"));
        assertThat(frames).containsExactly("MSH|^~\\&|A\r");
        assertThat(d.inFrame()).isFalse();
        assertThat(d.droppedBytes()).isZero();
    }

    @Test
    void decodesAFrameSplitAtEveryPossibleByte() {
        byte[] all = concat(frame("first\r"), frame("second\r"));
        for (int cut = 0; cut <= all.length; cut++) {
            frames.clear();
            MllpFrameDecoder d = new MllpFrameDecoder();
            d.decode(all, 0, cut, p -> frames.add(new String(p, US_ASCII)));
            d.decode(all, cut, all.length - cut, p -> frames.add(new String(p, US_ASCII)));
            assertThat(frames).as("cut at %d", cut).containsExactly("first\r", "second\r");
        }
    }

    @Test
    void decodesOneByteAtATime() {
        byte[] all = concat(frame("a\r"), frame("b\r"), frame("c\r"));
        MllpFrameDecoder d = new MllpFrameDecoder();
        for (byte b : all) {
            feed(d, new byte[] {b});
        }
        assertThat(frames).containsExactly("a\r", "b\r", "c\r");
    }

    @Test
    void decodesCoalescedFramesInOneRead() {
        MllpFrameDecoder d = new MllpFrameDecoder();
        int n = d.decode(concat(frame("1"), frame("2"), frame("3")), p -> frames.add(new String(p, US_ASCII)));
        assertThat(n).isEqualTo(3);
        assertThat(frames).containsExactly("1", "2", "3");
    }

    @Test
    void dropsAndCountsBytesOutsideFrames() {
        MllpFrameDecoder d = new MllpFrameDecoder();
        feed(d, concat("junk".getBytes(US_ASCII), frame("x"), "\n\r".getBytes(US_ASCII), frame("y")));
        assertThat(frames).containsExactly("x", "y");
        assertThat(d.droppedBytes()).isEqualTo(6);
    }

    @Test
    void frameOfExactlyTheMaximumLengthIsAccepted() {
        MllpFrameDecoder d = new MllpFrameDecoder(5);
        feed(d, frame("12345"));
        assertThat(frames).containsExactly("12345");
    }

    @Test
    void frameLongerThanTheMaximumIsDiscardedAndTheNextOneDecoded() {
        MllpFrameDecoder d = new MllpFrameDecoder(5);
        assertThatThrownBy(() -> feed(d, concat(frame("123456"), frame("ok"))))
                .isInstanceOf(FrameTooLongException.class)
                .hasMessageContaining("5 bytes");
        assertThat(frames).containsExactly("ok");
        assertThat(d.droppedBytes()).isEqualTo(9);
    }

    @Test
    void frameTooLongAcrossReadsIsNotBuffered() {
        MllpFrameDecoder d = new MllpFrameDecoder(1000);
        byte[] chunk = new byte[400];
        java.util.Arrays.fill(chunk, (byte) 'x');
        feed(d, new byte[] {0x0B});
        feed(d, chunk);
        feed(d, chunk);
        assertThatThrownBy(() -> feed(d, chunk)).isInstanceOf(FrameTooLongException.class);
        feed(d, chunk); // still discarding, no error
        feed(d, new byte[] {0x1C, 0x0D});
        feed(d, frame("after"));
        assertThat(frames).containsExactly("after");
        assertThat(d.bufferCapacity()).isLessThanOrEqualTo(1000);
    }

    @Test
    void startByteInsideAFrameIsACorruptFrame() {
        MllpFrameDecoder d = new MllpFrameDecoder();
        byte[] bytes = concat(new byte[] {0x0B}, "partial".getBytes(US_ASCII), frame("whole"));
        assertThatThrownBy(() -> feed(d, bytes))
                .isInstanceOf(CorruptedFrameException.class)
                .hasMessageContaining("start byte");
        assertThat(frames).containsExactly("whole");
    }

    @Test
    void endByteWithoutCarriageReturnIsACorruptFrame() {
        MllpFrameDecoder d = new MllpFrameDecoder();
        byte[] bytes = concat(new byte[] {0x0B, 'a', 0x1C, 'b'}, frame("next"));
        assertThatThrownBy(() -> feed(d, bytes))
                .isInstanceOf(CorruptedFrameException.class)
                .hasMessageContaining("0x1C not followed by 0x0D");
        assertThat(frames).containsExactly("next");
    }

    @Test
    void severalErrorsInOneReadAreReportedOnceWithTheRestSuppressed() {
        MllpFrameDecoder d = new MllpFrameDecoder(3);
        byte[] bytes = concat(frame("toolong"), new byte[] {0x0B, 'a', 0x1C, 'b'}, frame("ok"));
        assertThatThrownBy(() -> feed(d, bytes))
                .isInstanceOf(FrameTooLongException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1)
                        .allSatisfy(s -> assertThat(s).isInstanceOf(CorruptedFrameException.class)));
        assertThat(frames).containsExactly("ok");
    }

    @Test
    void resetForgetsAPartialFrame() {
        MllpFrameDecoder d = new MllpFrameDecoder();
        feed(d, new byte[] {0x0B, 'a', 'b'});
        assertThat(d.inFrame()).isTrue();
        d.reset();
        feed(d, frame("c"));
        assertThat(frames).containsExactly("c");
    }

    @Test
    void rejectsMisuse() {
        assertThatThrownBy(() -> new MllpFrameDecoder(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxFrameLength");
        MllpFrameDecoder d = new MllpFrameDecoder();
        assertThatThrownBy(() -> d.decode(new byte[2], 1, 2, p -> { })).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> d.decode(null, p -> { })).isInstanceOf(NullPointerException.class);
    }
}
