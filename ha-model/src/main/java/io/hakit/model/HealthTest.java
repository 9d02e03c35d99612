package io.hakit.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A farm's health test, vendor-neutral: the request a load balancer sends to each member
 * and what it accepts as healthy (GUIDE-RULES HC-001..HC-005). Immutable and thread-safe;
 * build one with {@link #builder()}.
 */
public final class HealthTest {

    /** Probe interval when none is given: 30 seconds (ARR's default). */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    /** Response time-out when none is given: 10 seconds, shorter than the interval (HC-003). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Acceptable status codes when none are given: 200-399. */
    public static final StatusCodes DEFAULT_STATUS_CODES = StatusCodes.range(200, 399);
    /** Minimum healthy servers for the farm to be healthy when none is given: 1 (HC-001). */
    public static final int DEFAULT_MIN_SERVERS = 1;
    /** Request method when none is given. */
    public static final String DEFAULT_METHOD = "GET";

    private final String path;
    private final String method;
    private final StatusCodes statusCodes;
    private final String responseMatch;
    private final Duration interval;
    private final Duration timeout;
    private final int minServers;

    private HealthTest(Builder b) {
        this.path = Objects.requireNonNull(b.path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("health test path '" + path + "' must start with '/'");
        }
        this.method = Objects.requireNonNull(b.method, "method");
        this.statusCodes = Objects.requireNonNull(b.statusCodes, "statusCodes");
        this.responseMatch = b.responseMatch == null || b.responseMatch.isEmpty() ? null : b.responseMatch;
        this.interval = positive("interval", b.interval);
        this.timeout = positive("timeout", b.timeout);
        if (b.minServers < 0) {
            throw new IllegalArgumentException("minServers (" + b.minServers + ") must not be negative");
        }
        this.minServers = b.minServers;
    }

    private static Duration positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " (" + d + ") must be positive");
        }
        return d;
    }

    /** @return a builder with every default set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this test's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * @param change the changes to make
     * @return a copy with the changes applied
     */
    public HealthTest copy(Consumer<Builder> change) {
        Builder b = toBuilder();
        change.accept(b);
        return b.build();
    }

    /** @return the path probed, starting with {@code /}, e.g. {@code /psws/api/public/status} */
    public String path() {
        return path;
    }

    /** @return the request method */
    public String method() {
        return method;
    }

    /** @return the acceptable status codes */
    public StatusCodes statusCodes() {
        return statusCodes;
    }

    /** @return the case-sensitive text the body must contain, if any */
    public Optional<String> responseMatch() {
        return Optional.ofNullable(responseMatch);
    }

    /** @return the time between probes */
    public Duration interval() {
        return interval;
    }

    /** @return how long a probe waits for the response */
    public Duration timeout() {
        return timeout;
    }

    /** @return how many members must be up for the farm to be healthy */
    public int minServers() {
        return minServers;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HealthTest)) {
            return false;
        }
        HealthTest t = (HealthTest) o;
        return path.equals(t.path) && method.equals(t.method) && statusCodes.equals(t.statusCodes)
                && Objects.equals(responseMatch, t.responseMatch) && interval.equals(t.interval)
                && timeout.equals(t.timeout) && minServers == t.minServers;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, method, statusCodes, responseMatch, interval, timeout, minServers);
    }

    @Override
    public String toString() {
        return "HealthTest[" + method + " " + path + " expect " + statusCodes
                + (responseMatch == null ? "" : " containing '" + responseMatch + "'")
                + ", every " + interval + ", timeout " + timeout + ", minServers " + minServers + "]";
    }

    /** Builds a {@link HealthTest}. Not thread-safe. */
    public static final class Builder {
        private String path = "/";
        private String method = DEFAULT_METHOD;
        private StatusCodes statusCodes = DEFAULT_STATUS_CODES;
        private String responseMatch;
        private Duration interval = DEFAULT_INTERVAL;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int minServers = DEFAULT_MIN_SERVERS;

        private Builder() {
        }

        private Builder(HealthTest t) {
            path = t.path;
            method = t.method;
            statusCodes = t.statusCodes;
            responseMatch = t.responseMatch;
            interval = t.interval;
            timeout = t.timeout;
            minServers = t.minServers;
        }

        /**
         * @param path the path probed; defaults to {@code /}
         * @return this builder
         */
        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * @param method the request method; defaults to {@value HealthTest#DEFAULT_METHOD}
         * @return this builder
         */
        public Builder method(String method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * @param statusCodes acceptable codes; defaults to {@link HealthTest#DEFAULT_STATUS_CODES}
         * @return this builder
         */
        public Builder statusCodes(StatusCodes statusCodes) {
            this.statusCodes = Objects.requireNonNull(statusCodes, "statusCodes");
            return this;
        }

        /**
         * @param responseMatch case-sensitive text the body must contain; {@code null} or empty for none (the default)
         * @return this builder
         */
        public Builder responseMatch(String responseMatch) {
            this.responseMatch = responseMatch;
            return this;
        }

        /**
         * @param interval time between probes; defaults to {@link HealthTest#DEFAULT_INTERVAL}
         * @return this builder
         */
        public Builder interval(Duration interval) {
            this.interval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * @param timeout response time-out; defaults to {@link HealthTest#DEFAULT_TIMEOUT}
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * @param minServers members that must be up; defaults to {@value HealthTest#DEFAULT_MIN_SERVERS}
         * @return this builder
         */
        public Builder minServers(int minServers) {
            this.minServers = minServers;
            return this;
        }

        /**
         * @return the test
         * @throws IllegalArgumentException naming the field when a value is out of range
         */
        public HealthTest build() {
            return new HealthTest(this);
        }
    }
}
