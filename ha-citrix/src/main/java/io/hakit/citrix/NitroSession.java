package io.hakit.citrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failsafe.RetryPolicy;
import io.hakit.model.Retry;
import io.hakit.model.TransportException;
import io.hakit.rest.Policies;
import io.hakit.rest.RestRequest;
import io.hakit.rest.RestResponse;
import io.hakit.rest.RestTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A NITRO session over the shared transport: logs in ({@code POST login}, the {@code NITRO_AUTH_TOKEN} cookie),
 * logs in again once when the device says the session expired (401 with errorcode 444 or 1027), sends
 * {@code X-NITRO-USER}/{@code X-NITRO-PASS} instead in sessionless mode, sends a request again while the device
 * answers 503 (the {@link Retry} policy), and reads every answer as NITRO JSON. Counts every request.
 * Never logs the password, the cookie or a body. Thread-safe.
 */
final class NitroSession implements AutoCloseable {

    static final String CONFIG = "/nitro/v1/config/";
    private static final Logger LOG = LoggerFactory.getLogger(NitroSession.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COOKIE = "NITRO_AUTH_TOKEN=";

    private final RestTransport transport;
    private final String user;
    private final char[] password;
    private final boolean sessionless;
    private final Duration sessionTimeout;
    private final RetryPolicy<NitroResponse> unavailable;
    private final AtomicInteger requests = new AtomicInteger();
    private final Object lock = new Object();
    private volatile String token;

    NitroSession(RestTransport transport, String user, char[] password, boolean sessionless, Duration sessionTimeout,
            Retry retry) {
        this.transport = transport;
        this.user = Objects.requireNonNull(user, "user (credentials)");
        this.password = Objects.requireNonNull(password, "password (credentials)").clone();
        this.sessionless = sessionless;
        this.sessionTimeout = sessionTimeout;
        this.unavailable = Policies.retryWhen(retry, r -> r.status() == 503);
    }

    /** A NITRO answer: status, JSON body (null when empty or for 503) and the transport's response. */
    record NitroResponse(int status, JsonNode body, RestResponse raw) {
        int errorcode() {
            return body == null ? 0 : body.path("errorcode").asInt(0);
        }
    }

    int requestCount() {
        return requests.get();
    }

    boolean sessionless() {
        return sessionless;
    }

    String user() {
        return user;
    }

    RestTransport transport() {
        return transport;
    }

    void login() {
        if (sessionless) {
            return;
        }
        synchronized (lock) {
            if (token == null) {
                token = newSession();
            }
        }
    }

    private String newSession() {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("login").put("username", user).put("password", new String(password))
                .put("timeout", sessionTimeout.toSeconds());
        NitroResponse r = Policies.run(unavailable, () -> send("POST", CONFIG + "login", body, Map.of()));
        if (r.status() >= 300) {
            throw NitroErrors.of(r, "login", "POST " + CONFIG + "login");
        }
        for (String v : r.raw().header("Set-Cookie")) {
            if (v.startsWith(COOKIE)) {
                String t = v.substring(COOKIE.length());
                int semi = t.indexOf(';');
                return semi < 0 ? t : t.substring(0, semi);
            }
        }
        JsonNode sid = r.body() == null ? null : r.body().get("sessionid");
        if (sid != null && sid.isTextual() && !sid.asText().isEmpty()) {
            return sid.asText();
        }
        throw new TransportException(transport.url().getHost() + " accepted the login but sent no NITRO_AUTH_TOKEN"
                + " cookie or sessionid: is " + transport.url() + " a Citrix ADC management address?");
    }

    /** Ends the session ({@code POST logout}). Never throws; does nothing when not logged in. */
    void logout() {
        String t;
        synchronized (lock) {
            t = token;
            token = null;
        }
        if (t == null) {
            return;
        }
        try {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("logout");
            send("POST", CONFIG + "logout", body, Map.of("Cookie", COOKIE + t));
        } catch (RuntimeException e) {
            LOG.debug("logout from {} failed: {}", transport.url().getHost(), e.getMessage());
        }
    }

    /**
     * Sends an authenticated request: logged in (or sessionless), 503 answers sent again, an expired session
     * renewed once.
     */
    NitroResponse exchange(String method, String pathAndQuery, ObjectNode body, Map<String, String> headers) {
        boolean relogged = false;
        while (true) {
            String[] used = new String[1];
            NitroResponse r = Policies.run(unavailable, () -> {
                Map<String, String> h = new LinkedHashMap<>(headers);
                if (sessionless) {
                    h.put("X-NITRO-USER", user);
                    h.put("X-NITRO-PASS", new String(password));
                } else {
                    login();
                    used[0] = token;
                    h.put("Cookie", COOKIE + used[0]);
                }
                return send(method, pathAndQuery, body, h);
            });
            if (r.status() == 401 && !sessionless && !relogged && NitroError.SESSION_EXPIRED.contains(r.errorcode())) {
                LOG.debug("session expired (errorcode {}) on {} {}: logging in again", r.errorcode(), method,
                        NitroErrors.stripQuery(pathAndQuery));
                synchronized (lock) {
                    if (Objects.equals(token, used[0])) {
                        token = null;
                    }
                }
                relogged = true;
                continue;
            }
            return r;
        }
    }

    private NitroResponse send(String method, String pathAndQuery, ObjectNode body, Map<String, String> headers) {
        byte[] bytes = null;
        if (body != null) {
            try {
                bytes = JSON.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write the body of " + method + " " + pathAndQuery, e);
            }
        }
        requests.incrementAndGet();
        LOG.debug("NITRO {} {}", method, NitroErrors.stripQuery(pathAndQuery));
        RestResponse resp = transport.execute(new RestRequest(method, pathAndQuery, headers, bytes, RestRequest.JSON));
        if (resp.status() == 503) {
            // unavailable: whatever the body (often an HTML page), the request was not processed
            return new NitroResponse(503, null, resp);
        }
        JsonNode json = null;
        String text = resp.text();
        if (!text.isBlank()) {
            try {
                json = JSON.readTree(text);
            } catch (IOException e) {
                json = null;
            }
            if (json == null || !json.isObject()) {
                String ctype = resp.contentType() == null ? "" : resp.contentType();
                throw new TransportException(transport.url().getHost() + " answered " + method + " "
                        + NitroErrors.stripQuery(pathAndQuery) + " with HTTP " + resp.status() + " "
                        + (ctype.isEmpty() ? "and a body" : ctype) + " that is not NITRO JSON: is " + transport.url()
                        + " a Citrix ADC management address?");
            }
        }
        return new NitroResponse(resp.status(), json, resp);
    }

    @Override
    public void close() {
        logout();
        transport.close();
        Arrays.fill(password, '\0');
    }
}
