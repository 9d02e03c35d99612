package io.hakit.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.hl7.spi.Outbox;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SenderQueueTest {

    final RecordingLogger log = new RecordingLogger();

    @Test
    void messagesLeftInTheOutboxGoFirstThenThoseAcceptedSince() throws Exception {
        Outbox outbox = Outbox.inMemory();
        outbox.add(TestMessages.adtA01("OLD1").text());
        outbox.add("not HL7");
        SenderQueue queue = new SenderQueue(outbox, 10, log);
        queue.recover(0);
        SenderQueue.Pending fresh = queue.accept(TestMessages.adtA01("NEW1"), 5, () -> { });

        assertThat(queue.next().message.controlId()).isEqualTo("OLD1");
        assertThat(queue.next()).isSameAs(fresh);
        assertThat(outbox.pending()).extracting(Outbox.Entry::message).noneMatch(m -> m.equals("not HL7"));
        assertThat(queue.outboxSize()).isEqualTo(2);
        queue.removeFromOutbox(fresh);
        assertThat(queue.outboxSize()).isEqualTo(1);
    }

    @Test
    void acceptanceWaitsForRoomAndStopsWhenTheSenderCloses() throws Exception {
        SenderQueue queue = new SenderQueue(Outbox.inMemory(), 1, log);
        AtomicBoolean closed = new AtomicBoolean();
        Runnable checkOpen = () -> {
            if (closed.get()) {
                throw new IllegalStateException("failover sender is closed");
            }
        };
        SenderQueue.Pending first = queue.accept(TestMessages.adtA01("A"), 0, checkOpen);
        Thread closer = new Thread(() -> closed.set(true));
        closer.start();
        assertThatThrownBy(() -> queue.accept(TestMessages.adtA01("B"), 0, checkOpen))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        closed.set(false);
        queue.finished(queue.next());
        assertThat(queue.accept(TestMessages.adtA01("C"), 0, checkOpen).message.controlId()).isEqualTo("C");
        assertThat(first.future).isNotDone();
    }

    @Test
    void expiredMessagesAreTakenFromTheHeadInOrderAndClosingFailsTheRest() {
        SenderQueue queue = new SenderQueue(Outbox.inMemory(), 10, log);
        queue.accept(TestMessages.adtA01("A"), 0, () -> { });
        queue.accept(TestMessages.adtA01("B"), 10, () -> { });
        SenderQueue.Pending young = queue.accept(TestMessages.adtA01("C"), 90, () -> { });

        assertThat(queue.takeExpired(100, 50)).extracting(p -> p.message.controlId()).containsExactly("A", "B");
        assertThat(queue.size()).isEqualTo(1);
        queue.close();
        assertThat(young.future).isCompletedExceptionally();
        assertThatThrownBy(young.future::join).hasCauseInstanceOf(UndeliveredException.class);
    }
}
