package io.hakit.f5.sim.internal;

import io.hakit.sim.FaultSchedule;
import java.time.Duration;

/** The F5 simulator's faults: one {@link FaultSchedule} that counts every request, and a pending commit failure. Thread-safe. */
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

    private final FaultSchedule<Fault> byNumber = new FaultSchedule<>();
    private String commitFailure;

    /**
     * Schedules a fault for the k-th request from now.
     *
     * @param k 1 for the next request
     * @param fault the fault
     */
    public synchronized void at(int k, Fault fault) {
        byNumber.at(k, fault);
    }

    /**
     * Schedules the same fault for the next {@code count} requests, atomically.
     *
     * @param count how many requests
     * @param fault the fault
     */
    public synchronized void next(int count, Fault fault) {
        byNumber.nextCount(count, fault);
    }

    /** @return the fault for the request that just arrived, or {@code null} */
    public synchronized Fault next() {
        return byNumber.next();
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
