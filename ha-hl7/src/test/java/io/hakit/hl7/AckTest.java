package io.hakit.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AckTest {

    @Test
    void readsMsa() {
        Ack ack = Ack.of(Hl7Message.parse("MSH|^~\\&|A|B|C|D|20261125||ACK^A01^ACK|9|P|2.5\rMSA|CA|C7|stored\r"));
        assertThat(ack.code()).isEqualTo(AckCode.CA);
        assertThat(ack.isAccepted()).isTrue();
        assertThat(ack.acknowledgedControlId()).isEqualTo("C7");
        assertThat(ack.text()).isEqualTo("stored");
        assertThat(ack.endpoint()).isEmpty();
        assertThat(ack.withEndpoint(MllpEndpoint.of("h", 1)).endpoint()).contains(MllpEndpoint.of("h", 1));
    }

    @Test
    void understandsEveryCode() {
        assertThat(AckCode.parse("aa")).isEqualTo(AckCode.AA);
        assertThat(AckCode.AA.isAccept()).isTrue();
        assertThat(AckCode.CA.isAccept()).isTrue();
        assertThat(AckCode.AE.isError()).isTrue();
        assertThat(AckCode.CE.isError()).isTrue();
        assertThat(AckCode.AR.isReject()).isTrue();
        assertThat(AckCode.CR.isReject()).isTrue();
        assertThat(AckCode.AE.isAccept()).isFalse();
        assertThatThrownBy(() -> AckCode.parse("OK")).isInstanceOf(Hl7ParseException.class).hasMessageContaining("'OK'");
    }

    @Test
    void refusesAMessageWithoutMsa() {
        assertThatThrownBy(() -> Ack.of(TestMessages.adtA01("X")))
                .isInstanceOf(Hl7ParseException.class).hasMessageContaining("no MSA");
    }
}
