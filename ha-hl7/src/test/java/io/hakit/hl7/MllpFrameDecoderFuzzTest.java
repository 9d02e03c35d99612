package io.hakit.hl7;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the decoder: random bytes and mutated frames, fed in random splits.
 * Only the typed frame errors may escape, memory stays bounded by the maximum frame length,
 * and the decoder always recovers for a clean frame afterwards.
 */
class MllpFrameDecoderFuzzTest {

    static final int INPUTS = 120_000;
    static final int MAX = 512;

    @Test
    void onlyTypedErrorsAndBoundedMemoryOnRandomAndMutatedInput() {
        SplittableRandom random = new SplittableRandom(20261125L);
        byte[] valid = MllpFrameEncoder.encode(TestMessages.adtA01("FUZZ1").text().getBytes(ISO_8859_1));
        long frames = 0;
        long typedErrors = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = (i % 2 == 0) ? randomBytes(random) : mutate(valid, random);
            MllpFrameDecoder decoder = new MllpFrameDecoder(MAX);
            List<byte[]> out = new ArrayList<>();
            int pos = 0;
            while (pos < input.length) {
                int n = 1 + random.nextInt(Math.min(64, input.length - pos));
                try {
                    decoder.decode(input, pos, n, out::add);
                } catch (FrameTooLongException | CorruptedFrameException e) {
                    typedErrors++;
                } catch (RuntimeException e) {
                    fail("input " + i + " raised an untyped " + e, e);
                }
                pos += n;
                if (decoder.bufferCapacity() > MAX) {
                    fail("input " + i + " grew the buffer to " + decoder.bufferCapacity());
                }
            }
            for (byte[] f : out) {
                if (f.length > MAX) {
                    fail("input " + i + " produced a frame longer than the maximum");
                }
                for (byte b : f) {
                    if (b == MllpFrameDecoder.START_BLOCK || b == MllpFrameDecoder.END_BLOCK) {
                        fail("input " + i + " produced a frame holding a framing byte");
                    }
                }
            }
            frames += out.size();
            // after any garbage, a reset decoder still reads a clean frame
            decoder.reset();
            List<byte[]> clean = new ArrayList<>();
            decoder.decode(MllpFrameEncoder.encode(new byte[] {'o', 'k'}), clean::add);
            if (clean.size() != 1) {
                fail("input " + i + " left the decoder unable to read a clean frame");
            }
        }
        System.out.printf("decoder fuzz: %d inputs, %d frames decoded, %d typed errors%n", INPUTS, frames, typedErrors);
        assertThat(frames).isPositive();
        assertThat(typedErrors).isPositive();
    }

    private static byte[] randomBytes(SplittableRandom r) {
        byte[] b = new byte[r.nextInt(1, 1200)];
        for (int i = 0; i < b.length; i++) {
            int k = r.nextInt(10);
            // bias towards framing bytes so that frames and errors actually happen
            b[i] = k == 0 ? 0x0B : k == 1 ? 0x1C : k == 2 ? 0x0D : (byte) r.nextInt(256);
        }
        return b;
    }

    private static byte[] mutate(byte[] valid, SplittableRandom r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int copies = r.nextInt(1, 4);
        for (int c = 0; c < copies; c++) {
            out.writeBytes(valid);
        }
        byte[] b = out.toByteArray();
        int mutations = r.nextInt(1, 6);
        for (int m = 0; m < mutations; m++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(4)) {
                case 0: b[at] = (byte) r.nextInt(256); break;
                case 1: b[at] = 0x0B; break;
                case 2: b[at] = 0x1C; break;
                default:
                    byte[] cut = new byte[b.length - 1];
                    System.arraycopy(b, 0, cut, 0, at);
                    System.arraycopy(b, at + 1, cut, at, b.length - at - 1);
                    b = cut;
            }
        }
        return b;
    }
}
