package io.hakit.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A UTC clock a test moves by hand, for a simulator's {@code clock(Clock)}: session and token
 * expiry, transaction time-outs and sync delays then happen when the test says. Thread-safe.
 */
public final class SettableClock extends Clock {
    /** Where a clock made by {@link #SettableClock()} starts: 2026-01-01T00:00:00Z. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private volatile Instant now;

    /** A clock at {@link #DEFAULT_START}. */
    public SettableClock() {
        this(DEFAULT_START);
    }

    /** @param start where the clock starts */
    public SettableClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /**
     * @param d how far to move the clock forward (or back, when negative)
     * @return this
     */
    public synchronized SettableClock advance(Duration d) {
        now = now.plus(Objects.requireNonNull(d, "d"));
        return this;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public String toString() {
        return "SettableClock[" + now + "]";
    }
}
