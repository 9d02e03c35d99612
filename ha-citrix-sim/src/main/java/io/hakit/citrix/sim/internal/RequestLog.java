package io.hakit.citrix.sim.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.hakit.sim.RecordedRequest;
import io.hakit.sim.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The requests the simulator received, in order, with passwords, keys and session cookies redacted.
 * Thread-safe.
 */
final class RequestLog {
    private static final Set<String> SECRET_FIELDS = Set.of("password", "passplain", "secondarypassword", "radkey",
            "secureargs", "filecontent");

    private final List<RecordedRequest> requests = new ArrayList<>();

    /** Records one request and what it was answered (0 for a closed connection). */
    void record(HttpExchange ex, String method, String path, String query, String body, int status) {
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
            JsonNode n = NitroRequestDecoder.JSON.readTree(body);
            if (n == null || !n.isContainerNode()) {
                return body;
            }
            return Redaction.redactFields(n, SECRET_FIELDS).toString();
        } catch (JsonProcessingException e) {
            return Redaction.MARK;
        }
    }

    /** @return the requests since start or the last clear, in order */
    List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Forgets the recorded requests. */
    void clear() {
        synchronized (requests) {
            requests.clear();
        }
    }
}
