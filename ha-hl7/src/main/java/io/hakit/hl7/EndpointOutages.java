package io.hakit.hl7;

import io.hakit.hl7.internal.Timing;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;

/**
 * The outage state machine of {@link FailoverMllpSender}: which endpoints are down and since
 * when, how many rounds in a row failed, and when the next round may start (exponential
 * back-off with jitter, capped). It also logs the outage the way an operator reads it: one
 * warning when an endpoint or every endpoint goes down (repeated at most once a minute), one
 * line when delivery resumes.
 *
 * <p>Not thread-safe: used by the sender's worker thread only.
 */
final class EndpointOutages {

    /** The fraction of a back-off wait that jitter may take off. */
    private static final double JITTER = 0.25;
    /** The shortest interval between two "every endpoint down" warnings. */
    private static final long ALL_DOWN_REPEAT_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final List<MllpEndpoint> endpoints;
    private final Duration reconnectDelay;
    private final Duration maxRetryDelay;
    private final Timing timing;
    private final Logger log;
    private final IntSupplier waiting;

    private final boolean[] down;
    private final long[] downSince;
    private int failuresInRow;
    private int failedRounds;
    private boolean backingOff;
    private long nextTryAt;
    private boolean allDown;
    private long allDownSince;
    private long lastAllDownWarning;

    /**
     * @param endpoints the sender's endpoints, in order
     * @param reconnectDelay the first pause once a round failed
     * @param maxRetryDelay the longest pause between rounds
     * @param timing the clock and sleeper
     * @param log where outages are logged
     * @param waiting how many messages are waiting, counting the one in flight (for log lines)
     */
    EndpointOutages(List<MllpEndpoint> endpoints, Duration reconnectDelay, Duration maxRetryDelay, Timing timing,
            Logger log, IntSupplier waiting) {
        this.endpoints = endpoints;
        this.reconnectDelay = reconnectDelay;
        this.maxRetryDelay = maxRetryDelay;
        this.timing = timing;
        this.log = log;
        this.waiting = waiting;
        this.down = new boolean[endpoints.size()];
        this.downSince = new long[endpoints.size()];
    }

    /**
     * Marks an endpoint down.
     *
     * @param ep the endpoint's index
     * @return whether it was up until now (the caller logs the change)
     */
    boolean markDown(int ep) {
        if (down[ep]) {
            return false;
        }
        down[ep] = true;
        downSince[ep] = timing.nanoTime();
        return true;
    }

    /** Counts a failed attempt; once every endpoint failed in a round, schedules the next round. */
    void attemptFailed() {
        failuresInRow++;
        if (failuresInRow % endpoints.size() == 0) {
            scheduleNextRound();
        }
    }

    /** Every endpoint failed in this round: the next round waits, with exponential back-off and jitter. */
    private void scheduleNextRound() {
        long base = reconnectDelay.toNanos();
        long cap = Math.max(base, maxRetryDelay.toNanos());
        long nominal = base;
        for (int i = 0; i < failedRounds && nominal < cap; i++) {
            nominal = nominal > cap / 2 ? cap : nominal * 2;
        }
        nominal = Math.min(nominal, cap);
        long delay = nominal - (long) (nominal * JITTER * timing.random());
        failedRounds++;
        long now = timing.nanoTime();
        backingOff = true;
        nextTryAt = now + delay;
        boolean everyEndpoint = true;
        for (boolean d : down) {
            everyEndpoint &= d;
        }
        if (!everyEndpoint) {
            log.debug("round {} failed; next try in {}", failedRounds, duration(delay));
            return;
        }
        if (!allDown || now - lastAllDownWarning >= ALL_DOWN_REPEAT_NANOS) {
            if (!allDown) {
                allDown = true;
                allDownSince = now;
            }
            lastAllDownWarning = now;
            String which = endpoints.size() == 1 ? "the only endpoint " + endpoints.get(0) + " is down"
                    : "all " + endpoints.size() + " endpoints down";
            log.warn("{}; next try in {}; {} waiting", which, duration(delay), messages(waiting.getAsInt()));
        } else {
            log.debug("every endpoint still down after round {}; next try in {}", failedRounds, duration(delay));
        }
    }

    /**
     * Any acknowledgement from an endpoint: it is up, and the back-off starts again from the beginning.
     *
     * @param ep the endpoint's index
     */
    void acknowledged(int ep) {
        long now = timing.nanoTime();
        MllpEndpoint at = endpoints.get(ep);
        if (allDown) {
            allDown = false;
            log.info("delivery resumed on {} after {} with every endpoint down; {} waited", at,
                    duration(now - allDownSince), messages(waiting.getAsInt()));
        } else if (down[ep]) {
            log.info("{} answers again after {} down", at, duration(now - downSince[ep]));
        }
        down[ep] = false;
        failuresInRow = 0;
        failedRounds = 0;
        backingOff = false;
    }

    /** @return whether the next attempt must wait for the back-off */
    boolean backingOff() {
        return backingOff;
    }

    /** @return when the next round may start, on {@link Timing#nanoTime()}'s clock */
    long nextTryAt() {
        return nextTryAt;
    }

    /** The back-off is over: the next attempt goes ahead. */
    void stopBackingOff() {
        backingOff = false;
    }

    private static String messages(int n) {
        return n == 1 ? "1 message" : n + " messages";
    }

    /** A duration for people: {@code 250 ms}, {@code 8 s}, {@code 2 min 5 s}, {@code 1 h 3 min}. */
    static String duration(long nanos) {
        long ms = Math.max(0, TimeUnit.NANOSECONDS.toMillis(nanos));
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = (ms + 500) / 1000;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        long min = s / 60;
        return (min / 60) + " h" + (min % 60 == 0 ? "" : " " + (min % 60) + " min");
    }
}
