package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;
import static io.hakit.citrix.sim.internal.NitroRequestDecoder.decode;
import static io.hakit.citrix.sim.internal.NitroRequestDecoder.decodeName;
import static io.hakit.citrix.sim.internal.NitroRequestDecoder.pairs;
import static io.hakit.citrix.sim.internal.NitroRequestDecoder.parseQuery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.hakit.sim.RecordedRequest;
import io.hakit.sim.RequestKind;
import io.hakit.sim.SimulatorException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves NITRO over HTTP from one {@link NitroStore}: routes each request to
 * {@link NitroAuthentication} (login, logout, who may call), {@link ReadRequests},
 * {@link WriteRequests} (with {@link BulkRequests} and {@link ConfigSaves}) or the member statistics,
 * after counting it for numbered faults by its {@link RequestKind} and applying the fault it meets;
 * every request goes to the {@link RequestLog}.
 */
public final class NitroHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(NitroHandler.class);
    private static final String PREFIX = "/nitro/v1/config";
    private static final String STAT_PREFIX = "/nitro/v1/stat/";

    private final Object lock;
    private final NitroStore store;
    private final NitroAuthentication auth;
    private final CitrixFaultPlan faults;
    private final MemberStats stats = new MemberStats();
    private final RequestLog log = new RequestLog();
    private final ReadRequests reads;
    private final WriteRequests writes;
    private volatile boolean secondary;

    /** One request as counted for faults ({@code null}: a request only) and the work that answers it. */
    private record Routed(RequestKind kind, Supplier<NitroResponse> answer) {
    }

    /**
     * @param lock the lock around every use of the store
     * @param store the configuration
     * @param sessionTimeout the longest idle time of a session
     * @param clock the clock sessions expire by
     * @param faults the scripted faults and the request counts
     * @param user the one user's name
     * @param password the one user's password
     * @param secondary whether the node starts as the HA secondary
     */
    public NitroHandler(Object lock, NitroStore store, Duration sessionTimeout, Clock clock, CitrixFaultPlan faults,
            String user, String password, boolean secondary) {
        this.lock = lock;
        this.store = store;
        this.auth = new NitroAuthentication(sessionTimeout, clock, user, password);
        this.faults = faults;
        this.secondary = secondary;
        ConfigSaves saves = new ConfigSaves(lock, store, faults);
        this.reads = new ReadRequests(store, saves, () -> this.secondary);
        this.writes = new WriteRequests(lock, store, faults, stats, saves, () -> this.secondary);
    }

    /** @param secondary the node's HA role from now on */
    public void secondary(boolean secondary) {
        this.secondary = secondary;
    }

    /** Every current session becomes invalid. */
    public void expireSessions() {
        auth.expireSessions();
    }

    /** @return the requests since start or the last clear, in order */
    public List<RecordedRequest> requests() {
        return log.requests();
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        log.clear();
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

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = ex.getRequestURI().normalize().getRawPath();
        String rawQuery = ex.getRequestURI().getRawQuery();
        byte[] bytes = ex.getRequestBody().readAllBytes();
        String body = new String(bytes, StandardCharsets.UTF_8);
        NitroResponse r;
        try {
            r = process(ex, method, rawPath, rawQuery == null ? "" : rawQuery, body);
        } catch (SimulatorException e) {
            r = NitroResponse.failure(e);
        } catch (RuntimeException e) {
            LOG.debug("simulator failed on {} {}", method, rawPath, e);
            r = NitroResponse.failure(
                    NitroErrorCodes.refusal(599, NitroErrorCodes.NOT_PERMITTED, "Operation not permitted [internal]"));
        }
        log.record(ex, method, rawPath, rawQuery, body, r.reset ? 0 : r.status);
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

    /** Counts the request once for numbered faults, then answers it through the fault it meets. */
    private NitroResponse process(HttpExchange ex, String method, String rawPath, String rawQuery, String body) {
        if (faults.takeUnavailable()) {
            // the front end answers before authentication: a request only
            faults.next(null);
            return new NitroResponse(503, "<html><head><title>503 Service Unavailable</title></head>"
                    + "<body><h1>Service Unavailable</h1></body></html>", "text/html", false);
        }
        Routed routed;
        try {
            routed = route(ex, method, rawPath, rawQuery, body);
        } catch (RuntimeException e) {
            // refused before authentication (or unreadable): a request only, answered past its fault
            routed = new Routed(null, () -> {
                throw e;
            });
        }
        return faulted(faults.next(routed.kind()), routed.answer());
    }

    /**
     * Sorts a request by {@link RequestKind} (authenticating it when it needs to be) and finds what
     * answers it; changes nothing but a session's last use.
     *
     * @throws RuntimeException when the request is refused before it is authenticated
     */
    private Routed route(HttpExchange ex, String method, String rawPath, String rawQuery, String body) {
        if (rawPath.startsWith(STAT_PREFIX)) {
            auth.authenticate(ex, NitroAuthentication.token(ex));
            return new Routed(RequestKind.READ, () -> stat(method, rawPath.substring(STAT_PREFIX.length()), rawQuery));
        }
        if (!(rawPath.equals(PREFIX) || rawPath.startsWith(PREFIX + "/"))) {
            return new Routed(null,
                    () -> new NitroResponse(404, "<html><body><h1>Not Found</h1></body></html>", "text/html", false));
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
        String cookieToken = NitroAuthentication.token(ex);
        if (resource.equals("login")) {
            return new Routed(RequestKind.SESSION, () -> auth.login(method, cookieToken, body));
        }
        String session = auth.authenticate(ex, cookieToken);
        if (resource.equals("logout")) {
            return new Routed(RequestKind.SESSION, () -> auth.logout(method, session));
        }
        switch (method) {
            case "GET":
                return new Routed(RequestKind.READ, () -> {
                    synchronized (lock) {
                        return reads.read(resource, name, query);
                    }
                });
            case "POST":
            case "PUT":
            case "DELETE": {
                boolean save = resource.equals("nsconfig") && "save".equalsIgnoreCase(query.get("action"));
                return new Routed(save ? RequestKind.SAVE : RequestKind.WRITE,
                        () -> writes.apply(method, resource, name, query, body, ex, save));
            }
            default:
                // a method NITRO does not serve is refused: a request only
                return new Routed(null, () -> NitroResponse.json(405,
                        NitroResponse.errorBody(error(NitroErrorCodes.INVALID_VALUE, "method", method))));
        }
    }

    /** Answers through a numbered fault: delayed, dropped or refused before the work, or after it. */
    private static NitroResponse faulted(CitrixFaultPlan.Decision d, Supplier<NitroResponse> answer) {
        if (!d.delay.isZero()) {
            sleep(d.delay);
        }
        if (d.reset) {
            return NitroResponse.reset();
        }
        if (d.failure != null) {
            throw d.failure;
        }
        NitroResponse applied = answer.get();
        if (d.resetAfter) {
            return NitroResponse.reset();
        }
        if (d.failureAfter != null) {
            throw d.failureAfter;
        }
        return applied;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code GET /nitro/v1/stat/<type>?args=..}: statistics, for a logged-in session. */
    private NitroResponse stat(String method, String type, String rawQuery) {
        if (!method.equals("GET")) {
            throw error(NitroErrorCodes.INVALID_VALUE, "method", method);
        }
        synchronized (lock) {
            return NitroResponse.json(200, stats.read(store, decode(type).toLowerCase(Locale.ROOT),
                    pairs(parseQuery(rawQuery).get("args"))));
        }
    }
}
