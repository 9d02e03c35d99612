package io.hakit.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class MllpListenerTest {

    private static MllpClient client(MllpListener l) {
        return MllpClient.builder().endpoint(l.endpoint()).ackTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void handsEachMessageToTheHandlerInOrderAndAnswersItsAck() {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (MllpListener l = TestNet.listener().handler(m -> {
                seen.add(m.controlId());
                return m.createAck(m.controlId().endsWith("3") ? AckCode.AR : AckCode.AA, null);
            }).build().start(); MllpClient c = client(l)) {
            List<AckCode> codes = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                codes.add(c.send(TestMessages.adtA01("M" + i)).code());
            }
            assertThat(seen).containsExactly("M1", "M2", "M3", "M4");
            assertThat(codes).containsExactly(AckCode.AA, AckCode.AA, AckCode.AR, AckCode.AA);
        }
    }

    @Test
    void aHandlerThatThrowsIsAnsweredWithAe() {
        try (MllpListener l = TestNet.listener().handler(m -> {
                throw new IllegalStateException("database down");
            }).build().start(); MllpClient c = client(l)) {
            Ack ack = c.send(TestMessages.adtA01("H1"));
            assertThat(ack.code()).isEqualTo(AckCode.AE);
            assertThat(ack.text()).isEqualTo("database down");
        }
    }

    @Test
    void answersArToAPayloadThatIsNotHl7AndKeepsTheConnection() throws Exception {
        try (MllpListener l = TestNet.listener().build().start();
             Socket s = new Socket(TestNet.LOOPBACK, l.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(MllpFrameEncoder.encode("hello".getBytes(StandardCharsets.US_ASCII)));
            Ack ack = Ack.of(Hl7Message.decode(readFrame(s.getInputStream()), StandardCharsets.US_ASCII));
            assertThat(ack.code()).isEqualTo(AckCode.AR);
            out.write(MllpFrameEncoder.encode(TestMessages.adtA01("OK1").text().getBytes(StandardCharsets.US_ASCII)));
            Ack ok = Ack.of(Hl7Message.decode(readFrame(s.getInputStream()), StandardCharsets.US_ASCII));
            assertThat(ok.acknowledgedControlId()).isEqualTo("OK1");
        }
    }

    @Test
    void answersAnOversizeFrameWithArNamingTheLimitThenClosesTheConnection() throws Exception {
        try (MllpListener l = TestNet.listener().maxFrameLength(400).build().start();
             Socket s = new Socket(TestNet.LOOPBACK, l.port())) {
            s.setSoTimeout(5000);
            String big = TestMessages.adtA01("BIG").text() + "NTE|1||" + "x".repeat(1000) + "\r";
            s.getOutputStream().write(MllpFrameEncoder.encode(big.getBytes(StandardCharsets.US_ASCII)));

            Ack ack = Ack.of(Hl7Message.decode(readFrame(s.getInputStream()), StandardCharsets.US_ASCII));
            assertThat(ack.code()).isEqualTo(AckCode.AR);
            assertThat(ack.acknowledgedControlId()).isEqualTo("BIG");
            assertThat(ack.text()).contains("maximum frame length of 400 bytes");
            assertThat(s.getInputStream().read()).as("closed after the AR").isEqualTo(-1);
            assertThat(l.frameErrors()).isEqualTo(1);
        }
        // a new connection is served as before
        try (MllpListener l = TestNet.listener().maxFrameLength(400).build().start(); MllpClient c = client(l)) {
            assertThat(c.send(TestMessages.adtA01("AFTER")).code()).isEqualTo(AckCode.AA);
        }
    }

    @Test
    void answersAnOversizeFrameThatFollowsACorruptOneInTheSameWrite() throws Exception {
        try (MllpListener l = TestNet.listener().maxFrameLength(400).build().start();
             Socket s = new Socket(TestNet.LOOPBACK, l.port())) {
            s.setSoTimeout(5000);
            String big = TestMessages.adtA01("BIG2").text() + "NTE|1||" + "x".repeat(1000) + "\r";
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            bytes.write(MllpFrameDecoder.START_BLOCK);
            bytes.writeBytes("MSH|^~\\&|cut short".getBytes(StandardCharsets.US_ASCII));
            bytes.writeBytes(MllpFrameEncoder.encode(big.getBytes(StandardCharsets.US_ASCII)));
            s.getOutputStream().write(bytes.toByteArray());

            Ack ack = Ack.of(Hl7Message.decode(readFrame(s.getInputStream()), StandardCharsets.US_ASCII));
            assertThat(ack.code()).isEqualTo(AckCode.AR);
            assertThat(ack.acknowledgedControlId()).isEqualTo("BIG2");
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void answersAnOversizeFrameWithoutAHeaderWithAGenericAr() throws Exception {
        try (MllpListener l = TestNet.listener().maxFrameLength(400).build().start();
             Socket s = new Socket(TestNet.LOOPBACK, l.port())) {
            s.setSoTimeout(5000);
            byte[] big = new byte[1000];
            java.util.Arrays.fill(big, (byte) 'x');
            s.getOutputStream().write(MllpFrameEncoder.encode(big));

            Ack ack = Ack.of(Hl7Message.decode(readFrame(s.getInputStream()), StandardCharsets.US_ASCII));
            assertThat(ack.code()).isEqualTo(AckCode.AR);
            assertThat(ack.text()).contains("maximum frame length of 400 bytes");
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void closesConnectionsBeyondTheLimit() throws Exception {
        try (MllpListener l = TestNet.listener().maxConnections(1).build().start();
             MllpClient first = client(l)) {
            first.send(TestMessages.adtA01("ONE"));
            try (Socket extra = new Socket(TestNet.LOOPBACK, l.port())) {
                extra.setSoTimeout(5000);
                assertThat(extra.getInputStream().read()).as("closed at once").isEqualTo(-1);
            }
            assertThat(l.rejectedConnections()).isEqualTo(1);
            assertThat(first.send(TestMessages.adtA01("TWO")).code()).isEqualTo(AckCode.AA);
        }
    }

    @Test
    void closesAConnectionThatSendsNothing() throws Exception {
        try (MllpListener l = TestNet.listener().firstByteTimeout(Duration.ofMillis(200)).build().start();
             Socket s = new Socket(TestNet.LOOPBACK, l.port())) {
            s.setSoTimeout(5000);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void closesAConnectionIdleAfterAFrame() throws Exception {
        try (MllpListener l = TestNet.listener().idleTimeout(Duration.ofMillis(200)).build().start();
             Socket s = new Socket(TestNet.LOOPBACK, l.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(MllpFrameEncoder.encode(TestMessages.adtA01("I1").text()
                    .getBytes(StandardCharsets.US_ASCII)));
            assertThat(Ack.of(Hl7Message.decode(readFrame(s.getInputStream()), StandardCharsets.US_ASCII)).code())
                    .isEqualTo(AckCode.AA);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void answersInTheCharsetOfTheMessage() {
        String name = "\u0141UKASZ^\u017b\u00d3\u0141W";
        List<String> names = new CopyOnWriteArrayList<>();
        try (MllpListener l = TestNet.listener().handler(m -> {
                names.add(m.segments().get(2).split("\\|")[5]);
                return m.createAck(AckCode.AA, null);
            }).build().start(); MllpClient c = client(l)) {
            Ack ack = c.send(TestMessages.adt("A01", "U8", name, "UNICODE UTF-8"));
            assertThat(ack.message().mshField(18)).isEqualTo("UNICODE UTF-8");
            assertThat(names).containsExactly(name);
        }
    }

    @Test
    void refusesMisuse() {
        assertThatThrownBy(() -> MllpListener.builder().port(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
        assertThatThrownBy(() -> MllpListener.builder().maxConnections(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> MllpListener.builder().frameTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frameTimeout");
        assertThatThrownBy(() -> MllpListener.builder().firstByteTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstByteTimeout");
        MllpListener l = TestNet.listener().build();
        assertThatThrownBy(l::port).isInstanceOf(IllegalStateException.class);
        l.start();
        assertThatThrownBy(l::start).isInstanceOf(IllegalStateException.class);
        l.close();
    }

    static byte[] readFrame(InputStream in) throws Exception {
        MllpFrameDecoder d = new MllpFrameDecoder();
        List<byte[]> frames = new ArrayList<>();
        byte[] buf = new byte[4096];
        while (frames.isEmpty()) {
            int n = in.read(buf);
            if (n < 0) {
                throw new java.io.EOFException();
            }
            d.decode(buf, 0, n, frames::add);
        }
        return frames.get(0);
    }
}
