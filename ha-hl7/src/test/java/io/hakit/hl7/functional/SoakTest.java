package io.hakit.hl7.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.hl7.Ack;
import io.hakit.hl7.AckCode;
import io.hakit.hl7.FailoverMllpSender;
import io.hakit.hl7.MllpEndpoint;
import io.hakit.hl7.MllpListener;
import io.hakit.hl7.SenderEvent;
import io.hakit.hl7.TestMessages;
import io.hakit.hl7.TestNet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * 10,000 messages through a failover sender while the active listener is repeatedly killed
 * (connections closed, port refused) or hung (accepts, never ACKs), at random points, at
 * least 20 times: every message is received at least once, first receptions are in send
 * order, and every duplicate is a message that was in flight at a switch (same MSH-10).
 */
class SoakTest {

    static final int MESSAGES = 10_000;
    static final int MIN_FAILOVERS = 20;

    private final Reception reception = new Reception();
    private final List<SenderEvent> events = new CopyOnWriteArrayList<>();

    /** One receiving server that can be killed, hung and brought back on the same port. */
    private final class Slot {
        final String name;
        final int port = TestNet.freePort();
        final AtomicBoolean hung = new AtomicBoolean();
        volatile MllpListener listener;

        Slot(String name) {
            this.name = name;
            start();
        }

        void start() {
            listener = TestNet.listener(port).handler(m -> {
                reception.record(name, m);
                return hung.get() ? null : m.createAck(AckCode.AA, null);
            }).build().start();
        }

        MllpEndpoint endpoint() {
            return MllpEndpoint.of("127.0.0.1", port);
        }

        int received() {
            return reception.receivedBy(name).size();
        }
    }

    @Test
    void tenThousandMessagesAcrossRandomFailovers() throws Exception {
        Slot a = new Slot("A");
        Slot b = new Slot("B");
        FailoverMllpSender sender = FailoverMllpSender.builder()
                .endpoint(a.endpoint()).endpoint(b.endpoint())
                .connectTimeout(Duration.ofSeconds(1)).ackTimeout(Duration.ofMillis(150))
                .reconnectDelay(Duration.ofMillis(5)).queueCapacity(500)
                .listener(events::add).build();
        AtomicBoolean done = new AtomicBoolean();
        int[] faults = new int[2]; // kills, hangs
        Thread chaos = new Thread(() -> {
            SplittableRandom random = new SplittableRandom(4242L);
            try {
                while (!done.get()) {
                    int next = reception.size() + random.nextInt(120, 420);
                    while (!done.get() && reception.size() < next) {
                        Thread.sleep(1);
                    }
                    if (done.get() || reception.size() > MESSAGES - 300) {
                        return;
                    }
                    Slot victim = sender.activeEndpoint().equals(a.endpoint()) ? a : b;
                    Slot other = victim == a ? b : a;
                    int otherBefore = other.received();
                    boolean kill = random.nextBoolean();
                    if (kill) {
                        victim.listener.close();
                        faults[0]++;
                    } else {
                        victim.hung.set(true);
                        faults[1]++;
                    }
                    while (!done.get() && other.received() < otherBefore + 20) {
                        Thread.sleep(1);
                    }
                    if (kill) {
                        victim.start();
                    } else {
                        victim.hung.set(false);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "soak-chaos");
        chaos.setDaemon(true);
        chaos.start();

        List<String> sent = new ArrayList<>(MESSAGES);
        List<CompletableFuture<Ack>> futures = new ArrayList<>(MESSAGES);
        try {
            for (int i = 0; i < MESSAGES; i++) {
                String id = "SOAK" + i;
                sent.add(id);
                futures.add(sender.sendAsync(TestMessages.adtA01(id)));
            }
            CompletableFuture.allOf(futures.toArray(new CompletableFuture[0])).get(150, TimeUnit.SECONDS);
        } finally {
            done.set(true);
            chaos.join(5000);
            sender.close();
            a.listener.close();
            b.listener.close();
        }

        List<String> inFlightAtSwitch = new ArrayList<>();
        long switches = 0;
        for (SenderEvent e : events) {
            if (e instanceof SenderEvent.Switched) {
                switches++;
                inFlightAtSwitch.add(((SenderEvent.Switched) e).controlId());
            }
        }
        List<String> first = reception.firstReceptions();
        Map<String, Integer> duplicates = reception.duplicates();
        int duplicateReceptions = duplicates.values().stream().mapToInt(c -> c - 1).sum();
        int reordered = Reception.reordered(sent, first);
        System.out.printf("soak: sent %d, received %d (%d distinct), lost %d, duplicates %d (of %d messages),"
                        + " failovers %d (%d kills, %d hangs), reordered %d%n",
                sent.size(), reception.size(), first.size(), sent.size() - first.size(), duplicateReceptions,
                duplicates.size(), switches, faults[0], faults[1], reordered);

        for (CompletableFuture<Ack> f : futures) {
            assertThat(f.join().code()).isEqualTo(AckCode.AA);
        }
        assertThat(futures).extracting(f -> f.join().acknowledgedControlId()).containsExactlyElementsOf(sent);
        assertThat(first).as("every message received, first receptions in send order").containsExactlyElementsOf(sent);
        assertThat(reordered).isZero();
        assertThat(switches).isGreaterThanOrEqualTo(MIN_FAILOVERS);
        Map<String, Integer> switchesWithInFlight = new HashMap<>();
        inFlightAtSwitch.forEach(id -> switchesWithInFlight.merge(String.valueOf(id), 1, Integer::sum));
        assertThat(duplicates).allSatisfy((id, count) -> {
            assertThat(switchesWithInFlight).as("duplicate %s was in flight at a switch", id).containsKey(id);
            assertThat(count).isLessThanOrEqualTo(1 + switchesWithInFlight.get(id));
        });
    }
}
