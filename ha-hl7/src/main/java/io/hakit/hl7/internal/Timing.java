package io.hakit.hl7.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The clock, the pauses and the jitter of a sender, replaceable so that tests count attempts
 * and pauses instead of timing them. Not exported.
 */
public interface Timing {

    /**
     * A monotonic clock.
     *
     * @return nanoseconds from an arbitrary origin
     */
    long nanoTime();

    /**
     * Pauses the calling thread.
     *
     * @param duration how long; zero or negative returns at once
     * @throws InterruptedException if interrupted while pausing
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * A random number for jitter.
     *
     * @return a number in [0, 1)
     */
    double random();

    /**
     * The real clock, {@link Thread#sleep} and a thread-local random source.
     *
     * @return the system timing
     */
    static Timing system() {
        return SystemTiming.INSTANCE;
    }

    /** The real implementation. */
    final class SystemTiming implements Timing {
        static final SystemTiming INSTANCE = new SystemTiming();

        private SystemTiming() {
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            long nanos = duration.toNanos();
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        }

        @Override
        public double random() {
            return ThreadLocalRandom.current().nextDouble();
        }
    }
}
