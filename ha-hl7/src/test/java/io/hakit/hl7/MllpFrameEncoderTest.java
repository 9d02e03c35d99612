package io.hakit.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MllpFrameEncoderTest {

    @Test
    void wrapsThePayload() {
        assertThat(MllpFrameEncoder.encode(new byte[] {'a', '\r'}))
                .containsExactly(0x0B, 'a', '\r', 0x1C, 0x0D);
    }

    @Test
    void refusesPayloadsHoldingFramingBytes() {
        assertThatThrownBy(() -> MllpFrameEncoder.encode(new byte[] {'a', 0x1C}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset 1");
        assertThatThrownBy(() -> MllpFrameEncoder.encode(new byte[] {0x0B}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
