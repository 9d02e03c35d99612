package io.hakit.hl7.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.MetadataKeys;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.Terser;
import io.hakit.hl7.Ack;
import io.hakit.hl7.AckCode;
import io.hakit.hl7.FailoverMllpSender;
import io.hakit.hl7.Hl7Message;
import io.hakit.hl7.Hl7ParseException;
import io.hakit.hl7.MllpEndpoint;
import io.hakit.hl7.MllpFrameDecoder;
import io.hakit.hl7.MllpFrameEncoder;
import io.hakit.hl7.MllpListener;
import io.hakit.hl7.RawMllpServer;
import io.hakit.hl7.TestNet;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Names with non-ASCII letters go out exactly as the file holds them: a file read as bytes,
 * each message in the charset its MSH-18 declares, received by a raw socket, by hakit's
 * listener and by HAPI, compared byte for byte.
 */
class CharsetWireTest {

    static final String NAME = "M\u00dcLLER^ZO\u00cb";

    static String message(String id, String msh18) {
        return "MSH|^~\\&|ADT|HOSP|PSEC|HOSP|20261125090000||ADT^A01^ADT_A01|" + id + "|P|2.5"
                + (msh18.isEmpty() ? "" : "||||||" + msh18) + "\r"
                + "PID|1||" + id + "||" + NAME + "||19800101|F\r";
    }

    /** A file of three messages: UTF-8, ISO-8859-1, and one without MSH-18 in the default charset. */
    static final String U8 = message("U8", "UNICODE UTF-8");
    static final String L1 = message("L1", "8859/1");
    static final String NONE = message("N1", "");

    static byte[] file(Charset dflt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(U8.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(L1.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(NONE.getBytes(dflt));
        return out.toByteArray();
    }

    static List<byte[]> expectedBytes(Charset dflt) {
        return List.of(U8.getBytes(StandardCharsets.UTF_8), L1.getBytes(StandardCharsets.ISO_8859_1), NONE.getBytes(dflt));
    }

    static List<Ack> send(MllpEndpoint endpoint, Charset dflt, List<Hl7Message> messages) {
        List<Ack> acks = new ArrayList<>();
        try (FailoverMllpSender sender = FailoverMllpSender.builder().endpoint(endpoint).defaultCharset(dflt)
                .ackTimeout(Duration.ofSeconds(10)).build()) {
            for (Hl7Message m : messages) {
                acks.add(sender.send(m));
            }
        }
        return acks;
    }

    @Test
    void theWireCarriesExactlyTheBytesOfTheFileWhateverTheDefaultCharset() throws Exception {
        for (Charset dflt : List.of(StandardCharsets.ISO_8859_1, StandardCharsets.UTF_8)) {
            List<Hl7Message> messages = Hl7Message.parseAll(file(dflt), dflt);
            try (RawMllpServer raw = new RawMllpServer((i, m, out) -> out.write(RawMllpServer.ackFrame(m, AckCode.AA,
                    m.controlId())))) {
                assertThat(send(raw.endpoint(), dflt, messages)).extracting(Ack::code).containsOnly(AckCode.AA);
                assertThat(raw.payloads()).as("default " + dflt).containsExactlyElementsOf(expectedBytes(dflt));
            }
        }
    }

    @Test
    void hakitsListenerReceivesTheNamesUnchanged() {
        List<String> texts = new CopyOnWriteArrayList<>();
        List<byte[]> reencoded = new CopyOnWriteArrayList<>();
        try (MllpListener listener = TestNet.listener().handler(m -> {
            texts.add(m.text());
            reencoded.add(m.encode(StandardCharsets.UTF_8));
            return m.createAck(AckCode.AA, null);
        }).defaultCharset(StandardCharsets.UTF_8).build().start()) {
            List<Hl7Message> messages = Hl7Message.parseAll(file(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            assertThat(send(listener.endpoint(), StandardCharsets.UTF_8, messages)).extracting(Ack::code)
                    .containsOnly(AckCode.AA);
        }
        assertThat(texts).containsExactly(U8, L1, NONE);
        assertThat(texts).allSatisfy(t -> assertThat(t).contains(NAME).doesNotContain("\u00c3"));
        assertThat(reencoded).containsExactlyElementsOf(expectedBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hapiReceivesTheNamesUnchanged() throws Exception {
        List<String> names = new CopyOnWriteArrayList<>();
        List<String> raws = new CopyOnWriteArrayList<>();
        int port = TestNet.freePort();
        try (HapiContext ctx = HapiLoopback.context()) {
            HL7Service server = ctx.newServer(port, false);
            server.registerApplication(new ReceivingApplication<Message>() {
                @Override
                public Message processMessage(Message message, Map<String, Object> metadata) {
                    try {
                        Terser t = new Terser(message);
                        names.add(t.get("/.PID-5-1") + "^" + t.get("/.PID-5-2"));
                        raws.add(String.valueOf(metadata.get(MetadataKeys.IN_RAW_MESSAGE)));
                        return message.generateACK();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public boolean canProcess(Message message) {
                    return true;
                }
            });
            server.startAndWait();
            try {
                // HAPI reads a message without MSH-18 as ASCII: send it the two that declare one
                List<Hl7Message> messages = Hl7Message.parseAll(file(StandardCharsets.ISO_8859_1),
                        StandardCharsets.ISO_8859_1).subList(0, 2);
                assertThat(send(MllpEndpoint.of("127.0.0.1", port), StandardCharsets.ISO_8859_1, messages))
                        .extracting(Ack::code).containsOnly(AckCode.AA);
            } finally {
                server.stopAndWait();
            }
        }
        assertThat(names).containsExactly(NAME, NAME);
        assertThat(raws).hasSize(2);
        assertThat(raws.get(0).getBytes(StandardCharsets.UTF_8)).isEqualTo(U8.getBytes(StandardCharsets.UTF_8));
        assertThat(raws.get(1).getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(L1.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aMessageWhoseBytesContradictItsMsh18IsNeverSentAndIsRejectedByTheListener() throws Exception {
        byte[] mismatch = U8.getBytes(StandardCharsets.ISO_8859_1); // declares UTF-8, written in ISO-8859-1
        assertThatThrownBy(() -> Hl7Message.parseAll(mismatch, StandardCharsets.ISO_8859_1))
                .isInstanceOf(Hl7ParseException.class)
                .hasMessageStartingWith("message 1 (MSH-10 'U8'): its bytes are not valid UTF-8");

        AtomicInteger handled = new AtomicInteger();
        try (MllpListener listener = TestNet.listener().handler(m -> {
            handled.incrementAndGet();
            return m.createAck(AckCode.AA, null);
        }).build().start();
             Socket s = new Socket(TestNet.LOOPBACK, listener.port())) {
            s.getOutputStream().write(MllpFrameEncoder.encode(mismatch));
            s.getOutputStream().flush();
            Ack ack = Ack.of(Hl7Message.decode(readFrame(s.getInputStream()), StandardCharsets.UTF_8));
            assertThat(ack.code()).isEqualTo(AckCode.AR);
            assertThat(ack.acknowledgedControlId()).isEqualTo("U8");
            assertThat(ack.text()).contains("not valid").contains("UTF-8");
        }
        assertThat(handled).as("the handler never sees replacement characters").hasValue(0);
    }

    static byte[] readFrame(InputStream in) throws Exception {
        MllpFrameDecoder decoder = new MllpFrameDecoder();
        List<byte[]> frames = new ArrayList<>();
        byte[] buf = new byte[4096];
        while (frames.isEmpty()) {
            int n = in.read(buf);
            if (n < 0) {
                throw new IllegalStateException("connection closed before a frame");
            }
            decoder.decode(buf, 0, n, frames::add);
        }
        return frames.get(0);
    }
}
