package io.hakit.iis;

import java.time.Duration;
import java.util.Objects;

/**
 * A farm's {@code applicationRequestRouting/healthCheck} element (ARR's URL test). Defaults are the
 * schema's: an empty {@code url} (the URL test is off), {@code interval} and {@code timeout} 30 s,
 * {@code retries} 3, {@code statusCodeMatch} {@code 200-399}, no {@code responseMatch},
 * {@code minServers} 0. Immutable.
 *
 * @param url the URL tested; empty when the URL test is off
 * @param interval time between tests, 0..86400 s
 * @param timeout the test's time-out, 1..86400 s
 * @param retries retries before a server is marked unhealthy, 0..20
 * @param statusCodeMatch acceptable status codes, e.g. {@code 200-399}
 * @param responseMatch the case-sensitive text the body must contain; empty for none
 * @param minServers the farm's minimum healthy servers (the UI's "Minimum servers")
 */
public record HealthCheck(String url, Duration interval, Duration timeout, int retries, String statusCodeMatch,
        String responseMatch, long minServers) {

    /** Schema default of {@code interval} and {@code timeout}: 30 seconds. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    /** Schema default of {@code timeout}: 30 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Schema default of {@code retries}. */
    public static final int DEFAULT_RETRIES = 3;
    /** Schema default of {@code statusCodeMatch}. */
    public static final String DEFAULT_STATUS_CODE_MATCH = "200-399";
    /** The schema's defaults: no URL test. */
    public static final HealthCheck DEFAULT = builder().build();

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException naming a value out of the schema's range
     */
    public HealthCheck {
        Objects.requireNonNull(url, "url");
        Checks.seconds("healthCheck interval", interval, 0, 86_400);
        Checks.seconds("healthCheck timeout", timeout, 1, 86_400);
        Checks.range("retries", retries, 0, 20);
        Objects.requireNonNull(statusCodeMatch, "statusCodeMatch");
        Objects.requireNonNull(responseMatch, "responseMatch");
        Checks.range("minServers", minServers, 0, 4_294_967_295L);
    }

    /** @return whether the URL test is on (a URL is set) */
    public boolean enabled() {
        return !url.isEmpty();
    }

    /** @return a builder with the schema defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this element's values */
    public Builder toBuilder() {
        return new Builder().url(url).interval(interval).timeout(timeout).retries(retries)
                .statusCodeMatch(statusCodeMatch).responseMatch(responseMatch).minServers(minServers);
    }

    /** Builds a {@link HealthCheck}; not thread-safe. */
    public static final class Builder {
        private String url = "";
        private Duration interval = DEFAULT_INTERVAL;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int retries = DEFAULT_RETRIES;
        private String statusCodeMatch = DEFAULT_STATUS_CODE_MATCH;
        private String responseMatch = "";
        private long minServers;

        private Builder() {
        }

        /**
         * @param url the URL tested; default empty (no URL test)
         * @return this builder
         */
        public Builder url(String url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * @param interval time between tests; default 30 s
         * @return this builder
         */
        public Builder interval(Duration interval) {
            this.interval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * @param timeout the test's time-out; default 30 s
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * @param retries retries; default {@value HealthCheck#DEFAULT_RETRIES}
         * @return this builder
         */
        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        /**
         * @param statusCodeMatch acceptable codes; default {@value HealthCheck#DEFAULT_STATUS_CODE_MATCH}
         * @return this builder
         */
        public Builder statusCodeMatch(String statusCodeMatch) {
            this.statusCodeMatch = Objects.requireNonNull(statusCodeMatch, "statusCodeMatch");
            return this;
        }

        /**
         * @param responseMatch the text the body must contain; default empty (none)
         * @return this builder
         */
        public Builder responseMatch(String responseMatch) {
            this.responseMatch = Objects.requireNonNull(responseMatch, "responseMatch");
            return this;
        }

        /**
         * @param minServers minimum healthy servers; default 0
         * @return this builder
         */
        public Builder minServers(long minServers) {
            this.minServers = minServers;
            return this;
        }

        /**
         * @return the element
         * @throws IllegalArgumentException naming a value out of range
         */
        public HealthCheck build() {
            return new HealthCheck(url, interval, timeout, retries, statusCodeMatch, responseMatch, minServers);
        }
    }
}
