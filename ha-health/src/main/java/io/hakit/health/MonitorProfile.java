package io.hakit.health;

import io.hakit.model.HealthTest;
import java.time.Duration;
import java.util.Objects;

/**
 * How a load balancer turns probe results into member state: the consecutive passes that
 * make a member UP ({@code rise}) and the consecutive failures that make it DOWN
 * ({@code fall}), with the vendor's default interval and time-out. The constants are each
 * vendor's defaults (see vendor-notes/health-and-style.md, table A.1). Immutable.
 *
 * @param name the profile's name, e.g. {@code citrix}
 * @param rise consecutive passing probes to mark a member UP, at least 1
 * @param fall consecutive failing probes to mark a member DOWN, at least 1
 * @param interval the vendor's default probe interval
 * @param timeout the vendor's default probe time-out
 */
public record MonitorProfile(String name, int rise, int fall, Duration interval, Duration timeout) {

    /** IIS ARR: one failed URL test marks a server unhealthy, the next success healthy; 30 s / 30 s. */
    public static final MonitorProfile ARR = new MonitorProfile("arr", 1, 1, Duration.ofSeconds(30), Duration.ofSeconds(30));
    /** Citrix ADC: successretries 1, retries 3 (consecutive), interval 5 s, resptimeout 2 s. */
    public static final MonitorProfile CITRIX = new MonitorProfile("citrix", 1, 3, Duration.ofSeconds(5), Duration.ofSeconds(2));
    /**
     * F5 BIG-IP: up on the first good response (time_until_up 0); down when no good response
     * arrives within timeout 16 s = 3 × interval 5 s + 1, i.e. about three missed probes.
     */
    public static final MonitorProfile F5 = new MonitorProfile("f5", 1, 3, Duration.ofSeconds(5), Duration.ofSeconds(16));
    /** HAProxy: rise 2, fall 3, inter 2 s (the time-out defaults to inter). */
    public static final MonitorProfile HAPROXY = new MonitorProfile("haproxy", 2, 3, Duration.ofSeconds(2), Duration.ofSeconds(2));
    /** Kubernetes probe: successThreshold 1, failureThreshold 3, periodSeconds 10, timeoutSeconds 1. */
    public static final MonitorProfile KUBERNETES = new MonitorProfile("kubernetes", 1, 3, Duration.ofSeconds(10), Duration.ofSeconds(1));

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException when rise or fall is below 1, or a duration is not positive
     */
    public MonitorProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        if (rise < 1) {
            throw new IllegalArgumentException("rise (" + rise + ") must be at least 1");
        }
        if (fall < 1) {
            throw new IllegalArgumentException("fall (" + fall + ") must be at least 1");
        }
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval (" + interval + ") must be positive");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout (" + timeout + ") must be positive");
        }
    }

    /**
     * A custom profile keeping the health test's own interval and time-out.
     *
     * @param rise consecutive passes to mark UP
     * @param fall consecutive failures to mark DOWN
     * @return the profile, named {@code custom}
     * @throws IllegalArgumentException when rise or fall is below 1
     */
    public static MonitorProfile of(int rise, int fall) {
        return new MonitorProfile("custom", rise, fall, HealthTest.DEFAULT_INTERVAL, HealthTest.DEFAULT_TIMEOUT);
    }

    /**
     * @param test a health test
     * @return the test with this vendor's default interval and time-out, as the vendor would run it
     *         when none is configured
     */
    public HealthTest applyTo(HealthTest test) {
        Objects.requireNonNull(test, "test");
        return test.copy(b -> b.interval(interval).timeout(timeout));
    }
}
