package io.hakit.hl7;

import io.hakit.hl7.internal.Timing;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when the sender pauses: each pause is recorded and advances the
 * clock by its length at once, so tests count pauses and attempts instead of timing them.
 */
final class FakeTiming implements Timing {

    /** Called on the sender's thread at each pause, after it is recorded; may block or act. */
    @FunctionalInterface
    interface Hook {
        void onPause(int number, Duration pause) throws Exception;
    }

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final double random;
    private volatile Hook hook = (n, d) -> { };

    FakeTiming(double random) {
        this.random = random;
    }

    FakeTiming hook(Hook hook) {
        this.hook = hook;
        return this;
    }

    /** Time passed on this clock since it was made. */
    Duration elapsed() {
        return Duration.ofNanos(now.get() - 1_000_000_000L);
    }

    List<Duration> pauses() {
        return pauses;
    }

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        pauses.add(duration);
        now.addAndGet(duration.toNanos());
        try {
            hook.onPause(pauses.size(), duration);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    @Override
    public double random() {
        return random;
    }
}
