package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.sim.Redaction;
import io.hakit.sim.RequestKind;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated BIG-IP behind the HTTP front: it routes each request to the part of the device
 * that answers it ({@link TokenAuth} for logins and tokens, {@link Uploads}, {@link Transactions},
 * {@link ConfigSave}, {@link ConfigSync}, {@link SysEndpoints}, and the object store
 * {@link ConfigStore} through {@link RunningConfig}) and sorts requests into {@link RequestKind}s
 * for counting faults. Every public method is {@code synchronized}: one lock serialises all
 * requests, as one mcpd does.
 */
public final class Device {
    private static final Set<String> SECRET_FIELDS = Set.of("password", "passphrase");
    private static final Logger LOG = LoggerFactory.getLogger(Device.class);
    /** Absolute maximum token lifetime (vendor notes §1). */
    public static final long MAX_TOKEN_SECONDS = TokenAuth.MAX_TOKEN_SECONDS;
    private static final String LOGIN = "/mgmt/shared/authn/login";
    private static final String TOKEN_LIST = "/mgmt/shared/authz/tokens";
    private static final String TOKENS = TOKEN_LIST + "/";
    private static final String UPLOADS = "/mgmt/shared/file-transfer/uploads/";
    private static final String ECHO_QUERY = "/mgmt/shared/echo-query";

    /**
     * Settings fixed at start.
     *
     * @param users user name to password
     * @param tokenTimeout lifetime of a new token
     * @param tokenCap live tokens allowed per user
     * @param adminExempt whether the user {@code admin} is exempt from the cap
     * @param deviceGroup the sync-failover device group, or {@code null}
     * @param clock the clock for tokens, transactions and sync
     * @param transactionTimeout how long a transaction lives
     * @param syncDelay how long a config-sync takes
     */
    public record Settings(Map<String, String> users, Duration tokenTimeout, int tokenCap, boolean adminExempt,
            String deviceGroup, Clock clock, Duration transactionTimeout, Duration syncDelay) {
    }

    private final OperationIds operationIds = new OperationIds();
    private final TokenAuth auth;
    private final Uploads uploads;
    private final RunningConfig config;
    private final Transactions transactions;
    private final ConfigSave save;
    private final ConfigSync sync;
    private final PoolMemberStats memberStats = new PoolMemberStats();
    private int writes;

    /**
     * @param settings the settings
     * @param faults where commit failures are scheduled
     */
    public Device(Settings settings, F5FaultPlan faults) {
        DeviceClock clock = new DeviceClock(settings.clock());
        this.auth = new TokenAuth(settings, clock, operationIds);
        this.uploads = new Uploads(clock, operationIds);
        this.config = new RunningConfig(settings.deviceGroup(), uploads::bytes);
        this.transactions = new Transactions(settings, clock, faults, config);
        this.save = new ConfigSave(config);
        this.sync = new ConfigSync(settings, clock, config);
    }

    // ------------------------------------------------------------------ state for the public API

    /** @return the deep, sorted copy of all configuration */
    public synchronized ObjectNode snapshot() {
        return config.store().snapshot();
    }

    /** Makes every live token expire now. */
    public synchronized void expireTokens() {
        auth.expireTokens();
    }

    /**
     * @param user a user name
     * @return that user's live tokens
     */
    public synchronized int activeTokens(String user) {
        return auth.activeTokens(user);
    }

    /** @return config-changing requests under /mgmt/tm so far */
    public synchronized int writeCount() {
        return writes;
    }

    /** @return transactions committed (not validate-only) */
    public synchronized int transactionsCommitted() {
        return transactions.committed();
    }

    /** @return how many times the configuration was saved */
    public synchronized int saves() {
        return config.saves();
    }

    /**
     * @return how many unexpired transactions hold commands that did not take effect (STARTED, VALIDATING or
     *     FAILED); committed ones and empty ones are not counted
     */
    public synchronized int pendingTransactionCount() {
        return transactions.pendingCount();
    }

    /** @return the configuration as last saved, or {@code null} */
    public synchronized ObjectNode savedSnapshot() {
        ObjectNode saved = config.saved();
        return saved == null ? null : saved.deepCopy();
    }

    /** @return the sync status description */
    public synchronized String syncStatus() {
        return sync.syncStatus();
    }

    /**
     * Runs a config request directly (no authentication, no faults, not counted as a request).
     *
     * @param method POST, PATCH or DELETE
     * @param path the path, starting with {@code /mgmt/tm/}
     * @param body the JSON body, or {@code null}
     * @throws SimulatedF5Error when the device refuses
     */
    public synchronized void direct(String method, String path, JsonNode body) {
        if (!path.startsWith("/mgmt/tm/")) {
            throw new IllegalArgumentException("path must start with /mgmt/tm/, got " + path);
        }
        config.apply(method, path.substring("/mgmt/tm/".length()), Map.of(), body);
    }

    /**
     * Sets a pool member's current server-side connections (its statistics' {@code serverside.curConns}).
     *
     * @param pool the pool's full path, e.g. {@code /Common/web}
     * @param member the member's full path, e.g. {@code /Common/app1.hospital.org:7002}
     * @param count the connections
     */
    public synchronized void connections(String pool, String member, long count) {
        memberStats.set(pool, member, count);
    }

    /**
     * Replaces {@code password} and {@code passphrase} values in a tree.
     *
     * @param node the tree, changed in place
     */
    public static void redactIn(JsonNode node) {
        Redaction.redactFields(node, SECRET_FIELDS);
    }

    // ------------------------------------------------------------------ HTTP entry

    /**
     * What a request is, for counting faults, decided before it is handled and changing nothing:
     * {@link RequestKind#SESSION} for a login and any request under {@code /mgmt/shared/authz/tokens};
     * {@link RequestKind#READ} for a {@code GET} (or another method that changes nothing);
     * {@link RequestKind#SAVE} for {@code POST /mgmt/tm/sys/config} {@code {"command":"save"}} and
     * {@code POST /mgmt/tm/util/bash} running {@code tmsh save sys config};
     * {@link RequestKind#WRITE} for every other authenticated {@code POST}, {@code PUT}, {@code PATCH}
     * or {@code DELETE} (a transaction's creation, each command sent into a transaction and the
     * commit are one write each). A request that will be refused authentication is counted as a
     * request only ({@link RequestKind#READ}).
     *
     * @param r the request
     * @return its kind
     */
    public synchronized RequestKind kind(SimRequest r) {
        String path = r.path();
        if (path.equals(LOGIN) || path.equals(TOKEN_LIST) || path.startsWith(TOKENS)) {
            return RequestKind.SESSION;
        }
        if (!Set.of("POST", "PUT", "PATCH", "DELETE").contains(r.method()) || !auth.accepts(r)) {
            return RequestKind.READ;
        }
        if (r.header("X-F5-REST-Coordination-Id") == null && ConfigSave.isSave(r)) {
            return RequestKind.SAVE;
        }
        return RequestKind.WRITE;
    }

    /**
     * @param r the request
     * @return the answer
     */
    public synchronized SimResponse handle(SimRequest r) {
        try {
            return route(r);
        } catch (SimulatedF5Error e) {
            LOG.debug("{} {} -> {} {}", r.method(), r.path(), e.status(), e.getMessage());
            return SimResponse.error(e);
        }
    }

    private SimResponse route(SimRequest r) {
        String path = r.path();
        if (path.equals(LOGIN)) {
            if (!r.method().equals("POST")) {
                throw SimulatedF5Error.rest(405, "Method not allowed: " + r.method(), r.remote(), operationIds.next());
            }
            return auth.login(r);
        }
        String user = auth.authenticate(r);
        if (path.equals(TOKEN_LIST) && r.method().equals("GET")) {
            return auth.list(r, user);
        }
        if (path.startsWith(TOKENS)) {
            return auth.operate(r, user, path.substring(TOKENS.length()));
        }
        if (path.startsWith(UPLOADS) && r.method().equals("POST")) {
            return uploads.upload(r, path.substring(UPLOADS.length()));
        }
        if (path.equals(ECHO_QUERY) && r.method().equals("GET")) {
            return SimResponse.json(200, SysEndpoints.echo());
        }
        if (!path.startsWith("/mgmt/tm/")) {
            throw SimulatedF5Error.rest(404, "URI path " + path + " not registered.  Please verify URI is supported and wait for "
                    + "/available suffix to be responsive.", r.remote(), operationIds.next());
        }
        String rest = path.substring("/mgmt/tm/".length());
        boolean write = !r.method().equals("GET");
        if (write) {
            writes++;
        }
        String coordination = r.header("X-F5-REST-Coordination-Id");
        if (coordination != null && write) {
            return transactions.enlist(r, coordination.trim(), rest);
        }
        if (rest.equals("transaction") || rest.startsWith("transaction/")) {
            return transactions.handle(r, rest);
        }
        switch (rest) {
            case "sys":
                return SimResponse.json(200, SysEndpoints.requireGet(r, rest, SysEndpoints.sysCollection()));
            case "sys/provision":
                return SimResponse.json(200, SysEndpoints.requireGet(r, rest, SysEndpoints.provision()));
            case "util/bash":
                return save.bash(r);
            case "sys/version":
                return SimResponse.json(200, SysEndpoints.version());
            case "sys/config":
                return save.sysConfig(r);
            case "cm":
                return sync.run(r);
            case "cm/sync-status":
                return SimResponse.json(200, sync.statusBody());
            case "sys/available":
                return SimResponse.json(200, F5SimJson.object().put("kind", "tm:sys:available:availablestats"));
            default:
                break;
        }
        if (!write && PoolMemberStats.matches(rest)) {
            return SimResponse.json(200, memberStats.read(config.store(), rest));
        }
        if (!write) {
            JsonNode out = config.store().execute("GET", rest, r.query(), null);
            return SimResponse.json(200, out);
        }
        JsonNode body = r.method().equals("DELETE") ? null : F5SimJson.parse(r.body());
        JsonNode out = config.apply(r.method(), rest, r.query(), body);
        return out == null ? new SimResponse(200, SimResponse.JSON, new byte[0], Map.of()) : SimResponse.json(200, out);
    }
}
