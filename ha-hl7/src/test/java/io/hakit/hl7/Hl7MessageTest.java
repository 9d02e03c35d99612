package io.hakit.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
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

    static final String UTF8_FILE_MSH = "MSH|^~\\&|ADT|HOSP|PSEC|HOSP|20261125090000||ADT^A01^ADT_A01|U8|P|2.5||||||UNICODE UTF-8";

    static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void readsEachMessageOfAFileInTheCharsetItsMsh18Declares() {
        String utf8Text = UTF8_FILE_MSH + "\rPID|1||1||M\u00dcLLER^ZO\u00cb||19800101|F\r";
        String latinText = "MSH|^~\\&|ADT|HOSP|PSEC|HOSP|20261125090000||ADT^A01^ADT_A01|L1|P|2.5||||||8859/1\r"
                + "PID|1||2||LEF\u00c8VRE^C\u00c9LINE||19800101|F\r";
        String plainText = "MSH|^~\\&|ADT|HOSP|PSEC|HOSP|20261125090000||ADT^A01^ADT_A01|N1|P|2.5\r"
                + "PID|1||3||\u00c5NGSTR\u00d6M^\u00c9LISE||19800101|F\r";
        byte[] file = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(utf8Text, StandardCharsets.UTF_8),
                bytes("\n", StandardCharsets.US_ASCII), bytes(latinText, StandardCharsets.ISO_8859_1),
                bytes(plainText.replace("\r", "\r\n"), StandardCharsets.ISO_8859_1));

        List<Hl7Message> all = Hl7Message.parseAll(file, StandardCharsets.ISO_8859_1);

        assertThat(all).extracting(Hl7Message::text).containsExactly(utf8Text, latinText, plainText);
        // re-encoded in its own charset, each message is exactly the bytes of the file
        assertThat(all.get(0).encode(StandardCharsets.ISO_8859_1)).isEqualTo(bytes(utf8Text, StandardCharsets.UTF_8));
        assertThat(all.get(1).encode(StandardCharsets.UTF_8)).isEqualTo(bytes(latinText, StandardCharsets.ISO_8859_1));
        assertThat(all.get(2).encode(StandardCharsets.ISO_8859_1)).isEqualTo(bytes(plainText, StandardCharsets.ISO_8859_1));
    }

    @Test
    void theDefaultCharsetAppliesOnlyToMessagesWithoutMsh18() {
        String text = UTF8_FILE_MSH + "\rPID|1||1||M\u00dcLLER^ZO\u00cb||19800101|F\r";
        byte[] file = bytes(text, StandardCharsets.UTF_8);
        // whatever the default, the UTF-8 message is read as UTF-8: no double encoding
        for (Charset dflt : List.of(StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII, StandardCharsets.UTF_8)) {
            assertThat(Hl7Message.parseAll(file, dflt)).singleElement().extracting(Hl7Message::text).isEqualTo(text);
        }
        String none = "MSH|^~\\&|ADT|HOSP|PSEC|HOSP|20261125090000||ADT^A01^ADT_A01|N2|P|2.5\rPID|1||1||M\u00dcLLER\r";
        assertThat(Hl7Message.parseAll(bytes(none, StandardCharsets.UTF_8), StandardCharsets.UTF_8).get(0).text())
                .isEqualTo(none);
    }

    @Test
    void bytesInvalidInTheDeclaredCharsetAreAnErrorNamingTheMessageNeverReplacementCharacters() {
        String ok = "MSH|^~\\&|ADT|HOSP|PSEC|HOSP|20261125090000||ADT^A01^ADT_A01|OK1|P|2.5\rPID|1||1||DOE\r";
        // declares UTF-8 but was written in ISO-8859-1: the \u00dc is the lone byte DC
        String bad = UTF8_FILE_MSH.replace("|U8|", "|BAD2|") + "\rPID|1||1||M\u00dcLLER^ZO\u00cb||19800101|F\r";
        byte[] file = concat(bytes(ok, StandardCharsets.US_ASCII), bytes(bad, StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> Hl7Message.parseAll(file, StandardCharsets.ISO_8859_1))
                .isInstanceOf(Hl7ParseException.class)
                .hasMessageStartingWith("message 2 (MSH-10 'BAD2'): its bytes are not valid UTF-8 (MSH-18 'UNICODE UTF-8')")
                .hasMessageContaining("byte(s) DC at offset " + bad.indexOf('\u00dc'))
                .hasMessageNotContaining("\uFFFD");
        assertThatThrownBy(() -> Hl7Message.decode(bytes(bad, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1))
                .isInstanceOf(Hl7ParseException.class).hasMessageContaining("not valid UTF-8");
        // no MSH-18 and a default that cannot hold the bytes: the same error, naming the default
        assertThatThrownBy(() -> Hl7Message.parseAll(bytes(ok.replace("DOE", "D\u00d6E"), StandardCharsets.ISO_8859_1),
                StandardCharsets.US_ASCII)).isInstanceOf(Hl7ParseException.class)
                .hasMessageStartingWith("message 1 (MSH-10 'OK1'): its bytes are not valid US-ASCII (the default charset)");
    }

    @Test
    void aMessageItsCharsetCannotHoldIsRefusedRatherThanSentWithQuestionMarks() {
        Hl7Message polish = TestMessages.adt("A01", "PL1", "\u0141UKASZEWICZ^ZBIGNIEW", "8859/1");
        assertThatThrownBy(() -> polish.encode(StandardCharsets.UTF_8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PL1").hasMessageContaining("ISO-8859-1").hasMessageContaining("MSH-18 '8859/1'");
        assertThat(TestMessages.adt("A01", "PL2", "\u0141UKASZEWICZ^ZBIGNIEW", "UNICODE UTF-8")
                .encode(StandardCharsets.ISO_8859_1)).contains((byte) 0xC5, (byte) 0x81);
    }
}
