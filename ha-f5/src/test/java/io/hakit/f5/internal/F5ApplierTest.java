package io.hakit.f5.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.model.TransportException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The waits of {@link F5Applier} as Failsafe policies; the applier's requests are tested against the simulator. */
class F5ApplierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Optional<JsonNode> state(String s) {
        return Optional.of(JSON.createObjectNode().put("state", s));
    }

    @Test
    void theSyncWaitAsksAgainUntilInSync() throws InterruptedException {
        Deque<String> answers = new ArrayDeque<>(List.of("Changes Pending", "Syncing", "Syncing", "In Sync", "x"));
        AtomicInteger asked = new AtomicInteger();
        String status = F5Applier.await(F5Applier.syncWait(Duration.ofSeconds(10), Duration.ofMillis(5)), () -> {
            asked.incrementAndGet();
            return answers.poll();
        });
        assertThat(status).isEqualTo("In Sync");
        assertThat(asked).hasValue(4);
    }

    @Test
    void theSyncWaitGivesUpAtTheTimeOutWithTheLastStatus() throws InterruptedException {
        AtomicInteger asked = new AtomicInteger();
        long start = System.nanoTime();
        String status = F5Applier.await(F5Applier.syncWait(Duration.ofMillis(150), Duration.ofMillis(20)), () -> {
            asked.incrementAndGet();
            return "Syncing";
        });
        assertThat(status).isEqualTo("Syncing");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(140));
        assertThat(asked.get()).isGreaterThan(2);
    }

    @Test
    void aPollNotShorterThanTheTimeOutAsksOnceMore() throws InterruptedException {
        AtomicInteger asked = new AtomicInteger();
        String status = F5Applier.await(F5Applier.syncWait(Duration.ofMillis(10), Duration.ofMillis(30)), () -> {
            asked.incrementAndGet();
            return "Changes Pending";
        });
        assertThat(status).isEqualTo("Changes Pending");
        assertThat(asked).hasValue(2);
    }

    @Test
    void anErrorIsNotRetriedAndComesOutAsItIs() {
        TransportException down = new TransportException("BIG-IP unreachable");
        AtomicInteger asked = new AtomicInteger();
        assertThatThrownBy(() -> F5Applier.await(F5Applier.syncWait(Duration.ofSeconds(10), Duration.ofMillis(5)),
                () -> {
                    asked.incrementAndGet();
                    throw down;
                })).isSameAs(down);
        assertThatThrownBy(() -> F5Applier.await(F5Applier.validatingWait(), () -> {
            asked.incrementAndGet();
            throw down;
        })).isSameAs(down);
        assertThat(asked).hasValue(2);
    }

    @Test
    void theLostCommitWaitAsksAgainOnlyWhileValidating() throws InterruptedException {
        Deque<Optional<JsonNode>> answers = new ArrayDeque<>(List.of(state("VALIDATING"), state("VALIDATING"),
                state("COMPLETED"), state("x")));
        Optional<JsonNode> last = F5Applier.await(F5Applier.validatingWait(), answers::poll);
        assertThat(last.orElseThrow().path("state").asText()).isEqualTo("COMPLETED");
        assertThat(answers).hasSize(1);
        AtomicInteger asked = new AtomicInteger();
        assertThat(F5Applier.await(F5Applier.validatingWait(), () -> {
            asked.incrementAndGet();
            return Optional.<JsonNode>empty();
        })).isEmpty();
        assertThat(asked).hasValue(1);
    }

    @Test
    void theLostCommitWaitAsksAtMostAHundredTimesMore() {
        assertThat(F5Applier.validatingWait().getConfig().getMaxRetries()).isEqualTo(F5Applier.VALIDATING_POLLS)
                .isEqualTo(100);
        assertThat(F5Applier.validatingWait().getConfig().getDelay()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void anInterruptedWaitSaysSoAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> F5Applier.await(F5Applier.syncWait(Duration.ofSeconds(10), Duration.ofSeconds(1)),
                    () -> "Syncing")).isInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
