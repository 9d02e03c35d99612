package io.hakit.f5.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.f5.sim.internal.Device;
import io.hakit.f5.sim.internal.SimulatedF5Error;
import io.hakit.f5.sim.internal.F5FaultPlan;
import io.hakit.f5.sim.internal.HttpFront;
import io.hakit.f5.sim.internal.F5SimJson;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stateful BIG-IP iControl REST simulator on loopback, for tests of code that configures a
 * BIG-IP. It speaks the device's real paths, payloads and error bodies (TMOS
 * {@code {"code","message","errorStack","apiError"}} and restjavad {@code ":resterrorresponse"}
 * shapes) and refuses what a BIG-IP refuses:
 * <ul>
 * <li>token login ({@code /mgmt/shared/authn/login}), {@code X-F5-Auth-Token}, token extension up to
 * 36,000 s, token delete, expiry, a per-user cap of live tokens, and Basic authentication;</li>
 * <li>ltm node, pool (members inline and as a sub-collection), virtual, monitor https/http/tcp, profile
 * tcp / client-ssl / server-ssl, persistence source-addr, sys file ssl-cert / ssl-key (upload
 * through {@code /mgmt/shared/file-transfer/uploads/} then install), gtm datacenter / server /
 * pool a / wideip a and cm device-group, with device defaults, {@code generation},
 * {@code selfLink}, sub-collection references and {@code expandSubcollections};</li>
 * <li>referential integrity both ways, 409 on duplicates, 404 on missing objects, 400 on unknown
 * attributes;</li>
 * <li>transactions ({@code X-F5-REST-Coordination-Id}) that commit atomically in queue order and
 * roll back wholly, with the BIG-IP's limits inside a transaction;</li>
 * <li>config save, config-sync to a device group and its sync status;</li>
 * <li>fault injection through {@link #faults()}.</li>
 * </ul>
 * The token cap applies to every user, {@code admin} included, unless
 * {@link Builder#exemptAdminFromTokenCap()} is set: the vendor notes say older releases exempt
 * {@code admin}, while users of current releases report hitting the cap (Terraform provider
 * issues #401, #1049), and a simulator stricter than the device is the one that catches leaked tokens.
 *
 * <p>The first simulator started in a JVM sets the system property {@code sun.net.httpserver.nodelay}
 * to {@code true} unless it is already set, so answers are not held back by Nagle's algorithm.
 *
 * <p>Thread-safe: one lock serialises every request and every method. Start one per test with
 * {@link #builder()}; {@link #close()} stops it.
 */
public final class F5Simulator implements DeviceSimulator {
    /** Default user name and password. */
    public static final String DEFAULT_USER = "admin";
    /** Default token lifetime: 1,200 s, as on a BIG-IP. */
    public static final Duration DEFAULT_TOKEN_TIMEOUT = Duration.ofSeconds(1200);
    /** Default live tokens per user: 100, as on a BIG-IP. */
    public static final int DEFAULT_TOKEN_CAP = 100;
    /** Default transaction lifetime: 120 s. */
    public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofSeconds(120);

    private final Device device;
    private final F5FaultPlan plan;
    private final F5Faults faults;
    private final HttpFront front;
    private final LoopbackServer server;

    private F5Simulator(Builder b) {
        this.plan = new F5FaultPlan();
        this.faults = new F5Faults(plan);
        this.device = new Device(new Device.Settings(Map.copyOf(b.users), b.tokenTimeout, b.tokenCap, b.adminExempt,
                b.deviceGroup, b.clock, b.transactionTimeout, b.syncDelay), plan);
        this.front = new HttpFront(device, plan);
        this.server = LoopbackServer.builder().name("f5-simulator").port(b.port).backlog(64).threads(16).tls(b.identity)
                .handler(front).start();
    }

    /** @return a builder with the defaults: admin/admin, a free port, plain HTTP */
    public static Builder builder() {
        return new Builder();
    }

    /** @return {@link Vendor#F5} */
    @Override
    public Vendor vendor() {
        return Vendor.F5;
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:41234} */
    @Override
    public URI url() {
        return server.url();
    }

    /**
     * @return a deep copy of all configuration (every object of every type, system-supplied ones
     *     included), keys sorted, so two snapshots are equal exactly when the configurations are;
     *     tokens, transactions, uploads, counters and generation numbers are not part of it
     */
    @Override
    public JsonNode snapshot() {
        return device.snapshot();
    }

    /** Makes every live token expire now: its next use answers 401 "X-F5-Auth-Token has expired." */
    public void expireTokens() {
        device.expireTokens();
    }

    /**
     * @param user a user name
     * @return how many unexpired tokens that user holds
     */
    public int activeTokens(String user) {
        return device.activeTokens(Objects.requireNonNull(user, "user"));
    }

    /** @return the fault injector */
    public F5Faults faults() {
        return faults;
    }

    /** @return every request received since start or {@link #clearRequests()}, oldest first */
    @Override
    public List<RecordedRequest> requests() {
        return front.recorded();
    }

    /** Forgets the recorded requests. */
    @Override
    public void clearRequests() {
        front.clear();
    }

    /**
     * @return authenticated POST/PUT/PATCH/DELETE requests under {@code /mgmt/tm} that reached the
     *     device, whatever they answered: object writes, commands queued in a transaction, transaction
     *     creation and commit, config save and config-sync; not logins, token requests, uploads or
     *     requests answered by an injected fault
     */
    @Override
    public int writeCount() {
        return device.writeCount();
    }

    /** @return transactions committed successfully (validate-only commits excluded) */
    public int transactionsCommitted() {
        return device.transactionsCommitted();
    }

    /**
     * @return whether the running configuration differs from the last one saved (true when none was saved since
     *     start): what an ADC reports as {@code configchanged}
     */
    public boolean unsavedChanges() {
        JsonNode saved = device.savedSnapshot();
        return saved == null || !saved.equals(device.snapshot());
    }

    /**
     * @return the transactions left on the device with commands that did not take effect (open, validating or
     *     failed; expired, committed and empty ones are not counted): what a careful client deletes
     */
    public int pendingTransactions() {
        return device.pendingTransactionCount();
    }

    /** @return how many times {@code POST /mgmt/tm/sys/config {"command":"save"}} succeeded */
    public int configSaves() {
        return device.saves();
    }

    /**
     * @return the sync status: "Standalone" without a device group; otherwise "In Sync",
     *     "Changes Pending" after a configuration change, "Syncing" during a config-sync's delay
     */
    public String syncStatus() {
        return device.syncStatus();
    }

    /**
     * Creates an object as {@code POST collectionPath} would, with the same validation, but
     * without authentication, faults or request counting. Use it to build the state a test starts from.
     *
     * @param collectionPath e.g. {@code /mgmt/tm/ltm/pool}, or a sub-collection such as
     *     {@code /mgmt/tm/ltm/pool/~Common~web/members}
     * @param body the attributes, as the JSON body would have them
     * @throws SimulatorException with the status and BIG-IP message when the device would refuse
     */
    public void create(String collectionPath, Map<String, Object> body) {
        run("POST", collectionPath, Objects.requireNonNull(body, "body"));
    }

    /**
     * Changes an object as {@code PATCH itemPath} would (attributes given replace those stored).
     *
     * @param itemPath e.g. {@code /mgmt/tm/ltm/pool/~Common~web}
     * @param patch the attributes to change
     * @throws SimulatorException with the status and BIG-IP message when the device would refuse
     */
    public void modify(String itemPath, Map<String, Object> patch) {
        run("PATCH", itemPath, Objects.requireNonNull(patch, "patch"));
    }

    /**
     * Sets a pool member's current server-side connections, as its statistics
     * ({@code GET .../members/~Common~<member>/stats}, {@code serverside.curConns}) report them. A member disabled
     * ({@code session: user-disabled}) keeps them until the test lowers them; one forced offline reports none.
     *
     * @param pool the pool's full path, e.g. {@code /Common/ps-web-services-7002}
     * @param member the member's full path, e.g. {@code /Common/app1.hospital.org:7002}
     * @param count the connections
     */
    public void connections(String pool, String member, long count) {
        device.connections(pool, member, count);
    }

    /**
     * Deletes an object as {@code DELETE itemPath} would.
     *
     * @param itemPath e.g. {@code /mgmt/tm/ltm/pool/~Common~web}
     * @throws SimulatorException with the status and BIG-IP message when the device would refuse
     */
    public void delete(String itemPath) {
        run("DELETE", itemPath, null);
    }

    private void run(String method, String path, Map<String, Object> body) {
        Objects.requireNonNull(path, "path");
        String decoded = io.hakit.f5.sim.internal.Names.decodePath(path);
        try {
            device.direct(method, decoded, body == null ? null : F5SimJson.MAPPER.valueToTree(new LinkedHashMap<>(body)));
        } catch (SimulatedF5Error e) {
            throw new SimulatorException(e.status(), e.vendorCode(), e.getMessage(), decoded, method + " " + decoded);
        }
    }

    /** Stops the server at once; open connections are closed. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "F5Simulator[" + server.url() + "]";
    }

    /**
     * Settings of a simulator. Not thread-safe; {@link #start()} may be called more than once.
     */
    public static final class Builder {
        private final Map<String, String> users = new LinkedHashMap<>();
        private String mainUser = DEFAULT_USER;
        private int port;
        private ServerIdentity identity;
        private Duration tokenTimeout = DEFAULT_TOKEN_TIMEOUT;
        private int tokenCap = DEFAULT_TOKEN_CAP;
        private boolean adminExempt;
        private String deviceGroup;
        private Clock clock = Clock.systemUTC();
        private Duration transactionTimeout = DEFAULT_TRANSACTION_TIMEOUT;
        private Duration syncDelay = Duration.ZERO;

        private Builder() {
            users.put(DEFAULT_USER, DEFAULT_USER);
        }

        /**
         * @param user the administrator's user name (default {@code admin})
         * @param password its password (default {@code admin})
         * @return this
         */
        public Builder credentials(String user, String password) {
            requireText(user, "user");
            Objects.requireNonNull(password, "password");
            users.remove(mainUser);
            mainUser = user;
            users.put(user, password);
            return this;
        }

        /**
         * Adds another user (for example a second automation account that holds tokens too).
         *
         * @param user the user name
         * @param password its password
         * @return this
         */
        public Builder user(String user, String password) {
            requireText(user, "user");
            users.put(user, Objects.requireNonNull(password, "password"));
            return this;
        }

        /**
         * @param port the TCP port on 127.0.0.1, 0 (default) for a free one
         * @return this
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Serves HTTPS with this certificate chain and key (default: plain HTTP).
         *
         * @param chain the server certificate first
         * @param key its private key
         * @return this
         */
        public Builder tls(X509Certificate[] chain, PrivateKey key) {
            this.identity = new ServerIdentity(chain, key);
            return this;
        }

        /**
         * @param timeout lifetime of a new token, 1 s to 36,000 s (default 1,200 s)
         * @return this
         */
        public Builder tokenTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toSeconds() < 1 || timeout.toSeconds() > Device.MAX_TOKEN_SECONDS) {
                throw new IllegalArgumentException("tokenTimeout must be 1..36000 s, got " + timeout);
            }
            this.tokenTimeout = timeout;
            return this;
        }

        /**
         * @param cap live tokens one user may hold, at least 1 (default 100)
         * @return this
         */
        public Builder tokenCap(int cap) {
            if (cap < 1) {
                throw new IllegalArgumentException("tokenCap must be at least 1, got " + cap);
            }
            this.tokenCap = cap;
            return this;
        }

        /**
         * Exempts the user {@code admin} from the token cap, as the vendor notes say older releases do
         * (default: the cap applies to every user).
         *
         * @return this
         */
        public Builder exemptAdminFromTokenCap() {
            this.adminExempt = true;
            return this;
        }

        /**
         * @param name a sync-failover device group that exists on the device (default none: the device
         *     is standalone)
         * @return this
         */
        public Builder deviceGroup(String name) {
            requireText(name, "deviceGroup");
            this.deviceGroup = name;
            return this;
        }

        /**
         * @param clock the clock for token expiry, transaction time-outs and sync delays (default the
         *     system clock); a test can pass a clock it moves
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param timeout how long a transaction lives after it is created, at least 1 s (default 120 s)
         * @return this
         */
        public Builder transactionTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toSeconds() < 1) {
                throw new IllegalArgumentException("transactionTimeout must be at least 1 s, got " + timeout);
            }
            this.transactionTimeout = timeout;
            return this;
        }

        /**
         * @param delay how long a config-sync reports "Syncing" before "In Sync" (default zero)
         * @return this
         */
        public Builder syncDelay(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("syncDelay must not be negative, got " + delay);
            }
            this.syncDelay = delay;
            return this;
        }

        /**
         * @return a running simulator
         * @throws TransportException when the port cannot be bound
         */
        public F5Simulator start() {
            return new F5Simulator(this);
        }

        private static void requireText(String s, String name) {
            Objects.requireNonNull(s, name);
            if (s.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
        }
    }
}
