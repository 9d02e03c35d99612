package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.sim.Redaction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated BIG-IP behind the HTTP front: authentication and tokens, the iControl REST
 * object store, transactions, file uploads, config save and config-sync. Every public method
 * is {@code synchronized}: one lock serialises all requests, as one mcpd does.
 */
public final class Device {
    private static final Set<String> SECRET_FIELDS = Set.of("password", "passphrase");
    private static final Logger LOG = LoggerFactory.getLogger(Device.class);
    /** Absolute maximum token lifetime (vendor notes §1). */
    public static final long MAX_TOKEN_SECONDS = 36_000;
    private static final String TOKENS = "/mgmt/shared/authz/tokens/";
    private static final String UPLOADS = "/mgmt/shared/file-transfer/uploads/";
    private static final Pattern SYNC = Pattern.compile(
            "\\s*config-sync\\s+(?:force-full-load-push\\s+)?(to-group|from-group)\\s+(\\S+)\\s*");
    private static final Pattern RANGE = Pattern.compile("\\s*(?:bytes\\s+)?(\\d+)-(\\d+)/(\\d+)\\s*");
    private static final String ECHO_QUERY = "/mgmt/shared/echo-query";
    private static final Pattern BASH_SAVE = Pattern.compile("\\s*-c\\s+([\"'])\\s*tmsh\\s+save\\s+sys\\s+config\\s*\\1\\s*");
    private static final List<String> SYS_MODULES = List.of("available", "config", "file", "provision", "version");
    private static final List<String> PROVISION_MODULES = List.of("afm", "am", "apm", "asm", "avr", "dos", "fps", "gtm",
            "ilx", "lc", "ltm", "pem", "sslo", "swg", "urldb");
    private static final Set<String> PROVISIONED = Set.of("ltm", "gtm");
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

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

    private static final class Token {
        String id;
        String user;
        long createdMicros;
        long lastUpdateMicros;
        long timeoutSeconds;
        long expiresMicros;
    }

    private static final class Command {
        long id;
        String method;
        String path;
        String rawQuery;
        Map<String, String> query;
        JsonNode body;
    }

    private static final class Transaction {
        long id;
        String state = "STARTED";
        long createdMicros;
        long timeoutSeconds;
        boolean validateOnly;
        String failureReason = "";
        final List<Command> commands = new ArrayList<>();
    }

    private final Settings settings;
    private final F5FaultPlan faults;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Token> tokens = new LinkedHashMap<>();
    private final Map<Long, Transaction> transactions = new LinkedHashMap<>();
    private final Map<String, byte[]> uploads = new HashMap<>();
    private ConfigStore store;
    private final PoolMemberStats memberStats = new PoolMemberStats();
    private ObjectNode saved;
    private long operationId = 100_700_000;
    private long lastTransId;
    private int writes;
    private int committed;
    private int saves;
    private boolean changesPending;
    private long syncDoneMicros = -1;

    /**
     * @param settings the settings
     * @param faults where commit failures are scheduled
     */
    public Device(Settings settings, F5FaultPlan faults) {
        this.settings = settings;
        this.faults = faults;
        this.store = ConfigStore.initial(settings.deviceGroup());
        this.store.files(this::upload);
    }

    private byte[] upload(String name) {
        return uploads.get(name);
    }

    private long nowMicros() {
        Instant i = settings.clock().instant();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }

    // ------------------------------------------------------------------ state for the public API

    /** @return the deep, sorted copy of all configuration */
    public synchronized ObjectNode snapshot() {
        ObjectNode s = store.snapshot();
        return s;
    }

    /** Makes every live token expire now. */
    public synchronized void expireTokens() {
        long now = nowMicros();
        for (Token t : tokens.values()) {
            t.expiresMicros = Math.min(t.expiresMicros, now);
        }
    }

    /**
     * @param user a user name
     * @return that user's live tokens
     */
    public synchronized int activeTokens(String user) {
        long now = nowMicros();
        int n = 0;
        for (Token t : tokens.values()) {
            if (t.user.equals(user) && t.expiresMicros > now) {
                n++;
            }
        }
        return n;
    }

    /** @return config-changing requests under /mgmt/tm so far */
    public synchronized int writeCount() {
        return writes;
    }

    /** @return transactions committed (not validate-only) */
    public synchronized int transactionsCommitted() {
        return committed;
    }

    /** @return how many times the configuration was saved */
    public synchronized int saves() {
        return saves;
    }

    /**
     * @return how many unexpired transactions hold commands that did not take effect (STARTED, VALIDATING or
     *     FAILED); committed ones and empty ones are not counted
     */
    public synchronized int pendingTransactionCount() {
        long now = nowMicros();
        return (int) transactions.values().stream()
                .filter(t -> t.createdMicros + t.timeoutSeconds * 1_000_000L > now)
                .filter(t -> !t.state.equals("COMPLETED") && !t.commands.isEmpty()).count();
    }

    /** @return the configuration as last saved, or {@code null} */
    public synchronized ObjectNode savedSnapshot() {
        return saved == null ? null : saved.deepCopy();
    }

    /** @return the sync status description */
    public synchronized String syncStatus() {
        if (settings.deviceGroup() == null) {
            return "Standalone";
        }
        if (changesPending) {
            return "Changes Pending";
        }
        if (syncDoneMicros >= 0 && nowMicros() < syncDoneMicros) {
            return "Syncing";
        }
        return "In Sync";
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
        write(method, path.substring("/mgmt/tm/".length()), "", Map.of(), body);
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

    // ------------------------------------------------------------------ HTTP entry

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
        if (path.equals("/mgmt/shared/authn/login")) {
            if (!r.method().equals("POST")) {
                throw SimulatedF5Error.rest(405, "Method not allowed: " + r.method(), r.remote(), ++operationId);
            }
            return login(r);
        }
        String user = authenticate(r);
        if (path.equals("/mgmt/shared/authz/tokens") && r.method().equals("GET")) {
            return tokenList(r, user);
        }
        if (path.startsWith(TOKENS)) {
            return tokenOp(r, user, path.substring(TOKENS.length()));
        }
        if (path.startsWith(UPLOADS) && r.method().equals("POST")) {
            return upload(r, path.substring(UPLOADS.length()));
        }
        if (path.equals(ECHO_QUERY) && r.method().equals("GET")) {
            return SimResponse.json(200, echo());
        }
        if (!path.startsWith("/mgmt/tm/")) {
            throw SimulatedF5Error.rest(404, "URI path " + path + " not registered.  Please verify URI is supported and wait for "
                    + "/available suffix to be responsive.", r.remote(), ++operationId);
        }
        String rest = path.substring("/mgmt/tm/".length());
        boolean write = !r.method().equals("GET");
        if (write) {
            writes++;
        }
        String coordination = r.header("X-F5-REST-Coordination-Id");
        if (coordination != null && write) {
            return enlist(r, coordination.trim(), rest);
        }
        if (rest.equals("transaction") || rest.startsWith("transaction/")) {
            return transaction(r, rest);
        }
        switch (rest) {
            case "sys":
                return SimResponse.json(200, requireGet(r, rest, sysCollection()));
            case "sys/provision":
                return SimResponse.json(200, requireGet(r, rest, provision()));
            case "util/bash":
                return bash(r);
            case "sys/version":
                return SimResponse.json(200, version());
            case "sys/config":
                return saveConfig(r);
            case "cm":
                return configSync(r);
            case "cm/sync-status":
                return SimResponse.json(200, syncStatusBody());
            case "sys/available":
                return SimResponse.json(200, F5SimJson.object().put("kind", "tm:sys:available:availablestats"));
            default:
                break;
        }
        if (!write && PoolMemberStats.matches(rest)) {
            return SimResponse.json(200, memberStats.read(store, rest));
        }
        if (!write) {
            JsonNode out = store.execute("GET", rest, r.query(), null);
            return SimResponse.json(200, out);
        }
        JsonNode body = r.method().equals("DELETE") ? null : F5SimJson.parse(r.body());
        JsonNode out = write(r.method(), rest, r.rawQuery(), r.query(), body);
        return out == null ? new SimResponse(200, SimResponse.JSON, new byte[0], Map.of()) : SimResponse.json(200, out);
    }

    private JsonNode write(String method, String rest, String rawQuery, Map<String, String> query, JsonNode body) {
        ConfigStore work = store.copy();
        JsonNode out = work.execute(method, rest, query, body);
        store = work;
        changed();
        return out;
    }

    private void changed() {
        if (settings.deviceGroup() != null) {
            changesPending = true;
        }
    }

    // ------------------------------------------------------------------ authentication

    private SimulatedF5Error unauthorized(SimRequest r, String message) {
        return SimulatedF5Error.rest(401, message, r.remote(), ++operationId);
    }

    private String authenticate(SimRequest r) {
        String token = r.header("X-F5-Auth-Token");
        if (token != null) {
            Token t = tokens.get(token.trim());
            if (t == null) {
                throw unauthorized(r, "X-F5-Auth-Token does not exist.");
            }
            if (t.expiresMicros <= nowMicros()) {
                tokens.remove(t.id);
                throw unauthorized(r, "X-F5-Auth-Token has expired.");
            }
            return t.user;
        }
        String auth = r.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw unauthorized(r, "Authentication failed.");
            }
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            String password = colon < 0 ? "" : decoded.substring(colon + 1);
            if (!password.equals(settings.users().get(user))) {
                throw unauthorized(r, "Authentication failed.");
            }
            return user;
        }
        throw unauthorized(r, "Authorization failed: no user authentication header or token detected. Uri:http://localhost:8100"
                + r.path() + " Referrer:" + r.remote() + " Sender:" + r.remote());
    }

    private SimResponse login(SimRequest r) {
        JsonNode body = F5SimJson.parse(r.body());
        String user = F5SimJson.text(body.get("username"));
        String password = F5SimJson.text(body.get("password"));
        if (user == null || password == null || !password.equals(settings.users().get(user))) {
            throw unauthorized(r, "Authentication failed.");
        }
        long now = nowMicros();
        tokens.values().removeIf(t -> t.expiresMicros <= now);
        boolean exempt = settings.adminExempt() && user.equals("admin");
        if (!exempt && activeTokens(user) >= settings.tokenCap()) {
            throw SimulatedF5Error.rest(400, "user " + user + " has reached maximum active login tokens", r.remote(), ++operationId);
        }
        Token t = new Token();
        t.id = newTokenId();
        t.user = user;
        t.createdMicros = now;
        t.lastUpdateMicros = now;
        t.timeoutSeconds = settings.tokenTimeout().toSeconds();
        t.expiresMicros = now + t.timeoutSeconds * 1_000_000L;
        tokens.put(t.id, t);
        String provider = body.path("loginProviderName").asText("tmos");
        ObjectNode out = F5SimJson.object();
        out.put("username", user);
        out.put("loginProviderName", provider);
        out.set("token", tokenBody(t, r.remote()));
        out.put("generation", 0);
        out.put("lastUpdateMicros", 0);
        return SimResponse.json(200, out);
    }

    private String newTokenId() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            b.append(BASE32[random.nextInt(32)]);
        }
        return b.toString();
    }

    private ObjectNode tokenBody(Token t, String remote) {
        ObjectNode o = F5SimJson.object();
        o.put("token", t.id);
        o.put("name", t.id);
        o.put("userName", t.user);
        o.put("authProviderName", "tmos");
        o.putObject("user").put("link", "https://localhost/mgmt/shared/authz/users/" + t.user);
        o.put("timeout", t.timeoutSeconds);
        o.put("startTime", Instant.ofEpochSecond(t.createdMicros / 1_000_000L).toString());
        o.put("address", remote);
        o.put("partition", "[All]");
        o.put("generation", 1);
        o.put("lastUpdateMicros", t.lastUpdateMicros);
        o.put("expirationMicros", t.expiresMicros);
        o.put("kind", "shared:authz:tokens:authtokenitemstate");
        o.put("selfLink", "https://localhost/mgmt/shared/authz/tokens/" + t.id);
        return o;
    }

    private SimResponse tokenList(SimRequest r, String user) {
        long now = nowMicros();
        ObjectNode o = F5SimJson.object();
        ArrayNode items = o.putArray("items");
        for (Token t : tokens.values()) {
            if (t.user.equals(user) && t.expiresMicros > now) {
                items.add(tokenBody(t, r.remote()));
            }
        }
        o.put("generation", 0);
        o.put("kind", "shared:authz:tokens:authtokencollectionstate");
        o.put("lastUpdateMicros", 0);
        o.put("selfLink", "https://localhost/mgmt/shared/authz/tokens");
        return SimResponse.json(200, o);
    }

    private SimResponse tokenOp(SimRequest r, String user, String id) {
        Token t = tokens.get(id);
        if (t == null || t.expiresMicros <= nowMicros()) {
            throw SimulatedF5Error.rest(404, "Token not found.", r.remote(), ++operationId);
        }
        if (!t.user.equals(user)) {
            throw SimulatedF5Error.rest(400, "Authorization failed", r.remote(), ++operationId);
        }
        switch (r.method()) {
            case "GET":
                return SimResponse.json(200, tokenBody(t, r.remote()));
            case "DELETE":
                tokens.remove(id);
                return SimResponse.json(200, tokenBody(t, r.remote()));
            case "PATCH":
                JsonNode body = F5SimJson.parse(r.body());
                JsonNode timeout = body.get("timeout");
                if (timeout == null || !timeout.canConvertToLong() || timeout.asLong() <= 0) {
                    throw SimulatedF5Error.rest(400, "Invalid timeout: the body must be {\"timeout\": seconds}", r.remote(),
                            ++operationId);
                }
                long now = nowMicros();
                long requested = timeout.asLong();
                if ((now - t.createdMicros) / 1_000_000L + requested > MAX_TOKEN_SECONDS) {
                    throw SimulatedF5Error.rest(406, "Auth-token absolute timeout (36000 seconds) exceeded", r.remote(), ++operationId);
                }
                t.timeoutSeconds = requested;
                t.lastUpdateMicros = now;
                t.expiresMicros = now + requested * 1_000_000L;
                return SimResponse.json(200, tokenBody(t, r.remote()));
            default:
                throw SimulatedF5Error.rest(405, "Method not allowed: " + r.method(), r.remote(), ++operationId);
        }
    }

    // ------------------------------------------------------------------ uploads

    private SimResponse upload(SimRequest r, String name) {
        if (name.isEmpty() || name.contains("/")) {
            throw SimulatedF5Error.rest(400, "Invalid upload file name", r.remote(), ++operationId);
        }
        String range = r.header("Content-Range");
        Matcher m = range == null ? null : RANGE.matcher(range);
        if (m == null || !m.matches()) {
            throw SimulatedF5Error.rest(400, "Content-Range header is required: start-end/total", r.remote(), ++operationId);
        }
        long start = Long.parseLong(m.group(1));
        long end = Long.parseLong(m.group(2));
        long total = Long.parseLong(m.group(3));
        byte[] chunk = r.body();
        if (end < start || end - start + 1 != chunk.length || end >= total) {
            throw SimulatedF5Error.rest(400, "Content-Range " + range + " does not match the " + chunk.length + " bytes sent",
                    r.remote(), ++operationId);
        }
        byte[] current = start == 0 ? new byte[0] : uploads.getOrDefault(name, new byte[0]);
        if (start != current.length) {
            throw SimulatedF5Error.rest(400, "Content-Range " + range + " does not continue the upload of " + name + " ("
                    + current.length + " bytes so far)", r.remote(), ++operationId);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(current, 0, current.length);
        out.write(chunk, 0, chunk.length);
        uploads.put(name, out.toByteArray());
        ObjectNode o = F5SimJson.object();
        o.put("remainingByteCount", total - end - 1);
        o.putObject("usedChunks").put(String.valueOf(start), chunk.length);
        o.put("totalByteCount", total);
        o.put("localFilePath", "/var/config/rest/downloads/" + name);
        o.put("temporaryFilePath", "/var/config/rest/downloads/tmp/" + name);
        o.put("generation", 0);
        o.put("lastUpdateMicros", nowMicros());
        return SimResponse.json(200, o);
    }

    // ------------------------------------------------------------------ transactions

    private void expireTransactions() {
        long now = nowMicros();
        transactions.values().removeIf(t -> t.createdMicros + t.timeoutSeconds * 1_000_000L <= now);
    }

    private Transaction requireTransaction(String id) {
        expireTransactions();
        Transaction t = null;
        try {
            t = transactions.get(Long.parseLong(id));
        } catch (NumberFormatException e) {
            // fall through
        }
        if (t == null) {
            throw SimulatedF5Error.tmos(404, "Transaction " + id + " does not exist.", 1);
        }
        return t;
    }

    private ObjectNode transactionBody(Transaction t) {
        ObjectNode o = F5SimJson.object();
        o.put("transId", t.id);
        o.put("state", t.state);
        o.put("timeoutSeconds", t.timeoutSeconds);
        o.put("asyncExecution", false);
        o.put("validateOnly", t.validateOnly);
        o.put("executionTimeout", 300);
        o.put("executionTime", 0);
        o.put("failureReason", t.failureReason);
        o.put("kind", "tm:transactionstate");
        o.put("selfLink", "https://localhost/mgmt/tm/transaction/" + t.id + "?ver=" + Names.VERSION);
        return o;
    }

    private ObjectNode commandBody(Transaction t, Command c) {
        ObjectNode o = F5SimJson.object();
        o.put("method", c.method);
        o.put("uri", "https://localhost" + c.path + (c.rawQuery.isEmpty() ? "" : "?" + c.rawQuery));
        if (c.body != null) {
            o.set("body", redact(c.body));
        }
        o.put("evalOrder", t.commands.indexOf(c) + 1);
        o.put("commandId", c.id);
        o.put("kind", "tm:transaction:commandsstate");
        o.put("selfLink", "https://localhost/mgmt/tm/transaction/" + t.id + "/commands/" + c.id + "?ver=" + Names.VERSION);
        return o;
    }

    private static JsonNode redact(JsonNode body) {
        JsonNode copy = body.deepCopy();
        redactIn(copy);
        return copy;
    }

    /**
     * Replaces {@code password} and {@code passphrase} values in a tree.
     *
     * @param node the tree, changed in place
     */
    public static void redactIn(JsonNode node) {
        Redaction.redactFields(node, SECRET_FIELDS);
    }

    private SimResponse transaction(SimRequest r, String rest) {
        String[] segs = rest.split("/");
        if (segs.length == 1) {
            if (r.method().equals("POST")) {
                expireTransactions();
                Transaction t = new Transaction();
                t.id = Math.max(lastTransId + 1, nowMicros());
                lastTransId = t.id;
                t.createdMicros = nowMicros();
                t.timeoutSeconds = settings.transactionTimeout().toSeconds();
                transactions.put(t.id, t);
                return SimResponse.json(200, transactionBody(t));
            }
            if (r.method().equals("GET")) {
                expireTransactions();
                ObjectNode o = F5SimJson.object();
                o.put("kind", "tm:transactioncollectionstate");
                o.put("selfLink", "https://localhost/mgmt/tm/transaction?ver=" + Names.VERSION);
                if (!transactions.isEmpty()) {
                    ArrayNode items = o.putArray("items");
                    transactions.values().forEach(t -> items.add(transactionBody(t)));
                }
                return SimResponse.json(200, o);
            }
            throw SimulatedF5Error.tmos(405, "Method " + r.method() + " is not supported on /mgmt/tm/transaction", 1);
        }
        Transaction t = requireTransaction(segs[1]);
        if (segs.length == 2) {
            switch (r.method()) {
                case "GET":
                    return SimResponse.json(200, transactionBody(t));
                case "DELETE":
                    transactions.remove(t.id);
                    return SimResponse.json(200, transactionBody(t));
                case "PATCH":
                    return commit(t, F5SimJson.parse(r.body()));
                default:
                    throw SimulatedF5Error.tmos(405, "Method " + r.method() + " is not supported on /mgmt/tm/" + rest, 1);
            }
        }
        if (!segs[2].equals("commands") || segs.length > 4) {
            throw SimulatedF5Error.tmos(404, "URI path /mgmt/tm/" + rest + " not registered.  Please verify URI is supported and "
                    + "wait for /available suffix to be responsive.", 1);
        }
        if (segs.length == 3) {
            if (!r.method().equals("GET")) {
                throw SimulatedF5Error.tmos(405, "Method " + r.method() + " is not supported on /mgmt/tm/" + rest, 1);
            }
            ObjectNode o = F5SimJson.object();
            o.put("kind", "tm:transaction:commandscollectionstate");
            o.put("selfLink", "https://localhost/mgmt/tm/transaction/" + t.id + "/commands?ver=" + Names.VERSION);
            if (!t.commands.isEmpty()) {
                ArrayNode items = o.putArray("items");
                t.commands.forEach(c -> items.add(commandBody(t, c)));
            }
            return SimResponse.json(200, o);
        }
        Command c = null;
        for (Command x : t.commands) {
            if (String.valueOf(x.id).equals(segs[3])) {
                c = x;
            }
        }
        if (c == null) {
            throw SimulatedF5Error.tmos(404, "Command " + segs[3] + " does not exist in transaction " + t.id + ".", 1);
        }
        if (r.method().equals("GET")) {
            return SimResponse.json(200, commandBody(t, c));
        }
        if (r.method().equals("DELETE") && t.state.equals("STARTED")) {
            ObjectNode body = commandBody(t, c);
            t.commands.remove(c);
            return SimResponse.json(200, body);
        }
        throw SimulatedF5Error.tmos(405, "Method " + r.method() + " is not supported on /mgmt/tm/" + rest, 1);
    }

    private SimResponse enlist(SimRequest r, String id, String rest) {
        Transaction t = requireTransaction(id);
        if (!t.state.equals("STARTED")) {
            throw SimulatedF5Error.tmos(400, "Transaction " + t.id + " is " + t.state + " and accepts no more commands.", 1);
        }
        if (!ConfigStore.serves(rest)) {
            throw SimulatedF5Error.tmos(400, "The request " + r.method() + " /mgmt/tm/" + rest
                    + " cannot be part of a transaction.", 1);
        }
        long nextId = t.commands.size() + 1L;
        if (r.method().equals("POST") && ConfigStore.isSubCollection(rest)) {
            String seg = rest.substring(rest.lastIndexOf('/') + 1);
            throw SimulatedF5Error.tmos(400, "Found invalid command id " + nextId + "/" + seg + "/", 1);
        }
        Command c = new Command();
        c.id = t.commands.isEmpty() ? 1 : t.commands.get(t.commands.size() - 1).id + 1;
        c.method = r.method();
        c.path = "/mgmt/tm/" + rest;
        c.rawQuery = r.rawQuery();
        c.query = r.query();
        c.body = r.method().equals("DELETE") ? null : F5SimJson.parse(r.body());
        t.commands.add(c);
        return SimResponse.json(200, commandBody(t, c));
    }

    private SimResponse commit(Transaction t, JsonNode body) {
        String state = F5SimJson.text(body.get("state"));
        if (!"VALIDATING".equals(state)) {
            throw SimulatedF5Error.tmos(400, "Invalid transaction state change: a commit sets \"state\":\"VALIDATING\".", 1);
        }
        if (!t.state.equals("STARTED")) {
            throw SimulatedF5Error.tmos(400, "Transaction " + t.id + " is " + t.state + " and cannot be committed again.", 1);
        }
        if (t.commands.isEmpty()) {
            throw SimulatedF5Error.tmos(400, "there is no command to commit in the transaction", 1);
        }
        t.validateOnly = body.path("validateOnly").asBoolean(false);
        String injected = faults.takeCommitFailure();
        ConfigStore work = store.copy();
        String failure = injected;
        if (failure == null) {
            for (Command c : t.commands) {
                try {
                    work.execute(c.method, c.path.substring("/mgmt/tm/".length()), c.query, c.body);
                } catch (SimulatedF5Error e) {
                    failure = e.getMessage();
                    break;
                }
            }
        }
        if (failure != null) {
            t.state = "FAILED";
            t.failureReason = failure;
            LOG.debug("transaction {} failed: {}", t.id, failure);
            throw SimulatedF5Error.tmos(400, "transaction failed:" + failure, 1);
        }
        t.state = "COMPLETED";
        if (!t.validateOnly) {
            store = work;
            committed++;
            changed();
        }
        return SimResponse.json(200, transactionBody(t));
    }

    // ------------------------------------------------------------------ sys / cm

    private ObjectNode version() {
        ObjectNode o = F5SimJson.object();
        o.put("kind", "tm:sys:version:versionstats");
        o.put("selfLink", "https://localhost/mgmt/tm/sys/version?ver=" + Names.VERSION);
        ObjectNode entries = o.putObject("entries").putObject("https://localhost/mgmt/tm/sys/version/0")
                .putObject("nestedStats").putObject("entries");
        entries.putObject("Build").put("description", "0.0.8");
        entries.putObject("Date").put("description", "Mon Jan 29 12:00:00 PST 2024");
        entries.putObject("Edition").put("description", "Point Release 1");
        entries.putObject("Product").put("description", "BIG-IP");
        entries.putObject("Title").put("description", "Main Package");
        entries.putObject("Version").put("description", Names.VERSION);
        return o;
    }

    private SimResponse saveConfig(SimRequest r) {
        if (!r.method().equals("POST")) {
            throw SimulatedF5Error.tmos(405, "Method " + r.method() + " is not supported on /mgmt/tm/sys/config", 1);
        }
        JsonNode body = F5SimJson.parse(r.body());
        String command = F5SimJson.text(body.get("command"));
        if (!"save".equals(command)) {
            throw SimulatedF5Error.tmos(400, "Invalid command \"" + command + "\" for /mgmt/tm/sys/config: the simulator supports save.", 1);
        }
        save();
        ObjectNode o = F5SimJson.object();
        o.put("kind", "tm:sys:config:savestate");
        o.put("command", "save");
        return SimResponse.json(200, o);
    }

    private void save() {
        saves++;
        saved = store.snapshot();
    }

    private static ObjectNode requireGet(SimRequest r, String rest, ObjectNode body) {
        if (!r.method().equals("GET")) {
            throw SimulatedF5Error.tmos(405, "Method " + r.method() + " is not supported on /mgmt/tm/" + rest, 1);
        }
        return body;
    }

    /** {@code GET /mgmt/tm/sys}: links to the sys sub-modules; the selfLink's only query is {@code ver}. */
    private static ObjectNode sysCollection() {
        ObjectNode o = F5SimJson.object();
        o.put("kind", "tm:sys:syscollectionstate");
        o.put("selfLink", Names.SELF + "sys?ver=" + Names.VERSION);
        ArrayNode items = o.putArray("items");
        for (String sub : SYS_MODULES) {
            items.addObject().putObject("reference").put("link", Names.SELF + "sys/" + sub + "?ver=" + Names.VERSION);
        }
        return o;
    }

    /** {@code GET /mgmt/tm/sys/provision}: LTM and GTM provisioned (the modules this simulator serves). */
    private static ObjectNode provision() {
        ObjectNode o = F5SimJson.object();
        o.put("kind", "tm:sys:provision:provisioncollectionstate");
        o.put("selfLink", Names.SELF + "sys/provision?ver=" + Names.VERSION);
        ArrayNode items = o.putArray("items");
        for (String module : PROVISION_MODULES) {
            ObjectNode i = items.addObject();
            i.put("kind", "tm:sys:provision:provisionstate");
            i.put("name", module);
            i.put("fullPath", module);
            i.put("generation", 1);
            i.put("selfLink", Names.SELF + "sys/provision/" + module + "?ver=" + Names.VERSION);
            i.put("cpuRatio", 0);
            i.put("diskRatio", 0);
            i.put("level", PROVISIONED.contains(module) ? "nominal" : "none");
            i.put("memoryRatio", 0);
        }
        return o;
    }

    /**
     * {@code POST /mgmt/tm/util/bash}: runs {@code tmsh save sys config} (the Ansible collection's
     * save); any other command is refused.
     */
    private SimResponse bash(SimRequest r) {
        if (!r.method().equals("POST")) {
            throw SimulatedF5Error.tmos(405, "Method " + r.method() + " is not supported on /mgmt/tm/util/bash", 1);
        }
        JsonNode body = F5SimJson.parse(r.body());
        String command = F5SimJson.text(body.get("command"));
        String args = F5SimJson.text(body.get("utilCmdArgs"));
        if (!"run".equals(command)) {
            throw SimulatedF5Error.tmos(400, "Invalid command \"" + command + "\" for /mgmt/tm/util/bash: expected run.", 1);
        }
        if (args == null || !BASH_SAVE.matcher(args).matches()) {
            throw SimulatedF5Error.tmos(400, "The simulator's /mgmt/tm/util/bash runs only -c \"tmsh save sys config\"; "
                    + "refused: " + (args == null ? "no utilCmdArgs" : args), 1);
        }
        save();
        ObjectNode o = F5SimJson.object();
        o.put("kind", "tm:util:bash:runstate");
        o.put("command", "run");
        o.put("utilCmdArgs", args);
        o.put("commandResult", "Saving running configuration...\n  /config/bigip.conf\n  /config/bigip_base.conf\n"
                + "  /config/bigip_user.conf\nSaving Ethernet mapping...done\n");
        return SimResponse.json(200, o);
    }

    private static ObjectNode echo() {
        ObjectNode o = F5SimJson.object();
        o.put("kind", "shared:echo:echoworkerstate");
        o.put("generation", 0);
        o.put("lastUpdateMicros", 0);
        o.put("selfLink", "https://localhost/mgmt/shared/echo");
        return o;
    }

    private SimResponse configSync(SimRequest r) {
        if (!r.method().equals("POST")) {
            throw SimulatedF5Error.tmos(405, "Method " + r.method() + " is not supported on /mgmt/tm/cm", 1);
        }
        JsonNode body = F5SimJson.parse(r.body());
        String args = F5SimJson.text(body.get("utilCmdArgs"));
        Matcher m = args == null ? null : SYNC.matcher(args);
        if (!"run".equals(F5SimJson.text(body.get("command"))) || m == null || !m.matches()) {
            throw SimulatedF5Error.tmos(400, "Invalid command: expected {\"command\":\"run\",\"utilCmdArgs\":\"config-sync to-group "
                    + "<device group>\"}.", 1);
        }
        String group = Names.qualify(m.group(2), "Common");
        if (!store.exists("cm/device-group", group)) {
            throw SimulatedF5Error.tmos(400, "01020036:3: The requested device group (" + group + ") was not found.", 3);
        }
        if (settings.deviceGroup() != null && group.equals("/Common/" + settings.deviceGroup())) {
            changesPending = false;
            syncDoneMicros = nowMicros() + settings.syncDelay().toNanos() / 1_000L;
        }
        ObjectNode o = F5SimJson.object();
        o.put("kind", "tm:cm:runstate");
        o.put("command", "run");
        o.put("utilCmdArgs", args.trim());
        return SimResponse.json(200, o);
    }

    private ObjectNode syncStatusBody() {
        String status = syncStatus();
        String color = switch (status) {
            case "In Sync", "Standalone" -> "green";
            case "Syncing" -> "blue";
            default -> "yellow";
        };
        String summary = status.equals("Changes Pending")
                ? "There is a possible change conflict between this device and other members of "
                        + settings.deviceGroup() + "."
                : " ";
        ObjectNode o = F5SimJson.object();
        o.put("kind", "tm:cm:sync-status:sync-statusstats");
        o.put("selfLink", "https://localhost/mgmt/tm/cm/sync-status?ver=" + Names.VERSION);
        ObjectNode entries = o.putObject("entries").putObject("https://localhost/mgmt/tm/cm/sync-status/0")
                .putObject("nestedStats").putObject("entries");
        entries.putObject("color").put("description", color);
        entries.putObject("mode").put("description", settings.deviceGroup() == null ? "standalone" : "high-availability");
        entries.putObject("status").put("description", status);
        entries.putObject("summary").put("description", summary);
        return o;
    }
}
