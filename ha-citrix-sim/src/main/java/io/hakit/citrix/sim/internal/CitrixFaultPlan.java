package io.hakit.citrix.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.sim.FaultCounters;
import io.hakit.sim.RequestKind;
import io.hakit.sim.SimulatorException;
import io.hakit.sim.WriteFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Scripted faults of the Citrix simulator: numbered faults on the three {@link FaultCounters}
 * (every request, writes, saves; requests sorted by {@link RequestKind}), {@code failOn} faults by
 * object, 503s for the next requests and busy saves. Thread-safe.
 */
public final class CitrixFaultPlan {
    /** What happens to one request. */
    public static final class Decision {
        static final Decision NONE = new Decision(Duration.ZERO, null, false);
        final Duration delay;
        final SimulatorException failure;
        final boolean reset;
        /** the error answered after the write was applied, or null */
        final SimulatorException failureAfter;
        /** whether the connection is closed after the write was applied */
        final boolean resetAfter;

        Decision(Duration delay, SimulatorException failure, boolean reset) {
            this(delay, failure, reset, null, false);
        }

        Decision(Duration delay, SimulatorException failure, boolean reset, SimulatorException failureAfter,
                boolean resetAfter) {
            this.delay = delay;
            this.failure = failure;
            this.reset = reset;
            this.failureAfter = failureAfter;
            this.resetAfter = resetAfter;
        }

        /** @return this decision with the other's delay, failure or reset added */
        Decision and(Decision other) {
            return new Decision(other.delay.isZero() ? delay : other.delay,
                    other.failure == null ? failure : other.failure, reset || other.reset,
                    other.failureAfter == null ? failureAfter : other.failureAfter, resetAfter || other.resetAfter);
        }

        /** @return the decision for one {@link WriteFault} */
        static Decision of(WriteFault f) {
            SimulatorException e500 = NitroErrorCodes.refusal(500, NitroErrorCodes.NOT_PERMITTED,
                    "Internal Server Error");
            switch (f.kind()) {
                case DROP_BEFORE_APPLY:
                    return new Decision(Duration.ZERO, null, true);
                case DROP_AFTER_APPLY:
                    return new Decision(Duration.ZERO, null, false, null, true);
                case ERROR_BEFORE_APPLY:
                    return new Decision(Duration.ZERO, e500, false);
                case ERROR_AFTER_APPLY:
                    return new Decision(Duration.ZERO, null, false, e500, false);
                default:
                    return new Decision(f.delay(), null, false);
            }
        }
    }

    private static final class Touch {
        final String resource;
        final String name;
        final SimulatorException failure;

        Touch(String resource, String name, SimulatorException failure) {
            this.resource = resource;
            this.name = name;
            this.failure = failure;
        }
    }

    /** which attribute of a binding names which other object */
    private static final Map<String, String> CHILD_REFERENCES = Map.of(
            "servername", "server", "monitor_name", "lbmonitor", "certkeyname", "sslcertkey");

    private final FaultCounters<Decision> counters = new FaultCounters<>();
    private final List<Touch> touches = new ArrayList<>();
    private int unavailable;
    private int saveBusy;

    /**
     * @param k the k-th write from now, 1-based
     * @param httpStatus the HTTP status to answer
     * @param errorcode the NITRO error code
     * @param message the NITRO message
     */
    public synchronized void failWrite(int k, int httpStatus, int errorcode, String message) {
        Objects.requireNonNull(message, "message");
        counters.writes().merge(k, new Decision(Duration.ZERO, NitroErrorCodes.refusal(httpStatus, errorcode, message), false), Decision::and);
    }

    /**
     * @param k the k-th write from now
     * @param delay how long to wait before handling it
     */
    public synchronized void delayWrite(int k, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        counters.writes().merge(k, new Decision(delay, null, false), Decision::and);
    }

    /**
     * @param k the k-th write from now
     * @param fault what happens to it
     */
    public synchronized void write(int k, WriteFault fault) {
        counters.writes().merge(k, Decision.of(Objects.requireNonNull(fault, "fault")), Decision::and);
    }

    /**
     * @param k the k-th save from now (saves are counted on their own)
     * @param fault what happens to it
     */
    public synchronized void save(int k, WriteFault fault) {
        counters.saves().merge(k, Decision.of(Objects.requireNonNull(fault, "fault")), Decision::and);
    }

    /**
     * @param k the k-th request of any kind from now, logins and reads included
     * @param fault what happens to it (a write or save fault numbered for the same request wins)
     */
    public synchronized void request(int k, WriteFault fault) {
        counters.requests().merge(k, Decision.of(Objects.requireNonNull(fault, "fault")), Decision::and);
    }

    /** @param k the k-th write from now: its connection is closed without an answer */
    public synchronized void resetWrite(int k) {
        counters.writes().merge(k, new Decision(Duration.ZERO, null, true), Decision::and);
    }

    /**
     * @param resource the resource type
     * @param name the object's name
     * @param errorcode the NITRO error code
     * @param message the NITRO message
     */
    public synchronized void failOn(String resource, String name, int errorcode, String message) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
        touches.add(new Touch(resource.toLowerCase(Locale.ROOT), name,
                NitroErrorCodes.refusal(NitroErrorCodes.status(errorcode), errorcode, message)));
    }

    /**
     * @param count how many of the next requests of any kind answer 503; each is a request refused
     *        before authentication, counted among requests only
     */
    public synchronized void unavailable(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        unavailable = count;
    }

    /** @param times how many of the next saves answer errorcode 293 */
    public synchronized void saveBusy(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative, was " + times);
        }
        saveBusy = times;
    }

    /** Forgets every scripted fault (the counts go on). */
    public synchronized void clear() {
        counters.clear();
        touches.clear();
        unavailable = 0;
        saveBusy = 0;
    }

    /** @return the writes counted so far */
    public synchronized long writes() {
        return counters.writes().counted();
    }

    /** @return whether this request answers 503 */
    synchronized boolean takeUnavailable() {
        if (unavailable > 0) {
            unavailable--;
            return true;
        }
        return false;
    }

    /** @return whether this save answers 293 */
    synchronized boolean takeSaveBusy() {
        if (saveBusy > 0) {
            saveBusy--;
            return true;
        }
        return false;
    }

    /**
     * Counts one request that just arrived, in every count it belongs to, and says what happens to it.
     *
     * @param kind what it is, or {@code null} for a request refused before authentication (counted
     *        among requests only)
     * @return the fault it meets, {@link Decision#NONE} for none
     */
    synchronized Decision next(RequestKind kind) {
        Decision d = kind == null ? counters.requests().next() : counters.next(kind);
        return d == null ? Decision.NONE : d;
    }

    /**
     * @param resource the item's resource type
     * @param item the item's attributes
     * @throws SimulatorException when a {@code failOn} fault names an object this item touches
     */
    synchronized void checkTouch(String resource, ObjectNode item) {
        if (touches.isEmpty()) {
            return;
        }
        ResourceDef d = Schema.get(resource);
        for (Touch t : touches) {
            if (touches(d, resource, item, t)) {
                throw t.failure;
            }
        }
    }

    private static boolean touches(ResourceDef d, String resource, ObjectNode item, Touch t) {
        String key = d == null ? "name" : d.key;
        if (t.resource.equals(resource) && t.name.equals(text(item, key))) {
            return true;
        }
        if (d == null || d.parent == null) {
            return false;
        }
        String parentName = text(item, d.key);
        if (t.name.equals(parentName) && (t.resource.equals(d.parent) || t.resource.equals(base(d.parent)))) {
            return true;
        }
        for (Map.Entry<String, String> r : CHILD_REFERENCES.entrySet()) {
            if (t.resource.equals(r.getValue()) && t.name.equals(text(item, r.getKey()))) {
                return true;
            }
        }
        return d.name.equals("lbvserver_servicegroup_binding") && t.resource.equals("servicegroup")
                && t.name.equals(text(item, "servicegroupname"));
    }

    private static String base(String parent) {
        return parent.equals("sslvserver") ? "lbvserver" : parent.equals("sslservicegroup") ? "servicegroup" : parent;
    }

    private static String text(ObjectNode o, String attr) {
        JsonNode v = o.get(attr);
        return v == null || v.isNull() ? null : v.asText();
    }
}
