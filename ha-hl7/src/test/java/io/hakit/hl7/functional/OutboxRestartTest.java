package io.hakit.hl7.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.hl7.Ack;
import io.hakit.hl7.AckCode;
import io.hakit.hl7.FailoverMllpSender;
import io.hakit.hl7.MllpEndpoint;
import io.hakit.hl7.MllpListener;
import io.hakit.hl7.SenderEvent;
import io.hakit.hl7.TestMessages;
import io.hakit.hl7.TestNet;
import io.hakit.hl7.UndeliveredException;
import io.hakit.hl7.spi.Outbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sender process that stops before its messages are acknowledged re-sends them when it starts again. */
class OutboxRestartTest {

    @TempDir
    Path dir;

    @Test
    void messagesAcceptedButNotAcknowledgedAreSentAfterARestart() throws Exception {
        Path journal = dir.resolve("hl7.outbox");
        int port = TestNet.freePort();
        MllpEndpoint endpoint = MllpEndpoint.of("127.0.0.1", port);
        List<CompletableFuture<Ack>> futures = new ArrayList<>();
        // first "process": nothing listens, so nothing is acknowledged
        FailoverMllpSender first = FailoverMllpSender.builder().endpoint(endpoint)
                .connectTimeout(Duration.ofMillis(500)).reconnectDelay(Duration.ofMillis(20))
                .outbox(Outbox.journal(journal)).build();
        for (int i = 1; i <= 5; i++) {
            futures.add(first.sendAsync(TestMessages.adtA01("R" + i)));
        }
        first.close();
        for (CompletableFuture<Ack> f : futures) {
            assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(UndeliveredException.class)
                    .hasMessageContaining("stays in the outbox");
        }

        // second "process": the receiver is up; the journal is replayed first, in order
        Reception reception = new Reception();
        List<SenderEvent> events = new CopyOnWriteArrayList<>();
        try (MllpListener listener = TestNet.listener(port).handler(m -> {
                reception.record("L", m);
                return m.createAck(AckCode.AA, null);
            }).build().start();
             FailoverMllpSender second = FailoverMllpSender.builder().endpoint(endpoint)
                     .outbox(Outbox.journal(journal)).listener(events::add).build()) {
            Ack ack = second.send(TestMessages.adtA01("R6"));
            assertThat(ack.code()).isEqualTo(AckCode.AA);
            assertThat(reception.all()).containsExactly("R1", "R2", "R3", "R4", "R5", "R6");
            assertThat(events).filteredOn(e -> e instanceof SenderEvent.Delivered).hasSize(6);
            assertThat(second.pendingCount()).isZero();
        }
        try (Outbox reopened = Outbox.journal(journal)) {
            assertThat(reopened.pending()).isEmpty();
        }
    }

    @Test
    void givesUpWhenConfiguredAndNoEndpointAnswers() {
        MllpEndpoint nothing = MllpEndpoint.of("127.0.0.1", TestNet.freePort());
        List<SenderEvent> events = new CopyOnWriteArrayList<>();
        try (FailoverMllpSender sender = FailoverMllpSender.builder().endpoint(nothing)
                .reconnectDelay(Duration.ofMillis(20)).giveUpAfter(Duration.ofMillis(200))
                .listener(events::add).build()) {
            assertThatThrownBy(() -> sender.send(TestMessages.adtA01("G1")))
                    .isInstanceOf(UndeliveredException.class)
                    .hasMessageContaining("G1").hasMessageContaining("within 200 ms");
            assertThat(events).filteredOn(e -> e instanceof SenderEvent.GivenUp).hasSize(1);
            assertThat(sender.pendingCount()).isZero();
        }
    }
}
