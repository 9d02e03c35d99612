package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.hakit.sim.RecordedRequest;
import io.hakit.sim.Redaction;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns HTTP exchanges into {@link SimRequest}s, applies scheduled faults, records every
 * request (secrets redacted) and writes the answers.
 */
public final class HttpFront implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
    private static final String REDACTED = Redaction.MARK;

    /** Thrown inside the handler to make the server drop the connection without an answer. */
    private static final class Reset extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Reset() {
            super("connection reset by fault injection", null, false, false);
        }
    }

    private final Device device;
    private final F5FaultPlan faults;
    private final List<RecordedRequest> recorded = new ArrayList<>();

    /**
     * @param device the device
     * @param faults the fault plan
     */
    public HttpFront(Device device, F5FaultPlan faults) {
        this.device = device;
        this.faults = faults;
    }

    /** @return the recorded requests, oldest first */
    public synchronized List<RecordedRequest> recorded() {
        return Collections.unmodifiableList(new ArrayList<>(recorded));
    }

    /** Forgets the recorded requests. */
    public synchronized void clear() {
        recorded.clear();
    }

    private synchronized void record(SimRequest r, int status) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        r.headers().forEach((k, v) -> headers.put(k, k.equalsIgnoreCase("X-F5-Auth-Token")
                || k.equalsIgnoreCase("Authorization") ? REDACTED : v));
        String path = r.rawPath();
        if (path.startsWith("/mgmt/shared/authz/tokens/") && path.length() > "/mgmt/shared/authz/tokens/".length()) {
            path = "/mgmt/shared/authz/tokens/" + REDACTED;
        }
        String body;
        if (r.body().length == 0) {
            body = "";
        } else if (path.startsWith("/mgmt/shared/file-transfer/")) {
            body = "<" + r.body().length + " bytes>";
        } else {
            try {
                JsonNode n = F5SimJson.MAPPER.readTree(r.body());
                Device.redactIn(n);
                body = F5SimJson.write(n);
            } catch (IOException e) {
                body = new String(r.body(), StandardCharsets.UTF_8);
            }
        }
        recorded.add(new RecordedRequest(r.method(), path, r.rawQuery(), headers, body, status));
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        SimRequest r = request(ex);
        F5FaultPlan.Fault f = faults.next(device.kind(r));
        SimResponse resp;
        if (f != null && f.kind() == F5FaultPlan.Kind.DELAY) {
            try {
                Thread.sleep(f.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            f = null;
        }
        if (f != null && (f.kind() == F5FaultPlan.Kind.RESET_AFTER || f.kind() == F5FaultPlan.Kind.FAIL_AFTER)) {
            SimResponse hidden;
            synchronized (device) {
                hidden = device.handle(r);
            }
            LOG.debug("fault {} on {} {} (handled: {})", f.kind(), r.method(), r.path(), hidden.status());
            if (f.kind() == F5FaultPlan.Kind.RESET_AFTER) {
                record(r, 0);
                throw new Reset();
            }
            f = new F5FaultPlan.Fault(F5FaultPlan.Kind.FAIL, f.status(), f.message(), null);
        }
        if (f == null) {
            synchronized (device) {
                try {
                    resp = device.handle(r);
                } catch (RuntimeException e) {
                    LOG.warn("F5 simulator failed on {} {}", r.method(), r.path(), e);
                    resp = SimResponse.error(SimulatedF5Error.tmos(500, "F5 simulator internal error: " + e, 1));
                }
                record(r, resp.status());
            }
        } else {
            LOG.debug("fault {} on {} {}", f.kind(), r.method(), r.path());
            switch (f.kind()) {
                case RESET:
                    record(r, 0);
                    throw new Reset();
                case FAIL:
                    resp = SimResponse.error(SimulatedF5Error.tmos(f.status(), f.message(), 3));
                    break;
                case UNAVAILABLE:
                    resp = SimResponse.html(503, r.path());
                    break;
                default:
                    resp = SimResponse.html(f.status(), r.path());
                    break;
            }
            record(r, resp.status());
        }
        ex.getResponseHeaders().set("Content-Type", resp.contentType());
        resp.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        byte[] body = resp.body();
        ex.sendResponseHeaders(resp.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    private static SimRequest request(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String rawPath = ex.getRequestURI().getRawPath();
        String rawQuery = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(k, v);
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ex.getRequestHeaders().forEach((k, v) -> {
            if (!v.isEmpty()) {
                headers.put(k, v.get(0));
            }
        });
        String path = Names.decodePath(rawPath);
        if (path.length() > 1 && path.endsWith("/") && !path.startsWith("/mgmt/shared/authz/tokens/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new SimRequest(ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT), path, rawPath, rawQuery,
                Collections.unmodifiableMap(query), Collections.unmodifiableMap(headers), body,
                ex.getRemoteAddress().getAddress().getHostAddress());
    }
}
