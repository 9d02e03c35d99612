package io.hakit.sim;

import java.util.Objects;

/**
 * The three counts every simulator keeps for numbered faults, the same way on every device:
 * every request, writes, and saves (see {@link RequestKind} for which is which). A fault can be
 * scheduled on any of the three: {@code requests().at(3, f)} is the third request from now of
 * any kind, {@code writes().at(3, f)} the third write, {@code saves().at(1, f)} the next save.
 *
 * <p>{@link #next(RequestKind)} counts one request in each count it belongs to and consumes what
 * each scheduled for it. When a request is numbered in two counts and both hold a fault, the
 * narrower count's fault (write or save) wins and the other is consumed too: a request meets one
 * fault. Thread-safe.
 *
 * @param <F> what a fault is for the simulator
 */
public final class FaultCounters<F> {
    private final FaultSchedule<F> requests = new FaultSchedule<>();
    private final FaultSchedule<F> writes = new FaultSchedule<>();
    private final FaultSchedule<F> saves = new FaultSchedule<>();

    /** @return the count of every request, logins and reads included */
    public FaultSchedule<F> requests() {
        return requests;
    }

    /** @return the count of {@link RequestKind#WRITE writes} */
    public FaultSchedule<F> writes() {
        return writes;
    }

    /** @return the count of {@link RequestKind#SAVE saves} */
    public FaultSchedule<F> saves() {
        return saves;
    }

    /**
     * Counts one request that just arrived.
     *
     * @param kind what it is
     * @return the fault it meets (consumed from every count it was scheduled in), or {@code null}
     */
    public synchronized F next(RequestKind kind) {
        Objects.requireNonNull(kind, "kind");
        F any = requests.next();
        F narrow = switch (kind) {
            case WRITE -> writes.next();
            case SAVE -> saves.next();
            default -> null;
        };
        return narrow != null ? narrow : any;
    }

    /** Forgets every scheduled fault; the counts go on. */
    public synchronized void clear() {
        requests.clear();
        writes.clear();
        saves.clear();
    }
}
