package io.hakit.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FailoverMllpSenderTest {

    @Test
    void sendsAsynchronouslyInAcceptanceOrder() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (MllpListener l = TestNet.listener().handler(m -> {
                seen.add(m.controlId());
                return m.createAck(AckCode.AA, null);
            }).build().start();
             FailoverMllpSender sender = FailoverMllpSender.builder().endpoint(l.endpoint()).build()) {
            List<CompletableFuture<Ack>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                futures.add(sender.sendAsync(TestMessages.adtA01("A" + i)));
            }
            for (int i = 0; i < 50; i++) {
                assertThat(futures.get(i).get(10, TimeUnit.SECONDS).acknowledgedControlId()).isEqualTo("A" + i);
            }
            assertThat(seen).hasSize(50).first().isEqualTo("A0");
            assertThat(sender.activeEndpoint()).isEqualTo(l.endpoint());
        }
    }

    @Test
    void appliesBackPressureWhenTheQueueIsFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (MllpListener l = TestNet.listener().handler(m -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return m.createAck(AckCode.AA, null);
            }).build().start();
             FailoverMllpSender sender = FailoverMllpSender.builder().endpoint(l.endpoint()).queueCapacity(2).build()) {
            sender.sendAsync(TestMessages.adtA01("Q1"));
            sender.sendAsync(TestMessages.adtA01("Q2"));
            AtomicInteger accepted = new AtomicInteger();
            Thread third = new Thread(() -> {
                sender.sendAsync(TestMessages.adtA01("Q3"));
                accepted.incrementAndGet();
            });
            third.start();
            third.join(300);
            assertThat(accepted).as("third send blocks while two are unfinished").hasValue(0);
            release.countDown();
            third.join(10_000);
            assertThat(accepted).hasValue(1);
        }
    }

    @Test
    void refusesMisuse() {
        assertThatThrownBy(() -> FailoverMllpSender.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("endpoint");
        MllpEndpoint e = MllpEndpoint.of("127.0.0.1", 1);
        assertThatThrownBy(() -> FailoverMllpSender.builder().endpoint(e).endpoint(e))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> FailoverMllpSender.builder().queueCapacity(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queueCapacity");
        assertThatThrownBy(() -> FailoverMllpSender.builder().retryDelay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retryDelay");
        FailoverMllpSender sender = FailoverMllpSender.builder().endpoint(e).build();
        Hl7Message noId = Hl7Message.parse("MSH|^~\\&|A|B|C|D|20261125||ADT^A01||P|2.5\r");
        assertThatThrownBy(() -> sender.sendAsync(noId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MSH-10");
        sender.close();
        assertThatThrownBy(() -> sender.sendAsync(TestMessages.adtA01("X"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
