package io.hakit.health.vendor;

import io.hakit.health.MonitorProfile;
import io.hakit.model.HealthTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link HealthTest} as a Citrix ADC {@code lbmonitor}. Citrix has no HTTPS monitor type:
 * HTTPS is {@code secure YES}. With a response match the type is {@code HTTP-ECV} ({@code send}
 * is the raw request, {@code recv} the expected text); without one it is {@code HTTP}
 * ({@code httprequest} and {@code respcode}). {@code resptimeout} must be shorter than
 * {@code interval}; failures must be {@code retries} in a row, passes {@code successretries}
 * in a row. Immutable.
 *
 * @param type {@code HTTP-ECV} or {@code HTTP}
 * @param secure whether the probe uses TLS ({@code secure YES})
 * @param httpRequest the {@code httprequest} of an {@code HTTP} monitor, e.g. {@code GET /api}
 * @param send the raw request of an {@code HTTP-ECV} monitor
 * @param recv the text an {@code HTTP-ECV} response must contain
 * @param respCodes the {@code respcode} list of an {@code HTTP} monitor, e.g. {@code ["200-399"]}
 * @param interval the probe interval
 * @param responseTimeout the probe time-out, shorter than {@code interval}
 * @param retries consecutive failures that mark the service DOWN (1-127)
 * @param successRetries consecutive passes that mark it UP (1-32)
 * @param notCarried what the mapping could not carry, one sentence each; empty when exact
 */
public record CitrixMonitor(String type, boolean secure, Optional<String> httpRequest, Optional<String> send,
        Optional<String> recv, List<String> respCodes, Duration interval, Duration responseTimeout, int retries,
        int successRetries, List<String> notCarried) {

    /** {@code HTTP-ECV}: send a request, expect a string. */
    public static final String TYPE_HTTP_ECV = "HTTP-ECV";
    /** {@code HTTP}: send a request, expect status codes. */
    public static final String TYPE_HTTP = "HTTP";

    /** @throws NullPointerException naming a null argument */
    public CitrixMonitor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(httpRequest, "httpRequest");
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(recv, "recv");
        respCodes = List.copyOf(respCodes);
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        notCarried = List.copyOf(notCarried);
    }

    /**
     * Maps with Citrix's default thresholds ({@link MonitorProfile#CITRIX}: retries 3, successretries 1).
     *
     * @param test the vendor-neutral test
     * @param host the {@code Host} header to send, e.g. the member's or the LB's FQDN
     * @param secure whether the service speaks HTTPS
     * @return the monitor, with what it cannot carry
     */
    public static CitrixMonitor from(HealthTest test, String host, boolean secure) {
        return from(test, host, secure, MonitorProfile.CITRIX);
    }

    /**
     * @param test the vendor-neutral test
     * @param host the {@code Host} header to send
     * @param secure whether the service speaks HTTPS
     * @param profile supplies {@code retries} (fall) and {@code successretries} (rise)
     * @return the monitor, with what it cannot carry
     * @throws NullPointerException when an argument is null
     */
    public static CitrixMonitor from(HealthTest test, String host, boolean secure, MonitorProfile profile) {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(profile, "profile");
        List<String> lost = new ArrayList<>();
        Duration interval = test.interval();
        Duration timeout = test.timeout();
        if (timeout.compareTo(interval) >= 0) {
            Duration unit = interval.toMillis() % 1000 == 0 && interval.toMillis() > 1000 ? Duration.ofSeconds(1)
                    : Duration.ofMillis(1);
            timeout = interval.minus(unit);
            lost.add("timeout " + Mapping.human(test.timeout()) + " lowered to resptimeout " + Mapping.human(timeout)
                    + ": Citrix requires resptimeout < interval (" + Mapping.human(interval) + ")");
        }
        int retries = clamp("retries", profile.fall(), 127, lost);
        int successRetries = clamp("successretries", profile.rise(), 32, lost);
        if (test.responseMatch().isPresent()) {
            lost.add("status codes " + test.statusCodes() + ": an HTTP-ECV monitor checks the recv string only");
            return new CitrixMonitor(TYPE_HTTP_ECV, secure, Optional.empty(),
                    Optional.of(Mapping.request(test.method(), test.path(), host)), test.responseMatch(), List.of(),
                    interval, timeout, retries, successRetries, lost);
        }
        List<String> codes = List.of(test.statusCodes().toString().split(","));
        return new CitrixMonitor(TYPE_HTTP, secure, Optional.of(test.method() + " " + test.path()), Optional.empty(),
                Optional.empty(), codes, interval, timeout, retries, successRetries, lost);
    }

    private static int clamp(String field, int value, int max, List<String> lost) {
        if (value > max) {
            lost.add(field + " " + value + " lowered to " + max + ", the Citrix maximum");
            return max;
        }
        return value;
    }

    /**
     * @param monitorName the monitor's name, e.g. {@code mon_ps_7001}
     * @return the NITRO {@code lbmonitor} body attributes; durations in seconds ({@code units3}/{@code units4}
     *         {@code SEC}) or, when not whole seconds, milliseconds ({@code MSEC})
     */
    public Map<String, Object> nitroAttributes(String monitorName) {
        Objects.requireNonNull(monitorName, "monitorName");
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("monitorname", monitorName);
        a.put("type", type);
        a.put("secure", secure ? "YES" : "NO");
        httpRequest.ifPresent(r -> a.put("httprequest", r));
        if (!respCodes.isEmpty()) {
            a.put("respcode", respCodes);
        }
        send.ifPresent(s -> a.put("send", s));
        recv.ifPresent(r -> a.put("recv", r));
        boolean ms = interval.toMillis() % 1000 != 0 || responseTimeout.toMillis() % 1000 != 0;
        a.put("interval", ms ? interval.toMillis() : interval.getSeconds());
        a.put("units3", ms ? "MSEC" : "SEC");
        a.put("resptimeout", ms ? responseTimeout.toMillis() : responseTimeout.getSeconds());
        a.put("units4", ms ? "MSEC" : "SEC");
        a.put("retries", retries);
        a.put("successretries", successRetries);
        return a;
    }
}
