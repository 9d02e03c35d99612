package io.hakit.f5.sim.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Faults scheduled by request number. Thread-safe. */
public final class FaultPlan {
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
        HTML
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

    private final Map<Long, Fault> byNumber = new HashMap<>();
    private long seen;
    private String commitFailure;

    /**
     * Schedules a fault for the k-th request from now.
     *
     * @param k 1 for the next request
     * @param fault the fault
     */
    public synchronized void at(int k, Fault fault) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1 (1 = the next request), got " + k);
        }
        byNumber.put(seen + k, fault);
    }

    /**
     * Schedules the same fault for the next {@code count} requests, atomically.
     *
     * @param count how many requests
     * @param fault the fault
     */
    public synchronized void next(int count, Fault fault) {
        for (int i = 1; i <= count; i++) {
            at(i, fault);
        }
    }

    /** @return the fault for the request that just arrived, or {@code null} */
    public synchronized Fault next() {
        seen++;
        return byNumber.remove(seen);
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
        byNumber.clear();
        commitFailure = null;
    }
}
