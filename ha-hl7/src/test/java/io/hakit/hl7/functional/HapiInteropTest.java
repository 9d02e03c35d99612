package io.hakit.hl7.functional;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.app.Initiator;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.Terser;
import io.hakit.hl7.Ack;
import io.hakit.hl7.AckCode;
import io.hakit.hl7.FailoverMllpSender;
import io.hakit.hl7.Hl7Message;
import io.hakit.hl7.MllpEndpoint;
import io.hakit.hl7.MllpListener;
import io.hakit.hl7.TestMessages;
import io.hakit.hl7.TestNet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with HAPI HL7v2 2.6.0 in both directions, with real ADT^A01/A04/A08 and
 * ORU^R01 messages and non-ASCII names in UTF-8 and ISO-8859-1 declared by MSH-18.
 */
class HapiInteropTest {

    static final String GERMAN = "M\u00dcLLER^J\u00dcRGEN";
    static final String POLISH = "\u0141UKASZEWICZ^ZBIGNIEW";
    static final String FRENCH = "LEF\u00c8VRE^C\u00c9LINE";

    static List<Hl7Message> samples() {
        return List.of(
                TestMessages.adt("A01", "HI1", GERMAN, "UNICODE UTF-8"),
                TestMessages.adt("A04", "HI2", FRENCH, "8859/1"),
                TestMessages.adt("A08", "HI3", POLISH, "UNICODE UTF-8"),
                TestMessages.oruR01("HI4", GERMAN, "8859/1"),
                TestMessages.adt("A01", "HI5", "DOE^JOHN", ""));
    }

    static List<String> expectedNames() {
        return List.of(GERMAN, FRENCH, POLISH, GERMAN, "DOE^JOHN");
    }

    @Test
    void ourSenderToHapiServer() throws Exception {
        List<String> names = new CopyOnWriteArrayList<>();
        List<String> types = new CopyOnWriteArrayList<>();
        int port = TestNet.freePort();
        try (HapiContext ctx = HapiLoopback.context()) {
            HL7Service server = ctx.newServer(port, false);
            server.registerApplication(new ReceivingApplication<Message>() {
                @Override
                public Message processMessage(Message message, Map<String, Object> metadata) {
                    try {
                        Terser t = new Terser(message);
                        names.add(t.get("/.PID-5-1") + "^" + t.get("/.PID-5-2"));
                        types.add(t.get("/MSH-9-1") + "^" + t.get("/MSH-9-2"));
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
            try (FailoverMllpSender sender = FailoverMllpSender.builder()
                    .endpoint(MllpEndpoint.of("127.0.0.1", port))
                    .ackTimeout(Duration.ofSeconds(10)).build()) {
                for (Hl7Message m : samples()) {
                    Ack ack = sender.send(m);
                    assertThat(ack.code()).isEqualTo(AckCode.AA);
                    assertThat(ack.acknowledgedControlId()).isEqualTo(m.controlId());
                }
            } finally {
                server.stopAndWait();
            }
        }
        assertThat(types).containsExactly("ADT^A01", "ADT^A04", "ADT^A08", "ORU^R01", "ADT^A01");
        assertThat(names).containsExactlyElementsOf(expectedNames());
    }

    @Test
    void hapiClientToOurListener() throws Exception {
        List<String> names = new CopyOnWriteArrayList<>();
        try (MllpListener listener = TestNet.listener().handler(m -> {
                String pid = m.segments().stream().filter(s -> s.startsWith("PID|")).findFirst().orElseThrow();
                names.add(pid.split("\\|")[5]);
                return m.createAck(m.controlId().equals("HI5") ? AckCode.AE : AckCode.AA,
                        m.controlId().equals("HI5") ? "unknown ward" : null);
            }).build().start();
             HapiContext ctx = HapiLoopback.context()) {
            Connection connection = ctx.newClient("127.0.0.1", listener.port(), false);
            Initiator initiator = connection.getInitiator();
            initiator.setTimeout(10, TimeUnit.SECONDS);
            for (Hl7Message m : samples()) {
                Message response = initiator.sendAndReceive(ctx.getPipeParser().parse(m.text()));
                Terser t = new Terser(response);
                assertThat(t.get("/MSA-1")).isEqualTo(m.controlId().equals("HI5") ? "AE" : "AA");
                assertThat(t.get("/MSA-2")).isEqualTo(m.controlId());
            }
            connection.close();
        }
        assertThat(names).containsExactlyElementsOf(expectedNames());
    }
}
