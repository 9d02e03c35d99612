package io.hakit.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * Faults scheduled by number, the one mechanism behind every simulator's {@code faults()}.
 *
 * <p>Counting rule: the schedule counts the requests its simulator hands to {@link #next()}, in
 * arrival order, and {@code k = 1} is the next one counted after the fault is scheduled. The
 * count goes on across {@link #clear()}. Simulators do not choose what they count: each keeps
 * the three {@link FaultCounters} (every request, writes, saves) and sorts its requests by
 * {@link RequestKind}, so "the 3rd write" means the same on every device.
 *
 * <p>Thread-safe.
 *
 * @param <F> what a fault is for the simulator
 */
public final class FaultSchedule<F> {
    private final Map<Long, F> byNumber = new HashMap<>();
    private long counted;

    /**
     * Schedules a fault for the k-th counted request from now, replacing one already there.
     *
     * @param k 1 for the next request counted
     * @param fault the fault
     * @throws IllegalArgumentException when k is below 1
     */
    public synchronized void at(int k, F fault) {
        merge(k, fault, (old, fresh) -> fresh);
    }

    /**
     * Schedules a fault for the k-th counted request from now, combined with one already there.
     *
     * @param k 1 for the next request counted
     * @param fault the fault
     * @param combine makes one fault of the one already scheduled (first argument) and this one
     * @throws IllegalArgumentException when k is below 1
     */
    public synchronized void merge(int k, F fault, BinaryOperator<F> combine) {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(combine, "combine");
        if (k < 1) {
            throw new IllegalArgumentException("k must be 1 or more (1 = the next counted request), was " + k);
        }
        byNumber.merge(counted + k, fault, combine);
    }

    /**
     * Schedules the same fault for each of the next {@code count} counted requests, atomically.
     *
     * @param count how many requests, not negative
     * @param fault the fault
     */
    public synchronized void nextCount(int count, F fault) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        for (int i = 1; i <= count; i++) {
            at(i, fault);
        }
    }

    /**
     * Counts one request.
     *
     * @return the fault scheduled for it (now consumed), or {@code null}
     */
    public synchronized F next() {
        counted++;
        return byNumber.remove(counted);
    }

    /** @return how many requests have been counted */
    public synchronized long counted() {
        return counted;
    }

    /** Forgets every scheduled fault; the count goes on. */
    public synchronized void clear() {
        byNumber.clear();
    }
}
