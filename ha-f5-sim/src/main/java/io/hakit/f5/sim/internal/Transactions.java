package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * iControl REST transactions: opening one, adding commands to it, and a commit that runs every
 * command on a copy of the configuration and keeps the copy only when all succeeded (a failed
 * validation rolls back every command); transactions expire after their timeout. Not
 * thread-safe: the device serialises access.
 */
final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private final Device.Settings settings;
    private final DeviceClock clock;
    private final F5FaultPlan faults;
    private final RunningConfig config;
    private final Map<Long, Transaction> transactions = new LinkedHashMap<>();
    private long lastTransId;
    private int committed;

    /**
     * @param settings the transaction timeout
     * @param clock the clock transactions expire by
     * @param faults where commit failures are scheduled
     * @param config the configuration a commit changes
     */
    Transactions(Device.Settings settings, DeviceClock clock, F5FaultPlan faults, RunningConfig config) {
        this.settings = settings;
        this.clock = clock;
        this.faults = faults;
        this.config = config;
    }

    /** One command sent into a transaction. */
    private static final class Command {
        long id;
        String method;
        String path;
        String rawQuery;
        Map<String, String> query;
        JsonNode body;
    }

    /** One transaction and its commands. */
    private static final class Transaction {
        long id;
        String state = "STARTED";
        long createdMicros;
        long timeoutSeconds;
        boolean validateOnly;
        String failureReason = "";
        final List<Command> commands = new ArrayList<>();
    }

    private void expire() {
        long now = clock.nowMicros();
        transactions.values().removeIf(t -> t.createdMicros + t.timeoutSeconds * 1_000_000L <= now);
    }

    private Transaction require(String id) {
        expire();
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
        Device.redactIn(copy);
        return copy;
    }

    /**
     * {@code /mgmt/tm/transaction[/<id>[/commands[/<id>]]]}: create, list, read, delete and commit
     * ({@code PATCH} with {@code "state":"VALIDATING"}) transactions, and read or delete their commands.
     *
     * @param r the request
     * @param rest the path after {@code /mgmt/tm/}
     * @return the answer
     */
    SimResponse handle(SimRequest r, String rest) {
        String[] segs = rest.split("/");
        if (segs.length == 1) {
            if (r.method().equals("POST")) {
                expire();
                Transaction t = new Transaction();
                t.id = Math.max(lastTransId + 1, clock.nowMicros());
                lastTransId = t.id;
                t.createdMicros = clock.nowMicros();
                t.timeoutSeconds = settings.transactionTimeout().toSeconds();
                transactions.put(t.id, t);
                return SimResponse.json(200, transactionBody(t));
            }
            if (r.method().equals("GET")) {
                expire();
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
        Transaction t = require(segs[1]);
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

    /**
     * A request with {@code X-F5-REST-Coordination-Id}: added to that transaction as a command, not run.
     *
     * @param r the request
     * @param id the transaction id
     * @param rest the path after {@code /mgmt/tm/}
     * @return the command
     */
    SimResponse enlist(SimRequest r, String id, String rest) {
        Transaction t = require(id);
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
        ConfigStore work = config.store().copy();
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
            config.replace(work);
            committed++;
        }
        return SimResponse.json(200, transactionBody(t));
    }

    /**
     * @return how many unexpired transactions hold commands that did not take effect (STARTED, VALIDATING or
     *     FAILED); committed ones and empty ones are not counted
     */
    int pendingCount() {
        long now = clock.nowMicros();
        return (int) transactions.values().stream()
                .filter(t -> t.createdMicros + t.timeoutSeconds * 1_000_000L > now)
                .filter(t -> !t.state.equals("COMPLETED") && !t.commands.isEmpty()).count();
    }

    /** @return transactions committed (not validate-only) */
    int committed() {
        return committed;
    }
}
