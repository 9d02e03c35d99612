package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.hakit.sim.RecordedRequest;
import io.hakit.sim.Redaction;
import io.hakit.sim.SimulatorException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves NITRO over HTTP from one {@link NitroStore}: sessions, the HA role, bulk and
 * {@code macroapi} requests with {@code X-NITRO-ONERROR}, faults and the request log.
 */
public final class NitroHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(NitroHandler.class);
    private static final String PREFIX = "/nitro/v1/config";
    private static final String STAT_PREFIX = "/nitro/v1/stat/";
    private static final String TOKEN = "NITRO_AUTH_TOKEN";
    /** What {@code nsversion.version} shows: release, build ({@code NN.NN.nc}) and build date, as an ADC does. */
    static final String VERSION = "NetScaler NS14.1: Build 21.48.nc, Date: Jun 17 2024, 10:31:36   (64-bit)";
    private static final Set<String> SECRET_FIELDS = Set.of("password", "passplain", "secondarypassword", "radkey",
            "secureargs", "filecontent");
    private static final Set<String> AGGREGATES = Set.of("lbvserver_binding", "servicegroup_binding",
            "sslvserver_binding", "sslservicegroup_binding");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Object lock;
    private final NitroStore store;
    private final Sessions sessions;
    private final CitrixFaultPlan faults;
    private final String user;
    private final String password;
    private final MemberStats stats = new MemberStats();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private volatile boolean secondary;
    private ObjectNode saved;

    private static final class Response {
        final int status;
        final String body;
        final String contentType;
        final Map<String, String> headers = new LinkedHashMap<>();
        final boolean reset;

        Response(int status, String body, String contentType, boolean reset) {
            this.status = status;
            this.body = body;
            this.contentType = contentType;
            this.reset = reset;
        }

        static Response json(int status, ObjectNode body) {
            return new Response(status, body.toString(), "application/json", false);
        }
    }

    /**
     * @param lock the lock around every use of the store
     * @param store the configuration
     * @param sessionTimeout the longest idle time of a session
     * @param clock the clock sessions expire by
     * @param faults the scripted faults and write counter
     * @param user the one user's name
     * @param password the one user's password
     * @param secondary whether the node starts as the HA secondary
     */
    public NitroHandler(Object lock, NitroStore store, Duration sessionTimeout, java.time.Clock clock, CitrixFaultPlan faults, String user,
            String password, boolean secondary) {
        this.lock = lock;
        this.store = store;
        this.sessions = new Sessions(sessionTimeout, clock);
        this.faults = faults;
        this.user = user;
        this.password = password;
        this.secondary = secondary;
        this.saved = store.snapshot();
    }

    /** @param secondary the node's HA role from now on */
    public void secondary(boolean secondary) {
        this.secondary = secondary;
    }

    /** Every current session becomes invalid. */
    public void expireSessions() {
        sessions.expireAll();
    }

    /** @return the requests since start or the last clear, in order */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = ex.getRequestURI().normalize().getRawPath();
        String rawQuery = ex.getRequestURI().getRawQuery();
        byte[] bytes = ex.getRequestBody().readAllBytes();
        String body = new String(bytes, StandardCharsets.UTF_8);
        Response r;
        try {
            r = process(ex, method, rawPath, rawQuery == null ? "" : rawQuery, body);
        } catch (SimulatorException e) {
            r = failure(e);
        } catch (RuntimeException e) {
            LOG.debug("simulator failed on {} {}", method, rawPath, e);
            r = failure(NitroErrorCodes.refusal(599, NitroErrorCodes.NOT_PERMITTED, "Operation not permitted [internal]"));
        }
        record(ex, method, rawPath, rawQuery, body, r.reset ? 0 : r.status);
        LOG.debug("{} {} -> {}", method, rawPath, r.reset ? "reset" : r.status);
        if (r.reset) {
            ex.close();
            return;
        }
        byte[] out = r.body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", r.contentType);
        r.headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(r.status, out.length == 0 ? -1 : out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    private void record(HttpExchange ex, String method, String path, String query, String body, int status) {
        Map<String, String> headers = new TreeMap<>();
        ex.getRequestHeaders().forEach((k, v) -> {
            String name = k.toLowerCase(Locale.ROOT);
            String value = v.isEmpty() ? "" : v.get(0);
            if (name.equals("x-nitro-pass") || name.equals("authorization")) {
                value = Redaction.MARK;
            } else if (name.equals("cookie") || name.equals("set-cookie")) {
                value = Redaction.redactCookies(value);
            }
            headers.put(name, value);
        });
        RecordedRequest rr = new RecordedRequest(method, path, query, headers, redact(body), status);
        synchronized (requests) {
            requests.add(rr);
        }
    }

    private static String redact(String body) {
        if (body.isEmpty()) {
            return body;
        }
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isContainerNode()) {
                return body;
            }
            return Redaction.redactFields(n, SECRET_FIELDS).toString();
        } catch (JsonProcessingException e) {
            return Redaction.MARK;
        }
    }

    private static Response failure(SimulatorException e) {
        return Response.json(e.status(), errorBody(e));
    }

    private static ObjectNode errorBody(SimulatorException e) {
        ObjectNode b = NitroStore.F.objectNode();
        b.put("errorcode", Integer.parseInt(e.vendorCode()));
        b.put("message", e.vendorMessage());
        b.put("severity", "ERROR");
        return b;
    }

    private static ObjectNode done() {
        return NitroStore.F.objectNode().put("errorcode", 0).put("message", "Done").put("severity", "NONE");
    }

    // ------------------------------------------------------------------ routing

    private Response process(HttpExchange ex, String method, String rawPath, String rawQuery, String body) {
        if (faults.takeUnavailable()) {
            return new Response(503, "<html><head><title>503 Service Unavailable</title></head>"
                    + "<body><h1>Service Unavailable</h1></body></html>", "text/html", false);
        }
        if (rawPath.startsWith(STAT_PREFIX)) {
            return stat(ex, method, rawPath.substring(STAT_PREFIX.length()), rawQuery);
        }
        if (!(rawPath.equals(PREFIX) || rawPath.startsWith(PREFIX + "/"))) {
            return new Response(404, "<html><body><h1>Not Found</h1></body></html>", "text/html", false);
        }
        String rest = rawPath.substring(PREFIX.length());
        rest = rest.startsWith("/") ? rest.substring(1) : rest;
        int slash = rest.indexOf('/');
        String resource = decode(slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
        String name = slash < 0 || slash == rest.length() - 1 ? null : decodeName(rest.substring(slash + 1));
        if (resource.isEmpty()) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "resource", "");
        }
        Map<String, String> query = parseQuery(rawQuery);
        String cookieToken = token(ex);
        if (resource.equals("login")) {
            return login(method, cookieToken, body);
        }
        String session = authenticate(ex, cookieToken);
        if (resource.equals("logout")) {
            if (!method.equals("POST")) {
                throw error(NitroErrorCodes.INVALID_VALUE, "method", method);
            }
            if (session != null) {
                sessions.close(session);
            }
            return Response.json(200, done());
        }
        switch (method) {
            case "GET":
                synchronized (lock) {
                    return read(resource, name, query);
                }
            case "POST":
            case "PUT":
            case "DELETE":
                return write(method, resource, name, query, body, ex);
            default:
                return Response.json(405, errorBody(error(NitroErrorCodes.INVALID_VALUE, "method", method)));
        }
    }

    /** A member disabled without {@code graceful} loses its connections at once. */
    private void memberDisabled(String resource, String action, ObjectNode item) {
        if (resource.equals("servicegroup") && action.equalsIgnoreCase("disable") && item.has("servername")) {
            stats.disabled(item.path("servicegroupname").asText(), item.path("servername").asText(),
                    item.path("port").asText(), item.path("graceful").asText("NO").equalsIgnoreCase("YES"));
        }
    }

    /** {@code GET /nitro/v1/stat/<type>?args=..}: statistics, for a logged-in session. */
    private Response stat(HttpExchange ex, String method, String type, String rawQuery) {
        authenticate(ex, token(ex));
        if (!method.equals("GET")) {
            throw error(NitroErrorCodes.INVALID_VALUE, "method", method);
        }
        synchronized (lock) {
            return Response.json(200, stats.read(store, decode(type).toLowerCase(Locale.ROOT),
                    pairs(parseQuery(rawQuery).get("args"))));
        }
    }

    /**
     * Sets a member's current connections (the data plane a test drives).
     *
     * @param group the service group
     * @param server the member's server name
     * @param port the member's port
     * @param count its current connections
     */
    public void connections(String group, String server, int port, long count) {
        synchronized (lock) {
            stats.set(group, server, port, count);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Names are sent double URL-encoded by the Go and Ansible clients (vendor notes 2.1); a plain name works too. */
    private static String decodeName(String raw) {
        String once = decode(raw);
        if (Pattern.compile("%[0-9A-Fa-f]{2}").matcher(once).find()) {
            return URLDecoder.decode(once, StandardCharsets.UTF_8);
        }
        return once;
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return q;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = decode(eq < 0 ? part : part.substring(0, eq)).toLowerCase(Locale.ROOT);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            q.putIfAbsent(k, v);
        }
        return q;
    }

    /** {@code k:v,k2:v2} with each value percent-decoded. */
    private static Map<String, String> pairs(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        String text = raw.contains(":") ? raw : decode(raw);
        for (String p : text.split(",")) {
            int c = p.indexOf(':');
            if (c <= 0) {
                throw error(NitroErrorCodes.INVALID_VALUE, "args", decode(p));
            }
            m.put(decode(p.substring(0, c)).toLowerCase(Locale.ROOT), decode(p.substring(c + 1)));
        }
        return m;
    }

    // ------------------------------------------------------------------ authentication

    private static String token(HttpExchange ex) {
        for (String header : List.of("Cookie", "Set-Cookie")) {
            List<String> values = ex.getRequestHeaders().get(header);
            if (values == null) {
                continue;
            }
            for (String v : values) {
                for (String c : v.split(";")) {
                    String t = c.trim();
                    if (t.startsWith(TOKEN + "=")) {
                        return t.substring(TOKEN.length() + 1);
                    }
                }
            }
        }
        return null;
    }

    /** @return the session token in use, or {@code null} for per-request header authentication */
    private String authenticate(HttpExchange ex, String token) {
        if (token != null) {
            if (sessions.use(token) != Sessions.State.VALID) {
                throw error(NitroErrorCodes.SESSION_EXPIRED);
            }
            return token;
        }
        String u = ex.getRequestHeaders().getFirst("X-NITRO-USER");
        String p = ex.getRequestHeaders().getFirst("X-NITRO-PASS");
        if (u != null || p != null) {
            if (!user.equals(u) || !password.equals(p)) {
                throw error(NitroErrorCodes.BAD_CREDENTIALS);
            }
            return null;
        }
        throw error(NitroErrorCodes.NOT_LOGGED_IN);
    }

    private Response login(String method, String cookieToken, String body) {
        if (!method.equals("POST")) {
            throw error(NitroErrorCodes.INVALID_VALUE, "method", method);
        }
        if (cookieToken != null && sessions.use(cookieToken) != Sessions.State.VALID) {
            // a stale cookie on the login itself is refused (telegraf#11478)
            throw error(NitroErrorCodes.SESSION_EXPIRED);
        }
        JsonNode wrapped = wrapped(body, "login");
        if (!wrapped.isObject()) {
            throw error(NitroErrorCodes.INVALID_ARGUMENT, "login");
        }
        ObjectNode login = (ObjectNode) wrapped;
        for (Iterator<String> it = login.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!Set.of("username", "password", "timeout").contains(f)) {
                throw error(NitroErrorCodes.INVALID_ARGUMENT, f);
            }
        }
        String u = login.path("username").asText("");
        String p = login.path("password").asText("");
        if (u.isEmpty()) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, "username");
        }
        if (p.isEmpty()) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, "password");
        }
        if (!user.equals(u) || !password.equals(p)) {
            throw error(NitroErrorCodes.BAD_CREDENTIALS);
        }
        Duration requested = null;
        if (login.has("timeout")) {
            JsonNode t = login.get("timeout");
            long seconds = t.isIntegralNumber() ? t.longValue() : t.isTextual() ? parse(t.textValue()) : -1;
            if (seconds <= 0) {
                throw error(NitroErrorCodes.INVALID_VALUE, "timeout", t.asText());
            }
            requested = Duration.ofSeconds(seconds);
        }
        String token = sessions.open(requested);
        Response r = Response.json(201, done().put("sessionid", token));
        r.headers.put("Set-Cookie", TOKEN + "=" + token + "; path=/nitro/v1");
        return r;
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ------------------------------------------------------------------ reads

    private Response read(String resource, String name, Map<String, String> query) {
        ObjectNode out = done();
        ArrayNode rows;
        boolean bulk = "yes".equalsIgnoreCase(query.get("bulkbindings"));
        switch (resource) {
            case "hanode":
                rows = hanodes(name);
                break;
            case "nsconfig": {
                ObjectNode c = NitroStore.F.objectNode().put("ipaddress", "127.0.0.1").put("netmask", "255.0.0.0")
                        .put("configchanged", !store.snapshot().equals(saved));
                return Response.json(200, out.set("nsconfig", c));
            }
            case "nsversion":
                return Response.json(200, out.set("nsversion", NitroStore.F.objectNode()
                        .put("installedversion", "true".equalsIgnoreCase(pairs(query.get("args")).get("installedversion")))
                        .put("version", VERSION).put("mode", "1")));
            case "systemfile":
                rows = store.files(name, pairs(query.get("args")));
                break;
            default:
                if (AGGREGATES.contains(resource)) {
                    if (name == null && !bulk) {
                        throw error(NitroErrorCodes.ARGUMENT_MISSING, "name");
                    }
                    rows = store.readAggregate(resource.substring(0, resource.length() - "_binding".length()), name);
                } else {
                    ResourceDef d = NitroStore.def(resource);
                    if (d.isBinding() && name == null && !bulk) {
                        throw error(NitroErrorCodes.ARGUMENT_MISSING, d.key);
                    }
                    rows = store.read(resource, name);
                    Map<String, String> args = pairs(query.get("args"));
                    for (String a : args.keySet()) {
                        if (!d.getArgs.contains(a)) {
                            throw error(NitroErrorCodes.INVALID_ARGUMENT, a);
                        }
                    }
                    rows = filter(rows, args, false);
                }
                break;
        }
        rows = filter(rows, pairs(query.get("filter")), true);
        if ("yes".equalsIgnoreCase(query.get("count"))) {
            out.putArray(resource).addObject().put("__count", rows.size());
            return Response.json(200, out);
        }
        rows = page(rows, query);
        if (query.containsKey("attrs")) {
            rows = project(rows, query.get("attrs"), resource);
        }
        if (!rows.isEmpty()) {
            out.set(resource, rows);
        }
        return Response.json(200, out);
    }

    private ArrayNode hanodes(String name) {
        ArrayNode a = NitroStore.F.arrayNode();
        String local = secondary ? "Secondary" : "Primary";
        String peer = secondary ? "Primary" : "Secondary";
        for (int id = 0; id < 2; id++) {
            if (name != null && !name.equals(String.valueOf(id))) {
                continue;
            }
            a.addObject().put("id", String.valueOf(id)).put("name", id == 0 ? "sim-local" : "sim-peer")
                    .put("ipaddress", id == 0 ? "127.0.0.1" : "192.0.2.2").put("hastatus", "ENABLED")
                    .put("state", id == 0 ? local : peer).put("hasync", "ENABLED").put("haprop", "ENABLED")
                    .put("hellointerval", 200).put("deadinterval", 3);
        }
        if (name != null && a.isEmpty()) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "id", name);
        }
        return a;
    }

    private static ArrayNode filter(ArrayNode rows, Map<String, String> filter, boolean regex) {
        if (filter.isEmpty()) {
            return rows;
        }
        ArrayNode out = NitroStore.F.arrayNode();
        for (JsonNode row : rows) {
            boolean keep = true;
            for (Map.Entry<String, String> f : filter.entrySet()) {
                JsonNode v = row.get(f.getKey());
                if (v == null || !matches(v.isArray() ? v.toString() : v.asText(), f.getValue(), regex)) {
                    keep = false;
                    break;
                }
            }
            if (keep) {
                out.add(row);
            }
        }
        return out;
    }

    private static boolean matches(String value, String wanted, boolean regex) {
        if (regex && wanted.length() >= 2 && wanted.startsWith("/") && wanted.endsWith("/")) {
            try {
                return Pattern.compile(wanted.substring(1, wanted.length() - 1)).matcher(value).find();
            } catch (PatternSyntaxException e) {
                throw error(NitroErrorCodes.INVALID_VALUE, "filter", wanted);
            }
        }
        return value.equals(wanted);
    }

    private static ArrayNode page(ArrayNode rows, Map<String, String> query) {
        if (!query.containsKey("pagesize")) {
            return rows;
        }
        long size = parse(query.get("pagesize"));
        long no = query.containsKey("pageno") ? parse(query.get("pageno")) : 1;
        if (size <= 0 || no <= 0) {
            throw error(NitroErrorCodes.INVALID_VALUE, "pagesize", query.get("pagesize"));
        }
        ArrayNode out = NitroStore.F.arrayNode();
        for (long i = (no - 1) * size; i < Math.min(rows.size(), no * size); i++) {
            out.add(rows.get((int) i));
        }
        return out;
    }

    private static ArrayNode project(ArrayNode rows, String rawAttrs, String resource) {
        ResourceDef d = Schema.get(resource);
        Set<String> keep = ResourceDef.set(decode(rawAttrs).toLowerCase(Locale.ROOT));
        ArrayNode out = NitroStore.F.arrayNode();
        for (JsonNode row : rows) {
            ObjectNode o = NitroStore.F.objectNode();
            row.properties().forEach(e -> {
                if (keep.contains(e.getKey()) || d != null && e.getKey().equals(d.key)) {
                    o.set(e.getKey(), e.getValue());
                }
            });
            out.add(o);
        }
        return out;
    }

    // ------------------------------------------------------------------ writes

    private Response write(String method, String resource, String name, Map<String, String> query, String body,
            HttpExchange ex) {
        String action = query.get("action");
        boolean save = resource.equals("nsconfig") && "save".equalsIgnoreCase(action);
        CitrixFaultPlan.Decision d = save ? faults.nextSave() : faults.nextWrite();
        if (!d.delay.isZero()) {
            sleep(d.delay);
        }
        if (d.reset) {
            return new Response(0, "", "text/plain", true);
        }
        if (d.failure != null) {
            throw d.failure;
        }
        Response applied = applyWrite(method, resource, name, query, body, ex, save);
        if (d.resetAfter) {
            return new Response(0, "", "text/plain", true);
        }
        if (d.failureAfter != null) {
            throw d.failureAfter;
        }
        return applied;
    }

    /** A write past its faults: changes the store (or saves) and answers. */
    private Response applyWrite(String method, String resource, String name, Map<String, String> query, String body,
            HttpExchange ex, boolean save) {
        String action = query.get("action");
        if (secondary) {
            throw error(NitroErrorCodes.NOT_PRIMARY);
        }
        if (save) {
            return save(method, body);
        }
        String onerror = ex.getRequestHeaders().getFirst("X-NITRO-ONERROR");
        Mode mode = Mode.of(onerror);
        synchronized (lock) {
            if (method.equals("DELETE")) {
                if (name == null) {
                    throw error(NitroErrorCodes.ARGUMENT_MISSING, "name");
                }
                ObjectNode touched = NitroStore.F.objectNode();
                ResourceDef d = Schema.get(resource);
                touched.put(d == null ? "name" : d.key, name);
                faults.checkTouch(resource, touched);
                if (resource.equals("systemfile")) {
                    store.deleteFile(name, pairs(query.get("args")));
                } else {
                    store.delete(resource, name, pairs(query.get("args")));
                }
                return Response.json(200, done());
            }
            if (resource.equals("macroapi")) {
                return macro(action, body, mode);
            }
            JsonNode payload = wrapped(body, resource);
            if (method.equals("PUT")) {
                boolean binding = NitroStore.isBinding(resource);
                return run(resource, payload, mode, binding ? 201 : 200, binding,
                        item -> store.update(resource, item, name));
            }
            if (action != null) {
                if (resource.equals("nsconfig")) {
                    throw error(NitroErrorCodes.INVALID_VALUE, "action", action);
                }
                return run(resource, payload, mode, 200, false, item -> {
                    store.action(resource, action, item);
                    memberDisabled(resource, action, item);
                });
            }
            if (resource.equals("systemfile")) {
                return run(resource, payload, mode, 201, true, store::addFile);
            }
            boolean idempotent = "yes".equalsIgnoreCase(query.get("idempotent"));
            return run(resource, payload, mode, 201, true, item -> store.add(resource, item, idempotent));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Response save(String method, String body) {
        if (!method.equals("POST")) {
            throw error(NitroErrorCodes.INVALID_VALUE, "method", method);
        }
        if (!body.isBlank()) {
            JsonNode n = wrapped(body, "nsconfig");
            if (!n.isObject()) {
                throw error(NitroErrorCodes.INVALID_ARGUMENT, "nsconfig");
            }
            n.fieldNames().forEachRemaining(f -> {
                if (!f.equals("all")) {
                    throw error(NitroErrorCodes.INVALID_ARGUMENT, f);
                }
            });
        }
        if (faults.takeSaveBusy()) {
            throw error(NitroErrorCodes.IN_PROGRESS);
        }
        synchronized (lock) {
            saved = store.snapshot();
        }
        return Response.json(200, done());
    }

    /** The body's single key must be the resource; its value is one object or an array (bulk). */
    private static JsonNode wrapped(String body, String resource) {
        JsonNode n;
        try {
            n = body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw error(NitroErrorCodes.INVALID_ARGUMENT, "request body is not JSON");
        }
        if (n == null || !n.isObject()) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, resource);
        }
        JsonNode v = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equalsIgnoreCase(resource)) {
                throw error(NitroErrorCodes.INVALID_ARGUMENT, e.getKey());
            }
            v = e.getValue();
        }
        if (v == null) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, resource);
        }
        if (!v.isObject() && !v.isArray()) {
            throw error(NitroErrorCodes.INVALID_VALUE, resource, v.asText());
        }
        return v;
    }

    /** {@code X-NITRO-ONERROR}: exit (default) stops at the first error and keeps what was done. */
    private enum Mode {
        EXIT, CONTINUE, ROLLBACK;

        static Mode of(String header) {
            if (header == null || header.isBlank()) {
                return EXIT;
            }
            switch (header.trim().toLowerCase(Locale.ROOT)) {
                case "exit":
                    return EXIT;
                case "continue":
                    return CONTINUE;
                case "rollback":
                    return ROLLBACK;
                default:
                    throw error(NitroErrorCodes.INVALID_VALUE, "X-NITRO-ONERROR", header);
            }
        }
    }

    private static final class Item {
        final String resource;
        final ObjectNode attrs;

        Item(String resource, ObjectNode attrs) {
            this.resource = resource;
            this.attrs = attrs;
        }
    }

    private interface Op {
        void apply(Item item);
    }

    /** One object runs as a single request; an array runs as a bulk request. */
    private Response run(String resource, JsonNode payload, Mode mode, int okStatus, boolean addOrBind,
            Consumer<ObjectNode> op) {
        if (payload.isObject()) {
            faults.checkTouch(resource, (ObjectNode) payload);
            op.accept((ObjectNode) payload);
            return Response.json(okStatus, done());
        }
        List<Item> items = new ArrayList<>();
        for (JsonNode x : payload) {
            if (!x.isObject()) {
                throw error(NitroErrorCodes.INVALID_VALUE, resource, x.asText());
            }
            items.add(new Item(resource, (ObjectNode) x));
        }
        if (items.isEmpty()) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, resource);
        }
        return bulk(items, mode, okStatus, addOrBind, item -> op.accept(item.attrs));
    }

    private Response bulk(List<Item> items, Mode mode, int okStatus, boolean addOrBind, Op op) {
        // rollback undoes only adds and binds (vendor notes 3.2); elsewhere it stops like exit
        NitroStore before = mode == Mode.ROLLBACK && addOrBind ? store.copy() : null;
        ArrayNode results = NitroStore.F.arrayNode();
        ObjectNode lastFailure = null;
        for (Item item : items) {
            try {
                faults.checkTouch(item.resource, item.attrs);
                op.apply(item);
                results.add(done());
            } catch (SimulatorException e) {
                lastFailure = errorBody(e);
                results.add(lastFailure);
                if (mode != Mode.CONTINUE) {
                    break;
                }
            }
        }
        if (lastFailure == null) {
            return Response.json(okStatus, done());
        }
        if (before != null) {
            store.restore(before);
        }
        ObjectNode b = errorBody(error(NitroErrorCodes.BULK_FAILED));
        if (mode == Mode.CONTINUE) {
            b.set("response", results);
        } else {
            b.putArray("response").add(lastFailure);
        }
        return Response.json(207, b);
    }

    /** {@code POST /config/macroapi}: several resource types in one body, in body order; all adds or all removes. */
    private Response macro(String action, String body, Mode mode) {
        boolean remove;
        if (action == null || action.equalsIgnoreCase("add")) {
            remove = false;
        } else if (action.equalsIgnoreCase("remove") || action.equalsIgnoreCase("rm")) {
            remove = true;
        } else {
            throw error(NitroErrorCodes.INVALID_VALUE, "action", action);
        }
        JsonNode n;
        try {
            n = body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw error(NitroErrorCodes.INVALID_ARGUMENT, "request body is not JSON");
        }
        if (n == null || !n.isObject() || n.isEmpty()) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, "macroapi");
        }
        List<Item> items = new ArrayList<>();
        n.properties().forEach(e -> {
            String type = e.getKey().toLowerCase(Locale.ROOT);
            JsonNode v = e.getValue();
            for (JsonNode x : v.isArray() ? v : List.of(v)) {
                if (!x.isObject()) {
                    throw error(NitroErrorCodes.INVALID_VALUE, type, x.asText());
                }
                items.add(new Item(type, (ObjectNode) x));
            }
        });
        Op op = remove ? this::removeItem : item -> {
            if (item.resource.equals("systemfile")) {
                store.addFile(item.attrs);
            } else {
                store.add(item.resource, item.attrs, false);
            }
        };
        return bulk(items, mode, remove ? 200 : 201, !remove, op);
    }

    private void removeItem(Item item) {
        ResourceDef d = NitroStore.def(item.resource);
        String key = item.attrs.path(d.key).asText("");
        if (key.isEmpty()) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, d.key);
        }
        Map<String, String> args = new LinkedHashMap<>();
        item.attrs.properties().forEach(e -> {
            if (!e.getKey().equals(d.key)) {
                JsonNode v = e.getValue();
                args.put(e.getKey(), v instanceof TextNode ? v.textValue() : v.asText());
            }
        });
        store.delete(item.resource, key, args);
    }
}
