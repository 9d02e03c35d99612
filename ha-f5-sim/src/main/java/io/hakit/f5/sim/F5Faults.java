package io.hakit.f5.sim;

import io.hakit.f5.sim.internal.F5FaultPlan;
import io.hakit.sim.WriteFault;
import java.time.Duration;
import java.util.Objects;

/**
 * Faults to inject into an {@link F5Simulator}, numbered in one of three counts, the same three
 * every simulator keeps ({@link io.hakit.sim.FaultCounters}):
 *
 * <ul>
 *   <li><b>requests</b>: every request, whatever its method or path, logins and token requests
 *       included ({@link #failRequest}, {@link #delayRequest}, {@link #resetRequest},
 *       {@link #unavailable}, {@link #html}, {@link #request});
 *   <li><b>writes</b>: {@code POST}, {@code PUT}, {@code PATCH} and {@code DELETE} requests that
 *       passed authentication, other than session and save requests ({@link #write},
 *       {@link #failWrite}). On a BIG-IP a transaction's creation, each command sent into it and
 *       its commit are one write each; session requests are the login and everything under
 *       {@code /mgmt/shared/authz/tokens}; reads are {@code GET}s;
 *   <li><b>saves</b>: {@code POST /mgmt/tm/sys/config} {@code {"command":"save"}} and
 *       {@code POST /mgmt/tm/util/bash} running {@code tmsh save sys config} ({@link #save}).
 * </ul>
 *
 * A request refused before authentication is counted as a request only. Every count starts
 * from the moment a fault is scheduled ({@code k = 1} is the next request, write or save to
 * arrive) and goes on across {@link #clear()}. A request meets one fault: when it holds one by
 * its request number and one by its write or save number, the write or save fault wins and the
 * other is dropped. A faulted request changes nothing on the device unless the fault says it
 * comes after applying. A number holds one fault per count; scheduling another for the same
 * number replaces it. Thread-safe; methods return this object so calls can be chained.
 */
public final class F5Faults {
    private final F5FaultPlan plan;

    F5Faults(F5FaultPlan plan) {
        this.plan = plan;
    }

    /**
     * The k-th request from now answers a TMOS error body
     * {@code {"code":status,"message":message,"errorStack":[],"apiError":3}} and changes nothing.
     *
     * @param k 1 for the next request
     * @param status the HTTP status, 400..599
     * @param message the TMOS message, e.g. {@code 01020036:3: The requested Pool (/Common/p) was not found.}
     * @return this
     * @throws IllegalArgumentException when k &lt; 1 or the status is not 400..599
     */
    public F5Faults failRequest(int k, int status, String message) {
        plan.at(k, failure(status, message));
        return this;
    }

    /**
     * The next transaction commit fails validation with this reason: it is rolled back, the
     * transaction reports {@code FAILED} with this {@code failureReason}, and the commit answers
     * 400 {@code transaction failed:<reason>}.
     *
     * @param message the failure reason
     * @return this
     */
    public F5Faults failCommit(String message) {
        plan.failCommit(Objects.requireNonNull(message, "message"));
        return this;
    }

    /**
     * The k-th request from now waits this long before it is handled (normally).
     *
     * @param k 1 for the next request
     * @param delay the wait, not negative
     * @return this
     * @throws IllegalArgumentException when k &lt; 1 or the delay is negative
     */
    public F5Faults delayRequest(int k, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        plan.at(k, new F5FaultPlan.Fault(F5FaultPlan.Kind.DELAY, 0, null, delay));
        return this;
    }

    /**
     * The k-th request from now is read, then its connection is closed without an answer.
     *
     * @param k 1 for the next request
     * @return this
     * @throws IllegalArgumentException when k &lt; 1
     */
    public F5Faults resetRequest(int k) {
        plan.at(k, new F5FaultPlan.Fault(F5FaultPlan.Kind.RESET, 0, null, null));
        return this;
    }

    /**
     * The next {@code count} requests answer 503 with the HTML page a restarting BIG-IP serves
     * ("Configuration Utility restarting...").
     *
     * @param count how many requests, at least 1
     * @return this
     * @throws IllegalArgumentException when count &lt; 1
     */
    public F5Faults unavailable(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        plan.next(count, new F5FaultPlan.Fault(F5FaultPlan.Kind.UNAVAILABLE, 503, null, null));
        return this;
    }

    /**
     * The k-th request from now answers a Jetty HTML error page with this status
     * ({@code text/html}, e.g. 500 "AsyncContext timeout").
     *
     * @param k 1 for the next request
     * @param status the HTTP status, 400..599
     * @return this
     * @throws IllegalArgumentException when k &lt; 1 or the status is not 400..599
     */
    public F5Faults html(int k, int status) {
        checkStatus(status);
        plan.at(k, new F5FaultPlan.Fault(F5FaultPlan.Kind.HTML, status, null, null));
        return this;
    }

    /**
     * The k-th request from now meets this fault ({@link WriteFault}): dropped or answered 500 (a TMOS error
     * body), before or after the device handled it, or handled and answered late. A fault after handling leaves
     * the request's changes in place (a commit committed, a save saved).
     *
     * @param k 1 for the next request
     * @param fault what happens to it
     * @return this
     * @throws IllegalArgumentException when k &lt; 1
     */
    public F5Faults request(int k, WriteFault fault) {
        plan.at(k, fault(fault));
        return this;
    }

    /**
     * The k-th write from now (a {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE} that passed
     * authentication, not a login, token or save request) meets this fault ({@link WriteFault}). A fault after
     * applying leaves the write's changes in place.
     *
     * @param k 1 for the next write
     * @param fault what happens to it
     * @return this
     * @throws IllegalArgumentException when k &lt; 1
     */
    public F5Faults write(int k, WriteFault fault) {
        plan.atWrite(k, fault(fault));
        return this;
    }

    /**
     * The k-th write from now answers a TMOS error body
     * {@code {"code":status,"message":message,"errorStack":[],"apiError":3}} and changes nothing.
     *
     * @param k 1 for the next write
     * @param status the HTTP status, 400..599
     * @param message the TMOS message
     * @return this
     * @throws IllegalArgumentException when k &lt; 1 or the status is not 400..599
     */
    public F5Faults failWrite(int k, int status, String message) {
        plan.atWrite(k, failure(status, message));
        return this;
    }

    private static F5FaultPlan.Fault failure(int status, String message) {
        Objects.requireNonNull(message, "message");
        checkStatus(status);
        return new F5FaultPlan.Fault(F5FaultPlan.Kind.FAIL, status, message, null);
    }

    /**
     * The k-th save from now ({@code sys/config} save or {@code tmsh save sys config} through
     * {@code util/bash}) meets this fault ({@link WriteFault}). A fault after applying leaves the
     * configuration saved.
     *
     * @param k 1 for the next save
     * @param fault what happens to it
     * @return this
     * @throws IllegalArgumentException when k &lt; 1
     */
    public F5Faults save(int k, WriteFault fault) {
        plan.atSave(k, fault(fault));
        return this;
    }

    private static F5FaultPlan.Fault fault(WriteFault fault) {
        Objects.requireNonNull(fault, "fault");
        String internal = "An unexpected error occurred (simulated internal server error).";
        switch (fault.kind()) {
            case DROP_BEFORE_APPLY:
                return new F5FaultPlan.Fault(F5FaultPlan.Kind.RESET, 0, null, null);
            case DROP_AFTER_APPLY:
                return new F5FaultPlan.Fault(F5FaultPlan.Kind.RESET_AFTER, 0, null, null);
            case ERROR_BEFORE_APPLY:
                return new F5FaultPlan.Fault(F5FaultPlan.Kind.FAIL, 500, internal, null);
            case ERROR_AFTER_APPLY:
                return new F5FaultPlan.Fault(F5FaultPlan.Kind.FAIL_AFTER, 500, internal, null);
            default:
                return new F5FaultPlan.Fault(F5FaultPlan.Kind.DELAY, 0, null, fault.delay());
        }
    }

    /** Forgets every scheduled fault, including a pending commit failure. */
    public void clear() {
        plan.clear();
    }

    private static void checkStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status 400..599, got " + status);
        }
    }
}
