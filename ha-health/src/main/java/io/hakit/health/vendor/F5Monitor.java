package io.hakit.health.vendor;

import io.hakit.model.HealthTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link HealthTest} as an F5 BIG-IP LTM {@code https} (or {@code http}) monitor:
 * {@code send} is the raw request, {@code recv} a regular expression the response must
 * match, {@code interval} whole seconds and {@code timeout} = 3 × interval + 1, F5's
 * recommended window for a good response. F5 has no separate status-code list: without a
 * response match the status codes become the {@code recv} expression; with one, only the
 * match is carried. Immutable.
 *
 * @param defaultsFrom the parent monitor, {@code /Common/https} or {@code /Common/http}
 * @param send the raw request
 * @param recv the regular expression the response must match
 * @param interval the probe interval, whole seconds
 * @param timeout 3 × interval + 1
 * @param notCarried what the mapping could not carry, one sentence each; empty when exact
 */
public record F5Monitor(String defaultsFrom, String send, String recv, Duration interval, Duration timeout,
        List<String> notCarried) {

    /** @throws NullPointerException naming a null argument */
    public F5Monitor {
        Objects.requireNonNull(defaultsFrom, "defaultsFrom");
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(recv, "recv");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        notCarried = List.copyOf(notCarried);
    }

    /**
     * @param test the vendor-neutral test
     * @param host the {@code Host} header to send
     * @param secure whether the service speaks HTTPS ({@code /Common/https})
     * @return the monitor, with what it cannot carry
     * @throws NullPointerException when an argument is null
     */
    public static F5Monitor from(HealthTest test, String host, boolean secure) {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(host, "host");
        List<String> lost = new ArrayList<>();
        Duration interval = Mapping.wholeSeconds("interval", test.interval(), lost, "F5");
        Duration timeout = interval.multipliedBy(3).plusSeconds(1);
        if (!timeout.equals(test.timeout())) {
            lost.add("timeout " + Mapping.human(test.timeout()) + " is not carried: F5's timeout is the window for any "
                    + "good response, set to 3 × interval + 1 = " + Mapping.human(timeout));
        }
        String recv;
        if (test.responseMatch().isPresent()) {
            recv = Mapping.literalRegex(test.responseMatch().get());
            lost.add("status codes " + test.statusCodes() + ": F5 passes on the recv match alone");
        } else {
            recv = Mapping.statusLineRegex(test.statusCodes());
        }
        return new F5Monitor(secure ? "/Common/https" : "/Common/http", Mapping.request(test.method(), test.path(), host),
                recv, interval, timeout, lost);
    }

    /**
     * @param name the monitor's name, e.g. {@code mon_ps_7001}
     * @return the iControl REST {@code ltm/monitor/https} body attributes (durations in seconds)
     */
    public Map<String, Object> attributes(String name) {
        Objects.requireNonNull(name, "name");
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", name);
        a.put("defaultsFrom", defaultsFrom);
        a.put("send", send);
        a.put("recv", recv);
        a.put("interval", interval.getSeconds());
        a.put("timeout", timeout.getSeconds());
        return a;
    }
}
