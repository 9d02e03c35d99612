package io.hakit.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.hl7.spi.Outbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.Level;

/**
 * What an operator sees when every endpoint is down: bounded logging, back-off between
 * rounds, prompt recovery, give-up counted from acceptance. The sender's clock moves only
 * when it pauses ({@link FakeTiming}), so the tests count pauses and attempts, never time.
 */
class FailoverOutageTest {

    @TempDir
    Path dir;

    private final List<SenderEvent> events = new CopyOnWriteArrayList<>();
    private final RecordingLogger log = new RecordingLogger();
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

    private FailoverMllpSender.Builder sender(FakeTiming timing, MllpEndpoint... endpoints) {
        return FailoverMllpSender.builder().endpoints(List.of(endpoints))
                .connectTimeout(Duration.ofSeconds(2)).ackTimeout(Duration.ofSeconds(2))
                .reconnectDelay(Duration.ofSeconds(1)).maxRetryDelay(Duration.ofSeconds(30))
                .timing(timing).logger(log).listener(events::add);
    }

    private static MllpEndpoint nothingListening() {
        return MllpEndpoint.of("127.0.0.1", TestNet.freePort());
    }

    private long count(Class<? extends SenderEvent> type) {
        return events.stream().filter(type::isInstance).count();
    }

    private static void blockUntilInterrupted() throws InterruptedException {
        new CountDownLatch(1).await();
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(30, TimeUnit.SECONDS)).as("the sender got there").isTrue();
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    @ParameterizedTest(name = "{0} minutes")
    @ValueSource(ints = {10, 30, 120})
    void anOutageOfEveryEndpointLogsABoundedNumberOfLinesWhateverItsLength(int minutes) throws Exception {
        FakeTiming timing = new FakeTiming(0.0);
        CountDownLatch over = new CountDownLatch(1);
        timing.hook((n, pause) -> {
            if (timing.elapsed().toMinutes() >= minutes) {
                over.countDown();
                blockUntilInterrupted();
            }
        });
        MllpEndpoint a = nothingListening();
        MllpEndpoint b = nothingListening();
        FailoverMllpSender sender = keep(sender(timing, a, b).build());
        for (int i = 1; i <= 37; i++) {
            sender.sendAsync(TestMessages.adtA01("HID" + i));
        }

        await(over);
        sender.close();

        List<String> warnings = log.at(Level.WARN);
        assertThat(warnings).filteredOn(w -> w.contains(" is down (connection refused)")).hasSize(2);
        List<String> allDown = warnings.stream().filter(w -> w.startsWith("all 2 endpoints down; next try in "))
                .collect(Collectors.toList());
        assertThat(allDown).hasSizeBetween(minutes / 2, minutes + 1);
        assertThat(allDown).contains("all 2 endpoints down; next try in 30 s; 37 messages waiting");
        // state changes only: the two endpoints going down, then at most one line a minute
        assertThat(log.visible()).hasSizeLessThanOrEqualTo(2 + minutes + 1);
        // every attempt is still an event and a DEBUG line: two per round, one round per pause
        long attempts = count(SenderEvent.AttemptFailed.class);
        assertThat(attempts).isEqualTo(2L * timing.pauses().size());
        assertThat(log.at(Level.DEBUG)).filteredOn(l -> l.startsWith("attempt ")).hasSize((int) attempts);
        assertThat(attempts).isGreaterThan(minutes * 3L / 2);
    }

    @Test
    void reconnectAttemptsFollowTheBackOffCountedAtTheReceivers() throws Exception {
        FakeTiming timing = new FakeTiming(0.5);
        CountDownLatch ninth = new CountDownLatch(1);
        timing.hook((n, pause) -> {
            if (n == 9) {
                ninth.countDown();
                blockUntilInterrupted();
            }
        });
        CountingServer a = keep(new CountingServer());
        CountingServer b = keep(new CountingServer());
        FailoverMllpSender sender = keep(sender(timing, a.endpoint(), b.endpoint()).build());
        sender.sendAsync(TestMessages.adtA01("BO1"));

        await(ninth);
        for (int i = 0; i < 500 && a.connections() + b.connections() < 18; i++) {
            Thread.sleep(10);
        }

        // nine rounds of one connection to each receiver, then the sender waits
        assertThat(a.connections()).isEqualTo(9);
        assertThat(b.connections()).isEqualTo(9);
        // 1 s doubling to the 30 s cap, each shortened by the same jitter (here an eighth)
        assertThat(timing.pauses()).containsExactly(seconds(0.875), seconds(1.75), seconds(3.5), seconds(7),
                seconds(14), seconds(26.25), seconds(26.25), seconds(26.25), seconds(26.25));
        assertThat(count(SenderEvent.AttemptFailed.class)).isEqualTo(18);
    }

    @Test
    void deliveryResumesWithinOneBackOffStepAfterAnEndpointReturnsAndTheBackOffStartsAgain() throws Exception {
        FakeTiming timing = new FakeTiming(0.0);
        MllpEndpoint a = nothingListening();
        int portB = TestNet.freePort();
        List<String> receivedByB = new CopyOnWriteArrayList<>();
        timing.hook((n, pause) -> {
            if (n == 5 || n == 6) { // B comes back during the fifth (and, later, the sixth) pause
                keep(TestNet.listener(portB).handler(m -> {
                    receivedByB.add(m.controlId());
                    return m.createAck(AckCode.AA, null);
                }).build().start());
            }
        });
        FailoverMllpSender sender = keep(sender(timing, a, MllpEndpoint.of("127.0.0.1", portB)).build());

        Ack first = sender.send(TestMessages.adtA01("RS1"));

        assertThat(first.code()).isEqualTo(AckCode.AA);
        assertThat(first.endpoint()).contains(MllpEndpoint.of("127.0.0.1", portB));
        // five rounds failed; the round right after B returned delivered, with no further pause
        assertThat(timing.pauses()).containsExactly(seconds(1), seconds(2), seconds(4), seconds(8), seconds(16));
        assertThat(count(SenderEvent.AttemptFailed.class)).isEqualTo(11); // 5 rounds of 2, then A once more
        assertThat(log.at(Level.INFO)).containsExactly(
                "delivery resumed on 127.0.0.1:" + portB + " after 31 s with every endpoint down; 1 message waited");

        // B goes down again: the back-off starts again from the reconnect delay
        resources.remove(resources.size() - 1).close();
        Ack second = sender.send(TestMessages.adtA01("RS2"));

        assertThat(second.code()).isEqualTo(AckCode.AA);
        assertThat(timing.pauses()).hasSize(6).last().isEqualTo(seconds(1));
        assertThat(receivedByB).containsExactly("RS1", "RS2");
    }

    @Test
    void failoverToAHealthyStandbyIsNotDelayedByTheBackOff() throws Exception {
        FakeTiming timing = new FakeTiming(0.0);
        AtomicReference<MllpListener> a = new AtomicReference<>();
        AtomicInteger handled = new AtomicInteger();
        a.set(keep(TestNet.listener().handler(m -> {
            if (handled.incrementAndGet() == 3) {
                a.get().close(); // A dies with message 3 in flight
            }
            return m.createAck(AckCode.AA, null);
        }).build().start()));
        MllpListener b = keep(TestNet.listener().build().start());
        FailoverMllpSender sender = keep(sender(timing, a.get().endpoint(), b.endpoint())
                .reconnectDelay(Duration.ofHours(1)).maxRetryDelay(Duration.ofHours(2)).build());

        List<Ack> acks = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            acks.add(sender.send(TestMessages.adtA01("FO" + i)));
        }

        assertThat(acks).extracting(Ack::code).containsOnly(AckCode.AA);
        assertThat(acks.get(5).endpoint()).contains(b.endpoint());
        assertThat(timing.pauses()).as("no pause: a switch within a round is immediate").isEmpty();
        assertThat(log.at(Level.WARN)).singleElement().asString()
                .startsWith(a.get().endpoint() + " is down (").endsWith("switching to " + b.endpoint() + " with FO3 in flight");
    }

    @Test
    void withTheJournalNothingIsLostOrReorderedAcrossAnOutage() throws Exception {
        FakeTiming timing = new FakeTiming(0.3);
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicReference<MllpListener> a = new AtomicReference<>();
        a.set(keep(TestNet.listener().handler(m -> {
            received.add(m.controlId());
            if (m.controlId().equals("J10")) {
                a.get().close(); // A dies with J10 in flight; B is down too: an outage
            }
            return m.createAck(AckCode.AA, null);
        }).build().start()));
        int portB = TestNet.freePort();
        timing.hook((n, pause) -> {
            if (n == 4) {
                keep(TestNet.listener(portB).handler(m -> {
                    received.add(m.controlId());
                    return m.createAck(AckCode.AA, null);
                }).build().start());
            }
        });
        Path journal = dir.resolve("outbox.journal");
        FailoverMllpSender sender = keep(sender(timing, a.get().endpoint(), MllpEndpoint.of("127.0.0.1", portB))
                .outbox(Outbox.journal(journal)).build());
        List<String> sent = new ArrayList<>();
        List<CompletableFuture<Ack>> futures = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            sent.add("J" + i);
            futures.add(sender.sendAsync(TestMessages.adtA01("J" + i)));
        }

        List<Ack> acks = new ArrayList<>();
        for (CompletableFuture<Ack> f : futures) {
            acks.add(f.get(30, TimeUnit.SECONDS));
        }
        sender.close();

        assertThat(acks).extracting(Ack::code).containsOnly(AckCode.AA);
        assertThat(acks).extracting(Ack::acknowledgedControlId).containsExactlyElementsOf(sent);
        assertThat(new ArrayList<>(new LinkedHashSet<>(received))).containsExactlyElementsOf(sent);
        Map<String, Long> counts = received.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        counts.values().removeIf(c -> c == 1);
        assertThat(counts.keySet()).isSubsetOf("J10");
        assertThat(timing.pauses()).hasSize(4);
        try (Outbox reopened = Outbox.journal(journal)) {
            assertThat(reopened.pending()).isEmpty();
        }
    }

    @Test
    void giveUpCountsFromAcceptanceAndHandsBackEveryExpiredMessageTogetherInOrder() throws Exception {
        FakeTiming timing = new FakeTiming(0.0);
        CountDownLatch queued = new CountDownLatch(1);
        List<CompletableFuture<Ack>> futures = new CopyOnWriteArrayList<>();
        AtomicReference<FailoverMllpSender> ref = new AtomicReference<>();
        timing.hook((n, pause) -> {
            if (n == 1) {
                await(queued);
            } else if (n == 3) { // at 7 s, five more messages arrive
                for (int i = 21; i <= 25; i++) {
                    futures.add(ref.get().sendAsync(TestMessages.adtA01("G" + i)));
                }
            }
        });
        List<String> givenUp = new CopyOnWriteArrayList<>();
        List<Duration> givenUpAt = new CopyOnWriteArrayList<>();
        int portA = TestNet.freePort();
        FailoverMllpSender sender = keep(sender(timing, MllpEndpoint.of("127.0.0.1", portA), nothingListening())
                .giveUpAfter(Duration.ofSeconds(10)).listener(e -> {
                    events.add(e);
                    if (e instanceof SenderEvent.GivenUp) {
                        givenUp.add(((SenderEvent.GivenUp) e).controlId());
                        givenUpAt.add(timing.elapsed());
                    }
                }).build());
        ref.set(sender);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            futures.add(sender.sendAsync(TestMessages.adtA01("G" + i)));
            expected.add("G" + i);
        }
        queued.countDown();
        for (int i = 0; i < 3000 && futures.size() < 25; i++) {
            Thread.sleep(10);
        }
        for (CompletableFuture<Ack> f : futures) {
            f.handle((ack, failure) -> failure).get(30, TimeUnit.SECONDS);
        }
        for (int i = 21; i <= 25; i++) {
            expected.add("G" + i);
        }

        assertThat(givenUp).containsExactlyElementsOf(expected);
        // the twenty accepted at 0 s go together at 10 s, the five accepted at 7 s together at 17 s
        // (the sender looks 100 ms after a give-up time, to take a burst of messages together)
        assertThat(givenUpAt.subList(0, 20)).containsOnly(Duration.ofMillis(10_100));
        assertThat(givenUpAt.subList(20, 25)).containsOnly(Duration.ofMillis(17_100));
        for (CompletableFuture<Ack> f : futures) {
            assertThat(f).isCompletedExceptionally();
            assertThat(f.handle((ack, failure) -> failure).get()).isInstanceOf(UndeliveredException.class)
                    .hasMessageContaining("within 10000 ms of being accepted");
        }
        assertThat(log.at(Level.WARN)).contains(
                "giving up 20 messages (G1 to G20): no endpoint acknowledged them within 10000 ms of being accepted",
                "giving up 5 messages (G21 to G25): no endpoint acknowledged them within 10000 ms of being accepted");
        assertThat(sender.pendingCount()).isZero();

        // the younger ones went on after the first twenty were handed back: G21 was tried at 15 s
        assertThat(events).filteredOn(e -> e instanceof SenderEvent.AttemptFailed
                && ((SenderEvent.AttemptFailed) e).controlId().equals("G21")).hasSize(2);
        assertThat(events).filteredOn(e -> e instanceof SenderEvent.AttemptFailed)
                .extracting(e -> ((SenderEvent.AttemptFailed) e).controlId()).containsOnly("G1", "G21");
    }
}
