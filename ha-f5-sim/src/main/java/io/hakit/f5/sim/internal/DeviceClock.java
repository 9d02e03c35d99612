package io.hakit.f5.sim.internal;

import java.time.Clock;
import java.time.Instant;

/** The device's clock in microseconds since the epoch, the unit iControl REST uses for times. */
final class DeviceClock {
    private final Clock clock;

    /** @param clock the clock for tokens, transactions and sync */
    DeviceClock(Clock clock) {
        this.clock = clock;
    }

    /** @return now, in microseconds since the epoch */
    long nowMicros() {
        Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }

}
