package io.hakit.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.model.Retry;
import io.hakit.model.TransportException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PoliciesTest {

    @Test
    void aRetryPolicySendsAgainWhileTheAnswerSaysSoAndReturnsTheLastAnswer() {
        AtomicInteger calls = new AtomicInteger();
        int last = Policies.run(Policies.<Integer>retryWhen(new Retry(2, Duration.ZERO, Duration.ZERO), s -> s == 503),
                () -> {
                    calls.incrementAndGet();
                    return 503;
                });
        assertThat(last).isEqualTo(503);
        assertThat(calls).hasValue(3);
    }

    @Test
    void aRetryPolicyStopsAtTheFirstGoodAnswer() {
        AtomicInteger calls = new AtomicInteger();
        int r = Policies.run(Policies.<Integer>retryWhen(Retry.backoff(5, Duration.ofMillis(1)), s -> s == 503),
                () -> calls.incrementAndGet() < 3 ? 503 : 200);
        assertThat(r).isEqualTo(200);
        assertThat(calls).hasValue(3);
    }

    @Test
    void exceptionsAreNotRetriedAndPassThroughUnchanged() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> Policies.run(Policies.<Integer>retryWhen(Retry.backoff(5, Duration.ZERO), s -> true),
                () -> {
                    calls.incrementAndGet();
                    throw new TransportException("down");
                })).isInstanceOf(TransportException.class).hasMessage("down");
        assertThat(calls).hasValue(1);
    }

    @Test
    void theWaitDoublesFromTheDelayUpToTheMaximum() {
        long start = System.nanoTime();
        Policies.run(Policies.<Integer>retryWhen(new Retry(3, Duration.ofMillis(40), Duration.ofMillis(80)),
                s -> true), () -> 503);
        // 40 + 80 + 80 ms
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    @Test
    void aPollStopsWhenTheStateIsReachedOrTimeIsUp() {
        AtomicInteger looks = new AtomicInteger();
        String s = Policies.run(Policies.<String>poll(Duration.ofMillis(5), Duration.ofSeconds(5),
                v -> !v.equals("In Sync")), () -> looks.incrementAndGet() < 4 ? "Changes Pending" : "In Sync");
        assertThat(s).isEqualTo("In Sync");
        assertThat(looks).hasValue(4);

        long start = System.nanoTime();
        String never = Policies.run(Policies.<String>poll(Duration.ofMillis(20), Duration.ofMillis(150),
                v -> true), () -> "Changes Pending");
        assertThat(never).isEqualTo("Changes Pending");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(140), Duration.ofSeconds(3));
    }

    @Test
    void anInterruptWhileWaitingBecomesATransportExceptionAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Policies.run(Policies.<Integer>retryWhen(Retry.backoff(3, Duration.ofSeconds(5)),
                    s -> true), () -> 503)).isInstanceOf(TransportException.class).hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aFailureThatMeansBusyIsRetriedAndTheLastOneThrownUnchanged() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> Policies.run(Policies.<Void>retryOnFailure(new Retry(2, Duration.ZERO, Duration.ZERO),
                e -> e.getMessage().equals("busy")), () -> {
                    calls.incrementAndGet();
                    throw new TransportException("busy");
                })).isExactlyInstanceOf(TransportException.class).hasMessage("busy");
        assertThat(calls).hasValue(3);
        calls.set(0);
        assertThatThrownBy(() -> Policies.run(Policies.<Void>retryOnFailure(new Retry(2, Duration.ZERO, Duration.ZERO),
                e -> e.getMessage().equals("busy")), () -> {
                    calls.incrementAndGet();
                    throw new TransportException("other");
                })).hasMessage("other");
        assertThat(calls).hasValue(1);
    }
}
