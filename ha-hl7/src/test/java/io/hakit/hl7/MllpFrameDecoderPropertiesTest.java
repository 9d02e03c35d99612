package io.hakit.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the decoder: however a stream of valid frames is split, the same payloads come out. */
class MllpFrameDecoderPropertiesTest {

    @Provide
    Arbitrary<List<byte[]>> payloads() {
        Arbitrary<byte[]> payload = Arbitraries.bytes()
                .filter(b -> b != MllpFrameDecoder.START_BLOCK && b != MllpFrameDecoder.END_BLOCK)
                .array(byte[].class).ofMinSize(0).ofMaxSize(300);
        return payload.list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 500)
    void anySplitOfValidFramesYieldsThePayloadsInOrder(@ForAll("payloads") List<byte[]> payloads,
            @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 64) Integer> chunks) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        payloads.forEach(p -> stream.writeBytes(MllpFrameEncoder.encode(p)));
        byte[] all = stream.toByteArray();
        MllpFrameDecoder decoder = new MllpFrameDecoder(300);
        List<byte[]> out = new ArrayList<>();
        int pos = 0;
        int c = 0;
        while (pos < all.length) {
            int n = chunks.isEmpty() ? all.length - pos : Math.min(chunks.get(c++ % chunks.size()), all.length - pos);
            decoder.decode(all, pos, n, out::add);
            pos += n;
        }
        assertThat(out).hasSameSizeAs(payloads);
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i)).containsExactly(payloads.get(i));
        }
        assertThat(decoder.droppedBytes()).isZero();
        assertThat(decoder.inFrame()).isFalse();
    }
}
