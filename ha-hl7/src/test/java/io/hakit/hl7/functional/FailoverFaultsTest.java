package io.hakit.hl7.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.hl7.Ack;
import io.hakit.hl7.AckCode;
import io.hakit.hl7.Failback;
import io.hakit.hl7.FailoverMllpSender;
import io.hakit.hl7.Hl7Handler;
import io.hakit.hl7.Hl7Message;
import io.hakit.hl7.MllpEndpoint;
import io.hakit.hl7.MllpListener;
import io.hakit.hl7.RawMllpServer;
import io.hakit.hl7.SenderEvent;
import io.hakit.hl7.TestMessages;
import io.hakit.hl7.TestNet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * GUIDE-RULES HL7-002: an HL7 sender picks one active server and switches to another healthy
 * one when the active server stops answering, losing and reordering nothing. The faults a
 * sender meets in practice, each checked the way a user would: every message acknowledged,
 * received in the order sent, and duplicates only of the message in flight at a switch.
 */
@org.junit.jupiter.api.DisplayName("HL7-002: failover without loss or reordering")
class FailoverFaultsTest {

    private final Reception reception = new Reception();
    private final List<SenderEvent> events = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    private Hl7Handler recording(String name) {
        return m -> {
            reception.record(name, m);
            return m.createAck(AckCode.AA, null);
        };
    }

    private MllpListener listener(String name) {
        return keep(TestNet.listener().handler(recording(name)).build().start());
    }

    private FailoverMllpSender.Builder sender(MllpEndpoint... endpoints) {
        return FailoverMllpSender.builder().endpoints(List.of(endpoints))
                .connectTimeout(Duration.ofSeconds(1)).ackTimeout(Duration.ofMillis(500))
                .reconnectDelay(Duration.ofMillis(20)).retryDelay(Duration.ofMillis(10))
                .listener(events::add);
    }

    private static List<String> ids(String prefix, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }

    private List<Ack> sendAll(FailoverMllpSender sender, List<String> ids) {
        List<Ack> acks = new ArrayList<>();
        for (String id : ids) {
            acks.add(sender.send(TestMessages.adtA01(id)));
        }
        return acks;
    }

    private void assertDeliveredInOrder(List<String> sent, List<Ack> acks) {
        assertThat(acks).extracting(Ack::code).containsOnly(AckCode.AA);
        assertThat(acks).extracting(Ack::acknowledgedControlId).containsExactlyElementsOf(sent);
        assertThat(reception.firstReceptions()).containsExactlyElementsOf(sent);
    }

    private List<String> inFlightAtSwitches() {
        List<String> ids = new ArrayList<>();
        for (SenderEvent e : events) {
            if (e instanceof SenderEvent.Switched && ((SenderEvent.Switched) e).controlId() != null) {
                ids.add(((SenderEvent.Switched) e).controlId());
            }
        }
        return ids;
    }

    private long switches() {
        return events.stream().filter(e -> e instanceof SenderEvent.Switched).count();
    }

    @Test
    void activeListenerClosesMidStream() {
        MllpListener b = listener("B");
        AtomicReference<MllpListener> a = new AtomicReference<>();
        AtomicInteger count = new AtomicInteger();
        a.set(keep(TestNet.listener().handler(m -> {
            reception.record("A", m);
            if (count.incrementAndGet() == 5) {
                a.get().close(); // dies while handling message 5: its ACK is never sent
            }
            return m.createAck(AckCode.AA, null);
        }).build().start()));
        FailoverMllpSender sender = keep(sender(a.get().endpoint(), b.endpoint()).build());
        List<String> sent = ids("MID", 20);

        List<Ack> acks = sendAll(sender, sent);

        assertDeliveredInOrder(sent, acks);
        assertThat(reception.receivedBy("A")).containsExactlyElementsOf(sent.subList(0, 5));
        assertThat(reception.receivedBy("B")).containsExactlyElementsOf(sent.subList(4, 20));
        assertThat(reception.duplicates()).containsOnlyKeys("MID5");
        assertThat(inFlightAtSwitches()).containsExactly("MID5");
        assertThat(acks.get(19).endpoint()).contains(b.endpoint());
    }

    @Test
    void activeListenerAcceptsButNeverAcks() {
        MllpListener a = keep(TestNet.listener().handler(m -> {
            reception.record("A", m);
            return null;
        }).build().start());
        MllpListener b = listener("B");
        FailoverMllpSender sender = keep(sender(a.endpoint(), b.endpoint()).build());
        List<String> sent = ids("HUNG", 10);

        List<Ack> acks = sendAll(sender, sent);

        assertDeliveredInOrder(sent, acks);
        assertThat(reception.receivedBy("A")).containsExactly("HUNG1");
        assertThat(reception.receivedBy("B")).containsExactlyElementsOf(sent);
        assertThat(events).filteredOn(e -> e instanceof SenderEvent.Switched).singleElement()
                .satisfies(e -> assertThat(((SenderEvent.Switched) e).reason()).contains("ACK time-out of 500 ms"));
        assertThat(reception.duplicates()).containsOnlyKeys("HUNG1");
    }

    @Test
    void errorAckIsRetriedThenRejectIsHandedBackAndOrderIsKept() {
        AtomicInteger errorsLeft = new AtomicInteger(1);
        MllpListener a = keep(TestNet.listener().handler(m -> {
            reception.record("A", m);
            if (m.controlId().equals("N2") && errorsLeft.getAndDecrement() > 0) {
                return m.createAck(AckCode.AE, "try again");
            }
            if (m.controlId().equals("N3")) {
                return m.createAck(AckCode.AR, "unknown patient");
            }
            return m.createAck(AckCode.AA, null);
        }).build().start());
        FailoverMllpSender sender = keep(sender(a.endpoint()).build());

        List<Ack> acks = sendAll(sender, List.of("N1", "N2", "N3", "N4"));

        assertThat(acks).extracting(Ack::code).containsExactly(AckCode.AA, AckCode.AA, AckCode.AR, AckCode.AA);
        assertThat(acks.get(2).text()).isEqualTo("unknown patient");
        assertThat(reception.all()).containsExactly("N1", "N2", "N2", "N3", "N4");
        assertThat(events).filteredOn(e -> e instanceof SenderEvent.Retried).singleElement()
                .satisfies(e -> assertThat(((SenderEvent.Retried) e).controlId()).isEqualTo("N2"));
        assertThat(events).filteredOn(e -> e instanceof SenderEvent.GivenUp).singleElement()
                .satisfies(e -> assertThat(((SenderEvent.GivenUp) e).ack().code()).isEqualTo(AckCode.AR));
        assertThat(sender.pendingCount()).isZero();
    }

    @Test
    void persistentErrorAckIsHandedBackAfterTheAllowedRetries() {
        MllpListener a = keep(TestNet.listener().handler(m -> {
            reception.record("A", m);
            return m.createAck(m.controlId().equals("P1") ? AckCode.AE : AckCode.AA, "broken");
        }).build().start());
        FailoverMllpSender sender = keep(sender(a.endpoint()).errorRetries(2).build());

        List<Ack> acks = sendAll(sender, List.of("P1", "P2"));

        assertThat(acks).extracting(Ack::code).containsExactly(AckCode.AE, AckCode.AA);
        assertThat(reception.all()).containsExactly("P1", "P1", "P1", "P2");
    }

    @Test
    void ackWithTheWrongControlIdIsNeverTakenAsDelivery() throws Exception {
        MllpListener b = listener("B");
        try (RawMllpServer a = new RawMllpServer((i, m, out) -> {
            String id = m.controlId();
            out.write(RawMllpServer.ackFrame(m, AckCode.AA, id.equals("W3") ? "W2" : id));
        })) {
            FailoverMllpSender sender = keep(sender(a.endpoint(), b.endpoint()).build());
            List<String> sent = ids("W", 6);

            List<Ack> acks = sendAll(sender, sent);

            assertThat(acks).extracting(Ack::acknowledgedControlId).containsExactlyElementsOf(sent);
            assertThat(a.received()).containsExactly("W1", "W2", "W3");
            assertThat(reception.receivedBy("B")).containsExactly("W3", "W4", "W5", "W6");
            assertThat(acks.get(2).endpoint()).contains(b.endpoint());
            assertThat(inFlightAtSwitches()).containsExactly("W3");
        }
    }

    @Test
    void ackArrivingInPiecesWithPausesIsAccepted() throws Exception {
        try (RawMllpServer a = new RawMllpServer((i, m, out) -> {
            byte[] ack = RawMllpServer.ackFrame(m, AckCode.AA, m.controlId());
            int third = ack.length / 3;
            out.write(ack, 0, third);
            out.flush();
            Thread.sleep(120);
            out.write(ack, third, third);
            out.flush();
            Thread.sleep(120);
            out.write(ack, 2 * third, ack.length - 2 * third);
        })) {
            MllpListener b = listener("B");
            FailoverMllpSender sender = keep(sender(a.endpoint(), b.endpoint()).build());
            List<String> sent = ids("S", 4);

            List<Ack> acks = sendAll(sender, sent);

            assertThat(acks).extracting(Ack::code).containsOnly(AckCode.AA);
            assertThat(a.received()).containsExactlyElementsOf(sent);
            assertThat(reception.receivedBy("B")).isEmpty();
            assertThat(switches()).isZero();
        }
    }

    @Test
    void portWithNothingListeningIsSkipped() {
        MllpEndpoint nothing = MllpEndpoint.of("127.0.0.1", TestNet.freePort());
        MllpListener b = listener("B");
        FailoverMllpSender sender = keep(sender(nothing, b.endpoint()).build());
        List<String> sent = ids("Z", 5);

        List<Ack> acks = sendAll(sender, sent);

        assertDeliveredInOrder(sent, acks);
        assertThat(reception.duplicates()).isEmpty();
        assertThat(events).filteredOn(e -> e instanceof SenderEvent.Switched).singleElement()
                .satisfies(e -> {
                    SenderEvent.Switched s = (SenderEvent.Switched) e;
                    assertThat(s.from()).isEqualTo(nothing);
                    assertThat(s.reason()).contains("refused");
                });
    }

    @Test
    void listenerThatComesBackIsReturnedToAfterBeingHealthyForAWhile() throws Exception {
        int portA = TestNet.freePort();
        MllpListener a = TestNet.listener(portA).handler(recording("A")).build().start();
        MllpListener b = listener("B");
        FailoverMllpSender sender = keep(sender(a.endpoint(), b.endpoint())
                .failback(Failback.toPreferred(Duration.ofMillis(200), Duration.ofMillis(50))).build());
        List<String> sent = new ArrayList<>();
        List<Ack> acks = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            sent.add("FB" + i);
            acks.add(sender.send(TestMessages.adtA01("FB" + i)));
        }
        a.close();
        for (int i = 4; i <= 6; i++) {
            sent.add("FB" + i);
            acks.add(sender.send(TestMessages.adtA01("FB" + i)));
        }
        assertThat(sender.activeEndpoint()).isEqualTo(b.endpoint());
        keep(TestNet.listener(portA).handler(recording("A2")).build().start());
        int i = 7;
        while (events.stream().noneMatch(e -> e instanceof SenderEvent.Switched
                && "fail-back".equals(((SenderEvent.Switched) e).reason())) && i < 500) {
            sent.add("FB" + i);
            acks.add(sender.send(TestMessages.adtA01("FB" + i)));
            i++;
            Thread.sleep(10);
        }
        for (int k = 0; k < 3; k++, i++) {
            sent.add("FB" + i);
            acks.add(sender.send(TestMessages.adtA01("FB" + i)));
        }

        assertDeliveredInOrder(sent, acks);
        assertThat(sender.activeEndpoint()).isEqualTo(MllpEndpoint.of("127.0.0.1", portA));
        assertThat(reception.receivedBy("A2")).isNotEmpty().endsWith(sent.get(sent.size() - 1));
        // A may take FB4 just as it closes and never ACK it: then FB4, in flight at the switch, is
        // received twice (same MSH-10). Nothing else may be, and fail-back itself duplicates nothing.
        assertThat(reception.duplicates().keySet()).isSubsetOf("FB4");
    }
}
