package io.hakit.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What can go wrong with one write between a client and a device, the same five ways for every simulator: the
 * connection dropped before or after the device applied the write, an HTTP 500 before or after it applied it, or
 * an answer that comes only after a delay (longer than the client's response time-out, the write applied late).
 * A fault "after" changes the device exactly as the write would have, then hides the answer: the client cannot
 * tell it from the fault "before" without reading the device. Immutable and thread-safe.
 *
 * @param kind which of the five
 * @param delay how late the answer comes, for {@link Kind#LATE_ANSWER}; zero otherwise
 */
public record WriteFault(Kind kind, Duration delay) {

    /** The five ways. */
    public enum Kind {
        /** The connection is closed before the device applies the write: nothing changes. */
        DROP_BEFORE_APPLY,
        /** The device applies the write, then the connection is closed without an answer. */
        DROP_AFTER_APPLY,
        /** The device answers HTTP 500 without applying the write. */
        ERROR_BEFORE_APPLY,
        /** The device applies the write, then answers HTTP 500. */
        ERROR_AFTER_APPLY,
        /** The device waits, then applies the write and answers normally (after the client gave up). */
        LATE_ANSWER;

        /** @return whether the device applies the write */
        public boolean applies() {
            return this != DROP_BEFORE_APPLY && this != ERROR_BEFORE_APPLY;
        }
    }

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException when the delay is negative, or not zero for a kind other than
     *     {@link Kind#LATE_ANSWER}
     */
    public WriteFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || (kind != Kind.LATE_ANSWER && !delay.isZero())) {
            throw new IllegalArgumentException("delay must be zero, or positive for LATE_ANSWER; was " + delay
                    + " for " + kind);
        }
    }

    /**
     * @param kind a kind other than {@link Kind#LATE_ANSWER}
     * @return that fault
     */
    public static WriteFault of(Kind kind) {
        return new WriteFault(kind, Duration.ZERO);
    }

    /**
     * @param delay how long the device waits before it handles the write
     * @return a late answer
     */
    public static WriteFault late(Duration delay) {
        return new WriteFault(Kind.LATE_ANSWER, delay);
    }

    /**
     * @param late how late the {@link Kind#LATE_ANSWER} comes, positive
     * @return the five ways, one fault each, in the order of {@link Kind}: what a fault matrix runs every write
     *     through
     */
    public static List<WriteFault> everyWay(Duration late) {
        if (late.isZero() || late.isNegative()) {
            throw new IllegalArgumentException("late must be positive, was " + late);
        }
        List<WriteFault> all = new ArrayList<>();
        for (Kind k : Kind.values()) {
            all.add(k == Kind.LATE_ANSWER ? late(late) : of(k));
        }
        return List.copyOf(all);
    }
}
