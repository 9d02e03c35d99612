package io.hakit.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Hl7MessageTest {

    @Test
    void readsTheHeader() {
        Hl7Message m = TestMessages.adtA01("MSG001");
        assertThat(m.controlId()).isEqualTo("MSG001");
        assertThat(m.messageType()).isEqualTo("ADT^A01^ADT_A01");
        assertThat(m.messageCode()).isEqualTo("ADT");
        assertThat(m.triggerEvent()).isEqualTo("A01");
        assertThat(m.fieldSeparator()).isEqualTo('|');
        assertThat(m.encodingCharacters()).isEqualTo("^~\\&");
        assertThat(m.mshField(3)).isEqualTo("REGADT");
        assertThat(m.mshField(12)).isEqualTo("2.5");
        assertThat(m.mshField(40)).isEmpty();
        assertThat(m.declaredCharset()).isEmpty();
        assertThat(m.segments()).hasSize(4).first().asString().startsWith("MSH|");
        assertThat(m.toString()).isEqualTo("Hl7Message[ADT^A01^ADT_A01 MSG001]").doesNotContain("DOE");
    }

    @Test
    void acceptsCrLfAndCrlfSegmentEnds() {
        String cr = TestMessages.adtA01("X1").text();
        Hl7Message lf = Hl7Message.parse(cr.replace('\r', '\n'));
        Hl7Message crlf = Hl7Message.parse(cr.replace("\r", "\r\n"));
        assertThat(lf.text()).isEqualTo(cr);
        assertThat(crlf.text()).isEqualTo(cr);
        assertThat(Hl7Message.parse("\r\n" + cr + "\r\n\r\n").text()).isEqualTo(cr);
    }

    @Test
    void splitsAFileOfManyMessages() {
        String file = "FHS|^~\\&\nBHS|^~\\&\n" + TestMessages.adtA01("A").text().replace("\r", "\r\n")
                + "\n\n" + TestMessages.oruR01("B", "ROE^JANE", "").text().replace('\r', '\n')
                + TestMessages.adt("A08", "C", "X^Y", "").text() + "BTS|3\nFTS|1\n";
        List<Hl7Message> all = Hl7Message.parseAll(file);
        assertThat(all).extracting(Hl7Message::controlId).containsExactly("A", "B", "C");
        assertThat(all.get(1).segments()).hasSize(5);
        assertThat(Hl7Message.parseAll("\n\n")).isEmpty();
    }

    @Test
    void refusesTextBeforeTheFirstMsh() {
        assertThatThrownBy(() -> Hl7Message.parseAll("PID|1\rMSH|^~\\&|A|B|C|D|T||ADT^A01|1|P|2.5\r"))
                .isInstanceOf(Hl7ParseException.class).hasMessageContaining("before any MSH");
    }

    @Test
    void refusesWhatIsNotAMessage() {
        assertThatThrownBy(() -> Hl7Message.parse("hello world")).isInstanceOf(Hl7ParseException.class)
                .hasMessageContaining("must start with an MSH segment");
        assertThatThrownBy(() -> Hl7Message.parse("MSHA^~\\&|x")).isInstanceOf(Hl7ParseException.class)
                .hasMessageContaining("field separator");
        assertThatThrownBy(() -> Hl7Message.parse("MSH||A|B|C")).isInstanceOf(Hl7ParseException.class)
                .hasMessageContaining("MSH-2");
    }

    @Test
    void decodesUsingTheCharsetDeclaredInMsh18() {
        String name = "M\u00dcLLER^J\u00dcRGEN";
        Hl7Message utf8 = TestMessages.adt("A04", "U1", name, "UNICODE UTF-8");
        Hl7Message latin1 = TestMessages.adt("A04", "L1", name, "8859/1");
        assertThat(utf8.declaredCharset()).contains(StandardCharsets.UTF_8);
        assertThat(latin1.declaredCharset()).contains(StandardCharsets.ISO_8859_1);
        byte[] u = utf8.encode(StandardCharsets.US_ASCII);
        byte[] l = latin1.encode(StandardCharsets.US_ASCII);
        assertThat(u.length).isEqualTo(l.length + 2 + ("UNICODE UTF-8".length() - "8859/1".length()));
        assertThat(Hl7Message.decode(u, StandardCharsets.ISO_8859_1).text()).contains(name);
        assertThat(Hl7Message.decode(l, StandardCharsets.UTF_8).text()).contains(name);
    }

    @Test
    void takesTheFirstRepetitionOfMsh18WhenDecodingBytes() {
        String name = "M\u00dcLLER^J\u00dcRGEN";
        Hl7Message m = TestMessages.adt("A01", "R1", name, "8859/1~UNICODE UTF-8");
        byte[] bytes = m.text().getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Hl7Message.decode(bytes, StandardCharsets.UTF_8).text()).contains(name);
        assertThat(m.declaredCharset()).contains(StandardCharsets.ISO_8859_1);
    }

    @Test
    void fallsBackToTheDefaultCharsetWhenMsh18IsAbsentOrUnknown() {
        String name = "\u00c5NGSTR\u00d6M^\u00c9LISE";
        Hl7Message none = TestMessages.adt("A08", "N1", name, "");
        byte[] latin1 = none.encode(StandardCharsets.ISO_8859_1);
        assertThat(Hl7Message.decode(latin1, StandardCharsets.ISO_8859_1).text()).contains(name);
        Hl7Message unknown = TestMessages.adt("A08", "N2", name, "KLINGON");
        assertThat(unknown.declaredCharset()).isEmpty();
        assertThat(unknown.charset(StandardCharsets.UTF_8)).isEqualTo(StandardCharsets.UTF_8);
        Hl7Message utf16 = TestMessages.adt("A08", "N3", name, "UNICODE UTF-16");
        assertThat(utf16.declaredCharset()).as("UTF-16 cannot be framed by MLLP").isEmpty();
    }

    @Test
    void buildsAnAcknowledgement() {
        Hl7Message m = TestMessages.adt("A04", "C42", "DOE^J", "8859/1");
        Hl7Message ack = m.createAck(AckCode.AE, "bad | field ^ here");
        assertThat(ack.messageType()).isEqualTo("ACK^A04^ACK");
        assertThat(ack.mshField(3)).isEqualTo("PSIS");
        assertThat(ack.mshField(4)).isEqualTo("PATIENTSECURE");
        assertThat(ack.mshField(5)).isEqualTo("REGADT");
        assertThat(ack.mshField(11)).isEqualTo("P");
        assertThat(ack.mshField(12)).isEqualTo("2.5");
        assertThat(ack.mshField(18)).isEqualTo("8859/1");
        assertThat(ack.controlId()).isNotEmpty().isNotEqualTo("C42");
        assertThat(ack.segments().get(1)).isEqualTo("MSA|AE|C42|bad \\F\\ field \\S\\ here");
        Ack parsed = Ack.of(ack);
        assertThat(parsed.code()).isEqualTo(AckCode.AE);
        assertThat(parsed.acknowledgedControlId()).isEqualTo("C42");
        assertThat(m.createAck(AckCode.AA, null).controlId()).isNotEqualTo(ack.controlId());
    }

    @Test
    void buildsAGenericRejectForUnreadablePayloads() {
        Ack ack = Ack.of(Hl7Message.createGenericAck(AckCode.AR, "not HL7"));
        assertThat(ack.code()).isEqualTo(AckCode.AR);
        assertThat(ack.acknowledgedControlId()).isEmpty();
        assertThat(ack.text()).isEqualTo("not HL7");
    }
}
