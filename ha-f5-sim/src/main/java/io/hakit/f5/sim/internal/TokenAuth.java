package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Authentication as restjavad does it: Basic credentials or an {@code X-F5-Auth-Token}; login
 * with a cap of live tokens per user; listing, extending (within the absolute maximum lifetime)
 * and deleting tokens; and tokens that expire. Not thread-safe: the device serialises access.
 */
final class TokenAuth {
    /** Absolute maximum token lifetime (vendor notes §1). */
    static final long MAX_TOKEN_SECONDS = 36_000;
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final Device.Settings settings;
    private final DeviceClock clock;
    private final OperationIds ids;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Token> tokens = new LinkedHashMap<>();

    /**
     * @param settings the users, token lifetime and cap
     * @param clock the clock tokens expire by
     * @param ids numbers the error bodies
     */
    TokenAuth(Device.Settings settings, DeviceClock clock, OperationIds ids) {
        this.settings = settings;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Whether a request would pass {@link #authenticate}, without forgetting an expired token.
     *
     * @param r a request
     * @return whether it carries an unexpired token or Basic credentials that match
     */
    boolean accepts(SimRequest r) {
        String token = r.header("X-F5-Auth-Token");
        if (token != null) {
            Token t = tokens.get(token.trim());
            return t != null && t.expiresMicros > clock.nowMicros();
        }
        String auth = r.header("Authorization");
        return auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6) && basicUser(auth) != null;
    }

    /** One token: whose, and when it was made, last extended and expires. */
    private static final class Token {
        String id;
        String user;
        long createdMicros;
        long lastUpdateMicros;
        long timeoutSeconds;
        long expiresMicros;
    }

    private SimulatedF5Error unauthorized(SimRequest r, String message) {
        return SimulatedF5Error.rest(401, message, r.remote(), ids.next());
    }

    /**
     * @param r a request
     * @return the user it is authenticated as (an unexpired token, or Basic credentials)
     * @throws SimulatedF5Error 401 when it is not; an expired token is forgotten
     */
    String authenticate(SimRequest r) {
        String token = r.header("X-F5-Auth-Token");
        if (token != null) {
            Token t = tokens.get(token.trim());
            if (t == null) {
                throw unauthorized(r, "X-F5-Auth-Token does not exist.");
            }
            if (t.expiresMicros <= clock.nowMicros()) {
                tokens.remove(t.id);
                throw unauthorized(r, "X-F5-Auth-Token has expired.");
            }
            return t.user;
        }
        String auth = r.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            String user = basicUser(auth);
            if (user == null) {
                throw unauthorized(r, "Authentication failed.");
            }
            return user;
        }
        throw unauthorized(r, "Authorization failed: no user authentication header or token detected. Uri:http://localhost:8100"
                + r.path() + " Referrer:" + r.remote() + " Sender:" + r.remote());
    }

    /** @return the user of {@code Basic} credentials that match, or {@code null} */
    private String basicUser(String auth) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        return password.equals(settings.users().get(user)) ? user : null;
    }

    /**
     * {@code POST /mgmt/shared/authn/login}: checks the credentials and the user's token cap, and makes a token.
     *
     * @param r the request
     * @return the answer with the token
     */
    SimResponse login(SimRequest r) {
        JsonNode body = F5SimJson.parse(r.body());
        String user = F5SimJson.text(body.get("username"));
        String password = F5SimJson.text(body.get("password"));
        if (user == null || password == null || !password.equals(settings.users().get(user))) {
            throw unauthorized(r, "Authentication failed.");
        }
        long now = clock.nowMicros();
        tokens.values().removeIf(t -> t.expiresMicros <= now);
        boolean exempt = settings.adminExempt() && user.equals("admin");
        if (!exempt && activeTokens(user) >= settings.tokenCap()) {
            throw SimulatedF5Error.rest(400, "user " + user + " has reached maximum active login tokens", r.remote(), ids.next());
        }
        Token t = new Token();
        t.id = newId();
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
        out.set("token", body(t, r.remote()));
        out.put("generation", 0);
        out.put("lastUpdateMicros", 0);
        return SimResponse.json(200, out);
    }

    private String newId() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            b.append(BASE32[random.nextInt(32)]);
        }
        return b.toString();
    }

    private ObjectNode body(Token t, String remote) {
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

    /**
     * {@code GET /mgmt/shared/authz/tokens}: the user's live tokens.
     *
     * @param r the request
     * @param user the authenticated user
     * @return the answer
     */
    SimResponse list(SimRequest r, String user) {
        long now = clock.nowMicros();
        ObjectNode o = F5SimJson.object();
        ArrayNode items = o.putArray("items");
        for (Token t : tokens.values()) {
            if (t.user.equals(user) && t.expiresMicros > now) {
                items.add(body(t, r.remote()));
            }
        }
        o.put("generation", 0);
        o.put("kind", "shared:authz:tokens:authtokencollectionstate");
        o.put("lastUpdateMicros", 0);
        o.put("selfLink", "https://localhost/mgmt/shared/authz/tokens");
        return SimResponse.json(200, o);
    }

    /**
     * {@code GET}, {@code PATCH} (extend, up to {@link #MAX_TOKEN_SECONDS} from its creation) or
     * {@code DELETE} on {@code /mgmt/shared/authz/tokens/<id>}.
     *
     * @param r the request
     * @param user the authenticated user
     * @param id the token
     * @return the answer
     */
    SimResponse operate(SimRequest r, String user, String id) {
        Token t = tokens.get(id);
        if (t == null || t.expiresMicros <= clock.nowMicros()) {
            throw SimulatedF5Error.rest(404, "Token not found.", r.remote(), ids.next());
        }
        if (!t.user.equals(user)) {
            throw SimulatedF5Error.rest(400, "Authorization failed", r.remote(), ids.next());
        }
        switch (r.method()) {
            case "GET":
                return SimResponse.json(200, body(t, r.remote()));
            case "DELETE":
                tokens.remove(id);
                return SimResponse.json(200, body(t, r.remote()));
            case "PATCH":
                JsonNode body = F5SimJson.parse(r.body());
                JsonNode timeout = body.get("timeout");
                if (timeout == null || !timeout.canConvertToLong() || timeout.asLong() <= 0) {
                    throw SimulatedF5Error.rest(400, "Invalid timeout: the body must be {\"timeout\": seconds}", r.remote(),
                            ids.next());
                }
                long now = clock.nowMicros();
                long requested = timeout.asLong();
                if ((now - t.createdMicros) / 1_000_000L + requested > MAX_TOKEN_SECONDS) {
                    throw SimulatedF5Error.rest(406, "Auth-token absolute timeout (36000 seconds) exceeded", r.remote(), ids.next());
                }
                t.timeoutSeconds = requested;
                t.lastUpdateMicros = now;
                t.expiresMicros = now + requested * 1_000_000L;
                return SimResponse.json(200, body(t, r.remote()));
            default:
                throw SimulatedF5Error.rest(405, "Method not allowed: " + r.method(), r.remote(), ids.next());
        }
    }

    /** Makes every live token expire now. */
    void expireTokens() {
        long now = clock.nowMicros();
        for (Token t : tokens.values()) {
            t.expiresMicros = Math.min(t.expiresMicros, now);
        }
    }

    /**
     * @param user a user name
     * @return that user's live tokens
     */
    int activeTokens(String user) {
        long now = clock.nowMicros();
        int n = 0;
        for (Token t : tokens.values()) {
            if (t.user.equals(user) && t.expiresMicros > now) {
                n++;
            }
        }
        return n;
    }
}
