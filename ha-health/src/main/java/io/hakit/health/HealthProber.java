package io.hakit.health;

import io.hakit.model.tls.TlsSettings;
import io.hakit.health.internal.ProbeClient;
import io.hakit.model.HealthTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs health tests against members over HTTP(S), the way a load balancer does: the
 * test's method and path, its acceptable status codes, and its response match (a
 * case-sensitive substring of the body, as ARR does). One prober is meant to be shared and
 * long-lived: it keeps connections alive between probes and runs thousands of probes
 * concurrently on {@link #DEFAULT_IO_THREADS} I/O threads.
 *
 * <p>Time-outs are reported separately: {@link ProbeOutcome#CONNECT_TIMEOUT} when the TCP
 * connection or TLS handshake does not complete within {@link Builder#connectTimeout(Duration)},
 * {@link ProbeOutcome#RESPONSE_TIMEOUT} when the response does not arrive within the
 * test's {@link HealthTest#timeout()}.
 *
 * <p>A failed probe is a {@link ProbeResult}, never an exception: the futures this class
 * returns never complete exceptionally. Thread-safe. Close it to release its threads.
 *
 * <pre>{@code
 * try (HealthProber prober = HealthProber.builder().tls(t -> t.trust(ca)).build()) {
 *     ProbeResult r = prober.probeNow(ProbeTarget.https("app1.hospital.org", 7001), test);
 * }
 * }</pre>
 */
public final class HealthProber implements AutoCloseable {

    /** TCP connect + TLS handshake time-out when none is given: 5 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Pooled connections in total when none is given: 2048. */
    public static final int DEFAULT_MAX_CONNECTIONS = 2048;
    /** Pooled connections per target when none is given: 2. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_TARGET = 2;
    /** I/O threads when none is given: 2. */
    public static final int DEFAULT_IO_THREADS = 2;
    /** Bytes of a body searched for the response match when none is given: 64 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    /** The User-Agent header when none is given. */
    public static final String DEFAULT_USER_AGENT = "hakit-health";

    private final ProbeClient client;
    private final TlsSettings tls;
    private final Duration connectTimeout;
    private final List<ConnectTo> connectTo;

    private HealthProber(Builder b) {
        this.tls = b.tls;
        this.connectTimeout = b.connectTimeout;
        this.connectTo = List.copyOf(b.connectTo);
        this.client = new ProbeClient(b.tls.sslContext(), b.resolver, connectTo, b.connectTimeout, b.maxConnections,
                b.maxConnectionsPerTarget, b.ioThreads, b.maxBodyBytes, b.userAgent);
    }

    /** @return a builder with every default set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a prober with every default: platform trust, system DNS */
    public static HealthProber create() {
        return builder().build();
    }

    /**
     * Starts a probe.
     *
     * @param target where to probe
     * @param test what to request and accept
     * @return the result when known; never completes exceptionally
     * @throws NullPointerException when an argument is null
     */
    public CompletableFuture<ProbeResult> probe(ProbeTarget target, HealthTest test) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(test, "test");
        return client.probe(target, test);
    }

    /**
     * Probes and waits for the result.
     *
     * @param target where to probe
     * @param test what to request and accept
     * @return the result
     * @throws NullPointerException when an argument is null
     */
    public ProbeResult probeNow(ProbeTarget target, HealthTest test) {
        return probe(target, test).join();
    }

    /** @return the TLS settings in force */
    public TlsSettings tls() {
        return tls;
    }

    /** @return the connect-to mappings in force, in the order they are tried; empty by default */
    public List<ConnectTo> connectTo() {
        return connectTo;
    }

    /** @return the connect time-out in force */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Closes the connections and stops the I/O threads; pending probes complete as {@link ProbeOutcome#CANCELLED}. */
    @Override
    public void close() {
        client.close();
    }

    /** Builds a {@link HealthProber}. Not thread-safe. */
    public static final class Builder {
        private TlsSettings tls = TlsSettings.defaults();
        private HostResolver resolver = HostResolver.system();
        private final List<ConnectTo> connectTo = new ArrayList<>();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int maxConnectionsPerTarget = DEFAULT_MAX_CONNECTIONS_PER_TARGET;
        private int ioThreads = DEFAULT_IO_THREADS;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private String userAgent = DEFAULT_USER_AGENT;

        private Builder() {
        }

        /**
         * @param tls trust and client certificate; defaults to {@link TlsSettings#defaults()} (platform trust)
         * @return this builder
         */
        public Builder tls(TlsSettings tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /**
         * @param change how to build the TLS settings
         * @return this builder
         */
        public Builder tls(Consumer<TlsSettings.Builder> change) {
            Objects.requireNonNull(change, "change");
            TlsSettings.Builder b = TlsSettings.builder();
            change.accept(b);
            return tls(b.build());
        }

        /**
         * @param resolver maps host names to addresses; defaults to {@link HostResolver#system()}
         * @return this builder
         */
        public Builder resolver(HostResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * Adds connect-to mappings, like curl's {@code --connect-to}: a probe of a mapped host and
         * port connects to the mapping's address and port instead, while TLS SNI, certificate host
         * name verification and the {@code Host} header keep the probed name and port. The first
         * mapping that matches wins; an unmapped host and port goes through the
         * {@link #resolver(HostResolver) resolver}. None by default.
         *
         * @param mappings the mappings to add
         * @return this builder
         * @throws NullPointerException when a mapping is null
         */
        public Builder connectTo(List<ConnectTo> mappings) {
            Objects.requireNonNull(mappings, "mappings");
            mappings.forEach(m -> connectTo.add(Objects.requireNonNull(m, "mapping")));
            return this;
        }

        /**
         * @param mappings the mappings to add; see {@link #connectTo(List)}
         * @return this builder
         */
        public Builder connectTo(ConnectTo... mappings) {
            return connectTo(List.of(mappings));
        }

        /**
         * @param connectTimeout TCP connect + TLS handshake time-out; defaults to {@link HealthProber#DEFAULT_CONNECT_TIMEOUT}
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder connectTimeout(Duration connectTimeout) {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            if (connectTimeout.isZero() || connectTimeout.isNegative()) {
                throw new IllegalArgumentException("connectTimeout (" + connectTimeout + ") must be positive");
            }
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * @param maxConnections pooled connections in total; defaults to {@value HealthProber#DEFAULT_MAX_CONNECTIONS}
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = atLeastOne("maxConnections", maxConnections);
            return this;
        }

        /**
         * @param maxConnectionsPerTarget pooled connections per target; defaults to
         *        {@value HealthProber#DEFAULT_MAX_CONNECTIONS_PER_TARGET}
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxConnectionsPerTarget(int maxConnectionsPerTarget) {
            this.maxConnectionsPerTarget = atLeastOne("maxConnectionsPerTarget", maxConnectionsPerTarget);
            return this;
        }

        /**
         * @param ioThreads I/O threads; defaults to {@value HealthProber#DEFAULT_IO_THREADS}
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder ioThreads(int ioThreads) {
            this.ioThreads = atLeastOne("ioThreads", ioThreads);
            return this;
        }

        /**
         * @param maxBodyBytes bytes of a body searched for the response match; defaults to
         *        {@value HealthProber#DEFAULT_MAX_BODY_BYTES}
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = atLeastOne("maxBodyBytes", maxBodyBytes);
            return this;
        }

        /**
         * @param userAgent the User-Agent header; defaults to {@value HealthProber#DEFAULT_USER_AGENT}
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        private static int atLeastOne(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " (" + value + ") must be at least 1");
            }
            return value;
        }

        /**
         * Builds and starts the prober.
         *
         * @return the prober; close it when done
         * @throws IllegalArgumentException when the TLS material cannot be used
         */
        public HealthProber build() {
            return new HealthProber(this);
        }
    }
}
