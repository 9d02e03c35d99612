package io.hakit.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MllpClientTest {

    private static MllpClient client(MllpEndpoint endpoint, Duration ackTimeout) {
        return MllpClient.builder().endpoint(endpoint).connectTimeout(Duration.ofSeconds(2)).ackTimeout(ackTimeout).build();
    }

    @Test
    void sendsAndReturnsTheAckOverOneKeptOpenConnection() {
        try (MllpListener listener = TestNet.listener().build().start();
             MllpClient client = client(listener.endpoint(), Duration.ofSeconds(5))) {
            for (int i = 0; i < 20; i++) {
                Ack ack = client.send(TestMessages.adtA01("C" + i));
                assertThat(ack.code()).isEqualTo(AckCode.AA);
                assertThat(ack.acknowledgedControlId()).isEqualTo("C" + i);
                assertThat(ack.endpoint()).contains(listener.endpoint());
            }
            assertThat(listener.receivedCount()).isEqualTo(20);
            assertThat(client.isConnected()).isTrue();
        }
    }

    @Test
    void returnsErrorAndRejectAcksAsData() {
        try (MllpListener ae = TestNet.listener().handler(Hl7Handler.replying(AckCode.AE)).build().start();
             MllpClient client = client(ae.endpoint(), Duration.ofSeconds(5))) {
            assertThat(client.send(TestMessages.adtA01("E1")).code()).isEqualTo(AckCode.AE);
        }
    }

    @Test
    void aPortWithNothingListeningIsAConnectFailureNamingTheEndpoint() {
        MllpEndpoint nothing = MllpEndpoint.of("127.0.0.1", TestNet.freePort());
        try (MllpClient client = client(nothing, Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> client.send(TestMessages.adtA01("X")))
                    .isInstanceOf(MllpTransportException.class)
                    .hasMessageContaining(nothing.toString())
                    .hasMessageContaining("refused");
        }
    }

    @Test
    void aSilentEndpointFiresTheAckTimeoutNamingEndpointControlIdAndTimeout() {
        try (MllpListener silent = TestNet.listener().handler(m -> null).build().start();
             MllpClient client = client(silent.endpoint(), Duration.ofMillis(200))) {
            assertThatThrownBy(() -> client.send(TestMessages.adtA01("T1")))
                    .isInstanceOfSatisfying(AckTimeoutException.class, e -> {
                        assertThat(e.controlId()).isEqualTo("T1");
                        assertThat(e.timeout()).isEqualTo(Duration.ofMillis(200));
                        assertThat(e.endpoint()).isEqualTo(silent.endpoint());
                    })
                    .hasMessageContaining("ACK time-out of 200 ms")
                    .hasMessageContaining(silent.endpoint().toString());
            assertThat(client.isConnected()).as("connection closed after an ACK time-out").isFalse();
        }
    }

    @Test
    void skipsAnAckForAnotherControlIdAndTakesTheRightOne() throws Exception {
        try (RawMllpServer server = new RawMllpServer((i, m, out) -> {
                out.write(RawMllpServer.ackFrame(m, AckCode.AA, "SOMETHING-ELSE"));
                out.write(RawMllpServer.ackFrame(m, AckCode.AA, m.controlId()));
            });
             MllpClient client = client(server.endpoint(), Duration.ofSeconds(5))) {
            Ack ack = client.send(TestMessages.adtA01("RIGHT"));
            assertThat(ack.acknowledgedControlId()).isEqualTo("RIGHT");
            assertThat(client.mismatchedAcks()).isEqualTo(1);
        }
    }

    @Test
    void neverAcceptsAnAckForAnotherControlId() throws Exception {
        try (RawMllpServer server = new RawMllpServer((i, m, out) ->
                out.write(RawMllpServer.ackFrame(m, AckCode.AA, "WRONG")));
             MllpClient client = client(server.endpoint(), Duration.ofMillis(300))) {
            assertThatThrownBy(() -> client.send(TestMessages.adtA01("MINE")))
                    .isInstanceOf(AckTimeoutException.class).hasMessageContaining("MINE");
        }
    }

    @Test
    void readsAnAckArrivingInPiecesWithPauses() throws Exception {
        try (RawMllpServer server = new RawMllpServer((i, m, out) -> {
                byte[] ack = RawMllpServer.ackFrame(m, AckCode.AA, m.controlId());
                writeInPieces(out, ack, 4, 150);
            });
             MllpClient client = client(server.endpoint(), Duration.ofSeconds(5))) {
            assertThat(client.send(TestMessages.adtA01("P1")).code()).isEqualTo(AckCode.AA);
            assertThat(client.send(TestMessages.adtA01("P2")).acknowledgedControlId()).isEqualTo("P2");
        }
    }

    static void writeInPieces(OutputStream out, byte[] bytes, int pieces, long pauseMillis) throws Exception {
        int size = (bytes.length + pieces - 1) / pieces;
        for (int at = 0; at < bytes.length; at += size) {
            out.write(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + size)));
            out.flush();
            Thread.sleep(pauseMillis);
        }
    }

    @Test
    void reconnectsAndResendsOnceWhenTheKeptOpenConnectionWasClosedByThePeer() {
        int port = TestNet.freePort();
        try (MllpClient client = client(MllpEndpoint.of("127.0.0.1", port), Duration.ofSeconds(5))) {
            try (MllpListener first = TestNet.listener(port).build().start()) {
                assertThat(client.send(TestMessages.adtA01("R1")).code()).isEqualTo(AckCode.AA);
            }
            try (MllpListener second = TestNet.listener(port).build().start()) {
                assertThat(client.send(TestMessages.adtA01("R2")).code()).isEqualTo(AckCode.AA);
                assertThat(second.receivedCount()).isEqualTo(1);
            }
        }
    }

    @Test
    void anInvalidFrameInsteadOfAnAckIsATransportFailure() throws Exception {
        try (RawMllpServer server = new RawMllpServer((i, m, out) -> out.write(new byte[] {0x0B, 'x', 0x1C, 'y'}));
             MllpClient client = client(server.endpoint(), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.send(TestMessages.adtA01("F1")))
                    .isInstanceOf(MllpTransportException.class).hasMessageContaining("invalid MLLP frame");
        }
    }

    @Test
    void rejectsMisuse() {
        MllpClient client = client(MllpEndpoint.of("127.0.0.1", 1), Duration.ofSeconds(1));
        Hl7Message noId = Hl7Message.parse("MSH|^~\\&|A|B|C|D|20261125||ADT^A01||P|2.5\r");
        assertThatThrownBy(() -> client.send(noId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MSH-10");
        client.close();
        assertThatThrownBy(() -> client.send(TestMessages.adtA01("Z"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> MllpClient.builder().ackTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ackTimeout");
        assertThatThrownBy(() -> MllpClient.builder().build()).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("endpoint");
    }
}
