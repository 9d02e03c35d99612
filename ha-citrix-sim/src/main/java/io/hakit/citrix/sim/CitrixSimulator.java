package io.hakit.citrix.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.citrix.sim.internal.CitrixFaultPlan;
import io.hakit.citrix.sim.internal.NitroHandler;
import io.hakit.citrix.sim.internal.NitroStore;
import io.hakit.model.TransportException;
import io.hakit.model.Vendor;
import io.hakit.sim.DeviceSimulator;
import io.hakit.sim.LoopbackServer;
import io.hakit.sim.RecordedRequest;
import io.hakit.sim.ServerIdentity;
import io.hakit.sim.SimulatorException;
import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stateful Citrix ADC that speaks NITRO on loopback, for tests: the real paths
 * ({@code /nitro/v1/config/<resource>[/<name>]}), payload shapes and error bodies
 * ({@code {"errorcode":N,"message":"...","severity":"ERROR"}} with NITRO's HTTP statuses).
 *
 * <p>It refuses what a device refuses: unknown or read-only attributes (278), duplicates (273,
 * 1335), missing objects (258, 344, 461, 1540), bindings to missing objects, deletes of objects
 * still referred to (1070, 1541), writes on a secondary node (1028), expired sessions (401, 444).
 * It takes sessions from {@code POST /nitro/v1/config/login} ({@code NITRO_AUTH_TOKEN} cookie) or
 * per-request {@code X-NITRO-USER}/{@code X-NITRO-PASS} headers; homogeneous bulk arrays and
 * {@code macroapi} with {@code X-NITRO-ONERROR} exit, continue and rollback (207 multi-status
 * bodies); {@code ?bulkbindings=yes}, {@code ?filter=}, {@code ?args=}, {@code ?attrs=},
 * {@code ?count=yes}; {@code systemfile} uploads; {@code nsconfig?action=save}; {@code hanode}.
 * On read it shows device defaults and most numbers as strings, as a real ADC does.
 *
 * <p>Thread-safe: all configuration state sits behind one lock. Start one with
 * {@code CitrixSimulator.builder().start()} and close it when done. In a JUnit test:
 *
 * <pre>{@code
 * try (CitrixSimulator adc = CitrixSimulator.builder().credentials("nsroot", "secret").start()) {
 *     adc.add("server", Map.of("name", "app1", "ipaddress", "10.0.0.11"));   // state the test starts from
 *     JsonNode before = adc.snapshot();
 *     adc.faults().failWrite(3);                                            // the 3rd write answers 599 / 257
 *     myAutomation.apply(adc.url(), "nsroot", "secret");                   // the code under test
 *     assertThat(adc.snapshot()).isEqualTo(before);                        // it rolled everything back
 *     assertThat(adc.writeCount()).isLessThanOrEqualTo(10);
 * }
 * }</pre>
 */
public final class CitrixSimulator implements DeviceSimulator {
    /** Default user name and password: {@code admin} / {@code admin}. */
    public static final String DEFAULT_USER = "admin";
    /** Default session time-out when the login asks for none: 30 minutes, NITRO's default. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(30);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Object lock = new Object();
    private final NitroStore store = new NitroStore();
    private final CitrixFaultPlan plan = new CitrixFaultPlan();
    private final CitrixFaults faults = new CitrixFaults(plan);
    private final NitroHandler handler;
    private final LoopbackServer server;

    private CitrixSimulator(Builder b) {
        handler = new NitroHandler(lock, store, b.sessionTimeout, b.clock, plan, b.user, b.password, b.secondary);
        server = LoopbackServer.builder().name("citrix-sim").port(b.port).tls(b.identity).threads(8).handler(handler)
                .start();
    }

    /**
     * Sets a service-group member's current connections, as NITRO's {@code stat/servicegroupmember} reports them
     * ({@code cursrvrconnections}); a graceful disable keeps them until the test lowers them.
     *
     * @param group the service group
     * @param server the member's server name
     * @param port the member's port
     * @param count its current connections
     */
    public void connections(String group, String server, int port, long count) {
        handler.connections(group, server, port, count);
    }

    /** @return a builder with every default: admin/admin, an ephemeral port, plain HTTP, primary */
    public static Builder builder() {
        return new Builder();
    }

    /** @return {@link Vendor#CITRIX} */
    @Override
    public Vendor vendor() {
        return Vendor.CITRIX;
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:41234} (no trailing slash) */
    @Override
    public URI url() {
        return server.url();
    }

    /**
     * @return a deep copy of all configuration state (objects, bindings, uploaded files) in a
     *         deterministic order, as stored (device defaults included); two snapshots are
     *         {@code equals} exactly when the configurations are equal. Sessions, counters and the HA
     *         role are not part of it.
     */
    @Override
    public JsonNode snapshot() {
        synchronized (lock) {
            return store.snapshot();
        }
    }

    /** @param secondary whether the node is the HA secondary from now on (writes answer 1028) */
    public void secondary(boolean secondary) {
        handler.secondary(secondary);
    }

    /** Every current session becomes invalid: its next request answers 401 with errorcode 444. */
    public void expireSessions() {
        handler.expireSessions();
    }

    /** @return the fault injection of this simulator */
    public CitrixFaults faults() {
        return faults;
    }

    /** @return every request since start or {@link #clearRequests()}, in order, secrets redacted */
    @Override
    public List<RecordedRequest> requests() {
        return handler.requests();
    }

    /** Forgets the recorded requests. */
    @Override
    public void clearRequests() {
        handler.clearRequests();
    }

    /**
     * @return the writes received since start: authenticated {@code POST}/{@code PUT}/{@code DELETE}
     *         requests other than login, logout and save, whether they succeeded or not; a bulk or
     *         {@code macroapi} request counts as one
     */
    @Override
    public int writeCount() {
        return (int) plan.writes();
    }

    /**
     * Adds an object (or binds, for a binding type), validated exactly as {@code POST
     * /nitro/v1/config/<resource>}. Not recorded, not counted, not subject to faults or the HA role.
     *
     * @param resource the resource type, e.g. {@code server}
     * @param attributes NITRO attributes, e.g. {@code Map.of("name", "app1", "ipaddress", "10.0.0.1")}
     * @throws SimulatorException when the ADC would refuse it
     */
    public void add(String resource, Map<String, Object> attributes) {
        ObjectNode item = item(resource, attributes);
        synchronized (lock) {
            store.add(resource, item, false);
        }
    }

    /**
     * Updates an object, validated exactly as {@code PUT /nitro/v1/config/<resource>}.
     *
     * @param resource the resource type
     * @param attributes NITRO attributes including the key
     * @throws SimulatorException when the ADC would refuse it
     */
    public void update(String resource, Map<String, Object> attributes) {
        ObjectNode item = item(resource, attributes);
        synchronized (lock) {
            store.update(resource, item, null);
        }
    }

    /**
     * Deletes an object, as {@code DELETE /nitro/v1/config/<resource>/<name>} (a monitor's type is
     * supplied from the stored monitor).
     *
     * @param resource the resource type
     * @param name the object's key
     * @throws SimulatorException when the ADC would refuse it
     */
    public void delete(String resource, String name) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(name, "name");
        synchronized (lock) {
            Map<String, String> args = Map.of();
            if (resource.equalsIgnoreCase("lbmonitor")) {
                JsonNode all = store.snapshot().path("lbmonitor");
                for (JsonNode m : all) {
                    if (name.equals(m.path("monitorname").asText())) {
                        args = Map.of("type", m.path("type").asText());
                    }
                }
            }
            store.delete(resource.toLowerCase(java.util.Locale.ROOT), name, args);
        }
    }

    /**
     * Binds, validated exactly as {@code POST /nitro/v1/config/<bindingResource>}.
     *
     * @param bindingResource e.g. {@code lbvserver_servicegroup_binding}
     * @param attributes the binding's attributes, parent key included
     * @throws SimulatorException when the ADC would refuse it
     */
    public void bind(String bindingResource, Map<String, Object> attributes) {
        ObjectNode item = item(bindingResource, attributes);
        synchronized (lock) {
            NitroStore.def(bindingResource);
            if (!isBinding(bindingResource)) {
                throw new IllegalArgumentException("bindingResource: " + bindingResource + " is not a binding");
            }
            store.add(bindingResource, item, false);
        }
    }

    /**
     * Unbinds, as {@code DELETE /nitro/v1/config/<bindingResource>/<parent>?args=...}: the parent's
     * key names the parent, every other attribute is an {@code args} pair.
     *
     * @param bindingResource e.g. {@code servicegroup_lbmonitor_binding}
     * @param attributes the parent key and the child's identity
     * @throws SimulatorException when the ADC would refuse it
     */
    public void unbind(String bindingResource, Map<String, Object> attributes) {
        ObjectNode item = item(bindingResource, attributes);
        synchronized (lock) {
            if (!isBinding(bindingResource)) {
                throw new IllegalArgumentException("bindingResource: " + bindingResource + " is not a binding");
            }
            String parentKey = NitroStore.parentKey(bindingResource);
            String parent = item.path(parentKey).asText("");
            Map<String, String> args = new java.util.LinkedHashMap<>();
            item.properties().forEach(e -> {
                if (!e.getKey().equals(parentKey)) {
                    args.put(e.getKey(), e.getValue().asText());
                }
            });
            store.unbind(bindingResource.toLowerCase(java.util.Locale.ROOT), parent, args);
        }
    }

    private static boolean isBinding(String resource) {
        return NitroStore.parentKey(resource) != null;
    }

    private static ObjectNode item(String resource, Map<String, Object> attributes) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(attributes, "attributes");
        return JSON.valueToTree(attributes);
    }

    /** Stops the server; in-flight requests are cut off. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "CitrixSimulator[" + server.url() + "]";
    }

    /** Settings of a {@link CitrixSimulator}; not thread-safe. */
    public static final class Builder {
        private String user = DEFAULT_USER;
        private String password = DEFAULT_USER;
        private int port;
        private ServerIdentity identity;
        private Clock clock = Clock.systemUTC();
        private Duration sessionTimeout = DEFAULT_SESSION_TIMEOUT;
        private boolean secondary;

        private Builder() {
        }

        /**
         * @param user the one user's name; default {@code admin}
         * @param password its password; default {@code admin}
         * @return this
         */
        public Builder credentials(String user, String password) {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (user.isEmpty()) {
                throw new IllegalArgumentException("user must not be empty");
            }
            this.user = user;
            this.password = password;
            return this;
        }

        /**
         * @param port the port on 127.0.0.1; default 0 (an ephemeral port, see {@link CitrixSimulator#url()})
         * @return this
         */
        public Builder port(int port) {
            this.port = LoopbackServer.checkPort(port);
            return this;
        }

        /**
         * Serves HTTPS with this certificate; default plain HTTP.
         *
         * @param chain the server certificate first, then its chain
         * @param key the server certificate's private key
         * @return this
         */
        public Builder tls(X509Certificate[] chain, PrivateKey key) {
            this.identity = new ServerIdentity(chain, key);
            return this;
        }

        /**
         * @param sessionTimeout how long a session may stay idle; a login's own {@code timeout} may
         *        lower it, not raise it; default {@link #DEFAULT_SESSION_TIMEOUT}
         * @return this
         */
        public Builder sessionTimeout(Duration sessionTimeout) {
            Objects.requireNonNull(sessionTimeout, "sessionTimeout");
            if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
                throw new IllegalArgumentException("sessionTimeout must be positive, was " + sessionTimeout);
            }
            this.sessionTimeout = sessionTimeout;
            return this;
        }

        /**
         * @param clock the clock sessions expire by (default the system clock); a test can pass a
         *        {@link io.hakit.sim.SettableClock} it moves
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param secondary whether the node starts as the HA secondary; default false (primary)
         * @return this
         */
        public Builder secondary(boolean secondary) {
            this.secondary = secondary;
            return this;
        }

        /**
         * @return a running simulator on 127.0.0.1
         * @throws TransportException when the port cannot be bound
         */
        public CitrixSimulator start() {
            return new CitrixSimulator(this);
        }
    }
}
