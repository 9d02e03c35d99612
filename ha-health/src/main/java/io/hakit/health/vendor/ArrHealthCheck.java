package io.hakit.health.vendor;

import io.hakit.model.HealthTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link HealthTest} as IIS ARR's {@code webFarm/applicationRequestRouting/healthCheck}
 * element: {@code url}, {@code interval}, {@code timeout}, {@code statusCodeMatch},
 * {@code responseMatch} (case-sensitive substring), {@code minServers}. ARR's time spans
 * have one-second steps. Immutable.
 *
 * @param url the absolute URL ARR tests; naming the ARR host makes ARR test every member
 * @param interval time between tests, whole seconds
 * @param timeout the test time-out, whole seconds, at least 1
 * @param statusCodeMatch the acceptable codes, e.g. {@code 200-399}
 * @param responseMatch the case-sensitive text the body must contain, if any
 * @param minServers the farm's minimum healthy servers
 * @param notCarried what the mapping could not carry, one sentence each; empty when exact
 */
public record ArrHealthCheck(String url, Duration interval, Duration timeout, String statusCodeMatch,
        Optional<String> responseMatch, int minServers, List<String> notCarried) {

    /** @throws NullPointerException naming a null argument */
    public ArrHealthCheck {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(statusCodeMatch, "statusCodeMatch");
        Objects.requireNonNull(responseMatch, "responseMatch");
        notCarried = List.copyOf(notCarried);
    }

    /**
     * @param test the vendor-neutral test
     * @param url the absolute URL to test, e.g. {@code https://patientsecure.hospital.org:7001/identityserver}
     * @return the ARR health check, with what it cannot carry
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when {@code url} does not end with the test's path
     */
    public static ArrHealthCheck from(HealthTest test, String url) {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(url, "url");
        if (!url.endsWith(test.path())) {
            throw new IllegalArgumentException("url '" + url + "' does not end with the test's path '" + test.path() + "'");
        }
        List<String> lost = new ArrayList<>();
        if (!"GET".equals(test.method())) {
            lost.add("method " + test.method() + ": ARR's URL test always sends GET");
        }
        Duration interval = Mapping.wholeSeconds("interval", test.interval(), lost, "ARR");
        Duration timeout = Mapping.wholeSeconds("timeout", test.timeout(), lost, "ARR");
        if (!test.statusCodes().isContiguous()) {
            lost.add("status codes " + test.statusCodes() + ": ARR documents ranges with '-' only; "
                    + "a comma list is unverified, check it on the server");
        }
        return new ArrHealthCheck(url, interval, timeout, test.statusCodes().toString(), test.responseMatch(),
                test.minServers(), lost);
    }

    /**
     * @return the element's attributes in schema order, as written to applicationHost.config
     *         (time spans as {@code hh:mm:ss}); {@code responseMatch} only when set
     */
    public Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("url", url);
        a.put("interval", Mapping.timeSpan(interval));
        a.put("timeout", Mapping.timeSpan(timeout));
        a.put("statusCodeMatch", statusCodeMatch);
        responseMatch.ifPresent(m -> a.put("responseMatch", m));
        a.put("minServers", Integer.toString(minServers));
        return a;
    }
}
