package io.hakit.f5.sim.internal;

import io.hakit.sim.FaultCounters;
import io.hakit.sim.RequestKind;
import java.time.Duration;

/**
 * The F5 simulator's faults: the three counts of {@link FaultCounters} (every request, writes,
 * saves), and a pending commit failure. Thread-safe.
 */
public final class F5FaultPlan {
    /** What a fault does. */
    public enum Kind {
        /** Answer a TMOS error. */
        FAIL,
        /** Wait, then handle the request normally. */
        DELAY,
        /** Close the connection without an answer. */
        RESET,
        /** Answer 503 with an HTML page. */
        UNAVAILABLE,
        /** Answer a Jetty HTML error page. */
        HTML,
        /** Handle the request, then close the connection without an answer. */
        RESET_AFTER,
        /** Handle the request, then answer a TMOS error instead of its answer. */
        FAIL_AFTER
    }

    /**
     * One scheduled fault.
     *
     * @param kind what it does
     * @param status the HTTP status to answer
     * @param message the TMOS message for {@link Kind#FAIL}
     * @param delay the wait for {@link Kind#DELAY}
     */
    public record Fault(Kind kind, int status, String message, Duration delay) {
    }

    private final FaultCounters<Fault> counters = new FaultCounters<>();
    private String commitFailure;

    /**
     * Schedules a fault for the k-th request from now.
     *
     * @param k 1 for the next request
     * @param fault the fault
     */
    public synchronized void at(int k, Fault fault) {
        counters.requests().at(k, fault);
    }

    /**
     * Schedules a fault for the k-th write from now ({@link RequestKind#WRITE}).
     *
     * @param k 1 for the next write
     * @param fault the fault
     */
    public synchronized void atWrite(int k, Fault fault) {
        counters.writes().at(k, fault);
    }

    /**
     * Schedules a fault for the k-th save from now ({@link RequestKind#SAVE}).
     *
     * @param k 1 for the next save
     * @param fault the fault
     */
    public synchronized void atSave(int k, Fault fault) {
        counters.saves().at(k, fault);
    }

    /**
     * Schedules the same fault for the next {@code count} requests, atomically.
     *
     * @param count how many requests
     * @param fault the fault
     */
    public synchronized void next(int count, Fault fault) {
        counters.requests().nextCount(count, fault);
    }

    /**
     * Counts a request that just arrived, once.
     *
     * @param kind what it is
     * @return the fault it meets, or {@code null}
     */
    public synchronized Fault next(RequestKind kind) {
        return counters.next(kind);
    }

    /** @param message the reason the next commit fails with */
    public synchronized void failCommit(String message) {
        commitFailure = message;
    }

    /** @return the pending commit failure (consumed), or {@code null} */
    public synchronized String takeCommitFailure() {
        String m = commitFailure;
        commitFailure = null;
        return m;
    }

    /** Forgets every scheduled fault. */
    public synchronized void clear() {
        counters.clear();
        commitFailure = null;
    }
}
