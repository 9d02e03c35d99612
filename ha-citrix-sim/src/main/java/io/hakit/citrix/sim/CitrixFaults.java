package io.hakit.citrix.sim;

import io.hakit.citrix.sim.internal.CitrixFaultPlan;
import io.hakit.sim.WriteFault;
import java.time.Duration;

/**
 * Fault injection for a {@link CitrixSimulator}. Numbered faults count one of three counts, each
 * numbered from 1 after each call ({@code failWrite(1)} is the very next write):
 * <ul>
 *   <li><b>requests</b> ({@link #request}, {@link #unavailable}): every request of any kind, logins,
 *       logouts, reads and requests refused before authentication included;
 *   <li><b>writes</b> ({@link #failWrite}, {@link #delayWrite}, {@link #resetWrite}, {@link #write}): a
 *       {@code POST}, {@code PUT} or {@code DELETE} that passed authentication, other than login,
 *       logout and save; a bulk or {@code macroapi} request is one write;
 *   <li><b>saves</b> ({@link #save}, {@link #saveBusy}): {@code nsconfig?action=save}.
 * </ul>
 * A request meets one numbered fault: when a write or save is also the request a request-numbered
 * fault was set for, the write's or save's fault wins and the other is used up. Faults are one-shot
 * except {@link #failOn}, which holds until {@link #clear()}; the counts go on across
 * {@link #clear()}. Thread-safe; methods return this object for chaining.
 */
public final class CitrixFaults {
    /** The error {@link #failWrite(int)} answers: HTTP 599, errorcode 257. */
    public static final int DEFAULT_ERRORCODE = 257;

    private final CitrixFaultPlan plan;

    CitrixFaults(CitrixFaultPlan plan) {
        this.plan = plan;
    }

    /**
     * The k-th write from now answers this error and changes nothing.
     *
     * @param k 1 for the next write
     * @param httpStatus the HTTP status, e.g. 599
     * @param errorcode the NITRO error code
     * @param message the NITRO message
     * @return this
     * @throws IllegalArgumentException when k is below 1
     */
    public CitrixFaults failWrite(int k, int httpStatus, int errorcode, String message) {
        plan.failWrite(k, httpStatus, errorcode, message);
        return this;
    }

    /**
     * The k-th write from now answers HTTP 599 "Netscaler specific error" with errorcode 257
     * "Operation not permitted" and changes nothing.
     *
     * @param k 1 for the next write
     * @return this
     * @throws IllegalArgumentException when k is below 1
     */
    public CitrixFaults failWrite(int k) {
        return failWrite(k, 599, DEFAULT_ERRORCODE, "Operation not permitted");
    }

    /**
     * Every write touching that object fails with that error and changes nothing, including an
     * item inside a bulk or {@code macroapi} body (which then fails as that body's
     * {@code X-NITRO-ONERROR} mode says). A binding touches its parent and the object it binds.
     * The HTTP status is the one NITRO uses for the code (409, 404, 400, 401 or 599).
     *
     * @param resource the resource type, e.g. {@code lbvserver}
     * @param name the object's name
     * @param errorcode the NITRO error code
     * @param message the NITRO message
     * @return this
     */
    public CitrixFaults failOn(String resource, String name, int errorcode, String message) {
        plan.failOn(resource, name, errorcode, message);
        return this;
    }

    /**
     * The k-th write from now is handled only after this delay (other requests go on meanwhile).
     *
     * @param k 1 for the next write
     * @param delay how long to wait
     * @return this
     * @throws IllegalArgumentException when k is below 1 or the delay negative
     */
    public CitrixFaults delayWrite(int k, Duration delay) {
        plan.delayWrite(k, delay);
        return this;
    }

    /**
     * The k-th write from now is not handled: its connection is closed without an answer.
     *
     * @param k 1 for the next write
     * @return this
     * @throws IllegalArgumentException when k is below 1
     */
    public CitrixFaults resetWrite(int k) {
        plan.resetWrite(k);
        return this;
    }

    /**
     * The k-th write from now meets this fault ({@link WriteFault}): dropped or answered 500, before or after the
     * ADC applied it, or answered late. A fault after applying leaves the write's changes in place.
     *
     * @param k 1 for the next write
     * @param fault what happens to it
     * @return this
     * @throws IllegalArgumentException when k is below 1
     */
    public CitrixFaults write(int k, WriteFault fault) {
        plan.write(k, fault);
        return this;
    }

    /**
     * The k-th save ({@code nsconfig?action=save}) from now meets this fault; saves are counted on their own,
     * from 1 after each call. A fault after applying leaves the configuration saved.
     *
     * @param k 1 for the next save
     * @param fault what happens to it
     * @return this
     * @throws IllegalArgumentException when k is below 1
     */
    public CitrixFaults save(int k, WriteFault fault) {
        plan.save(k, fault);
        return this;
    }

    /**
     * The k-th request of any kind from now (logins, reads and refused requests included) meets this
     * fault: dropped or answered 500, before or after the ADC handled it, or answered late. When that
     * request is also a write or save with its own numbered fault, that fault wins.
     *
     * @param k 1 for the next request
     * @param fault what happens to it
     * @return this
     * @throws IllegalArgumentException when k is below 1
     */
    public CitrixFaults request(int k, WriteFault fault) {
        plan.request(k, fault);
        return this;
    }

    /**
     * The next {@code count} requests of any kind answer HTTP 503 with an HTML body, before
     * authentication: they count as requests, not as writes or saves.
     *
     * @param count how many
     * @return this
     */
    public CitrixFaults unavailable(int count) {
        plan.unavailable(count);
        return this;
    }

    /**
     * The next {@code times} saves ({@code nsconfig?action=save}) answer HTTP 599 with errorcode
     * 293 "Operation already in progress".
     *
     * @param times how many
     * @return this
     */
    public CitrixFaults saveBusy(int times) {
        plan.saveBusy(times);
        return this;
    }

    /** Forgets every scripted fault; the three counts go on. */
    public void clear() {
        plan.clear();
    }
}
