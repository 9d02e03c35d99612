package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;
import static io.hakit.citrix.sim.internal.NitroRequestDecoder.parse;
import static io.hakit.citrix.sim.internal.NitroRequestDecoder.wrapped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Who may call the simulated ADC, as NITRO decides it: login and logout, the
 * {@code NITRO_AUTH_TOKEN} session cookie (444 when expired), per-request {@code X-NITRO-USER} /
 * {@code X-NITRO-PASS} headers (354 when wrong), and 1027 for neither. Thread-safe.
 */
final class NitroAuthentication {
    private static final String TOKEN = "NITRO_AUTH_TOKEN";

    private final Sessions sessions;
    private final String user;
    private final String password;

    NitroAuthentication(Duration sessionTimeout, Clock clock, String user, String password) {
        this.sessions = new Sessions(sessionTimeout, clock);
        this.user = user;
        this.password = password;
    }

    /** Every current session becomes invalid. */
    void expireSessions() {
        sessions.expireAll();
    }

    /** @return the {@code NITRO_AUTH_TOKEN} the request carries in a cookie, or {@code null} */
    static String token(HttpExchange ex) {
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
    String authenticate(HttpExchange ex, String token) {
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

    /** {@code POST /config/login}: opens a session and answers its token in the body and a cookie. */
    NitroResponse login(String method, String cookieToken, String body) {
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
        NitroResponse r = NitroResponse.json(201, NitroResponse.done().put("sessionid", token));
        r.headers.put("Set-Cookie", TOKEN + "=" + token + "; path=/nitro/v1");
        return r;
    }

    /** {@code POST /config/logout}: closes the session the request used, if any. */
    NitroResponse logout(String method, String session) {
        if (!method.equals("POST")) {
            throw error(NitroErrorCodes.INVALID_VALUE, "method", method);
        }
        if (session != null) {
            sessions.close(session);
        }
        return NitroResponse.json(200, NitroResponse.done());
    }
}
