package io.hakit.f5.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failsafe.RetryPolicy;
import io.hakit.f5.IControlClient;
import io.hakit.model.AuthenticationException;
import io.hakit.model.DeviceException;
import io.hakit.model.TransportException;
import io.hakit.rest.Policies;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login token of one {@link IControlClient}: logs in ({@code POST /mgmt/shared/authn/login}) on first use,
 * extends the token ({@code PATCH /mgmt/shared/authz/tokens/<token>}) before it expires, logs in again past
 * {@link IControlClient#TOKEN_MAX_LIFETIME} or when the device rejected the token, and deletes it on
 * {@link #close()} so a run never leaks tokens (the 100-token cap). The password and the token are never logged
 * or put in a message. Thread-safe: the token is shared by every thread of the client.
 */
public final class F5Tokens {

    /** Sends one request to the device, counted by the client. */
    @FunctionalInterface
    public interface Call {
        /**
         * @param method the HTTP method
         * @param path the path
         * @param body the body, or null
         * @param token the token for {@code X-F5-Auth-Token}, or null for none
         * @return the answer
         */
        Http.Response send(String method, String path, byte[] body, String token);
    }

    private static final Logger LOG = LoggerFactory.getLogger(IControlClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String host;
    private final String user;
    private final char[] password;
    private final String loginProvider;
    private final RetryPolicy<Http.Response> busy;
    private final Call call;
    private final Object tokenLock = new Object();
    private String token;
    private long tokenIssuedNanos;
    private long tokenLifetimeSeconds;
    private boolean closed;

    /**
     * @param host the device's host name (for messages)
     * @param user the user name
     * @param password the password (not copied: the client clears it on close)
     * @param loginProvider the login provider, e.g. {@code tmos}
     * @param busy how a busy answer to the login is retried
     * @param call sends one request
     */
    public F5Tokens(String host, String user, char[] password, String loginProvider, RetryPolicy<Http.Response> busy,
            Call call) {
        this.host = host;
        this.user = user;
        this.password = password;
        this.loginProvider = loginProvider;
        this.busy = busy;
        this.call = call;
    }

    /**
     * @return the token to send, logging in or extending it first when needed
     * @throws IllegalStateException when closed
     */
    public String token() {
        synchronized (tokenLock) {
            if (closed) {
                throw new IllegalStateException("this IControlClient is closed");
            }
            if (token == null) {
                login();
            } else {
                long age = (System.nanoTime() - tokenIssuedNanos) / 1_000_000_000L;
                long remaining = tokenLifetimeSeconds - age;
                if (remaining < IControlClient.TOKEN_MARGIN.getSeconds()) {
                    extend(age);
                }
            }
            return token;
        }
    }

    /**
     * Forgets a token the device rejected, unless another thread has already replaced it; the next
     * {@link #token()} logs in again.
     *
     * @param rejected the token the device rejected
     */
    public void rejected(String rejected) {
        synchronized (tokenLock) {
            if (rejected.equals(token)) {
                token = null;
            }
        }
    }

    private void login() {
        ObjectNode body = JSON.createObjectNode();
        body.put("username", user);
        body.put("password", new String(password));
        body.put("loginProviderName", loginProvider);
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String path = "/mgmt/shared/authn/login";
        Http.Response r = Policies.run(busy, () -> call.send("POST", path, bytes, null));
        {
            if (r.status() / 100 == 2) {
                JsonNode answer = r.json("POST", path);
                JsonNode t = answer.path("token");
                if (!t.path("token").isTextual()) {
                    throw new TransportException("BIG-IP " + host + " answered the login without a token");
                }
                token = t.path("token").asText();
                tokenIssuedNanos = System.nanoTime();
                tokenLifetimeSeconds = t.path("timeout").asLong(IControlClient.TOKEN_LIFETIME.getSeconds());
                LOG.debug("logged in to {} as {} (token lifetime {} s)", host, user, tokenLifetimeSeconds);
                return;
            }
            DeviceException error = Errors.of(r, "POST", path, host);
            if (r.status() == 401 || r.status() == 403) {
                throw new AuthenticationException(r.status(), error.vendorCode(), "login as " + user
                        + " refused: wrong user name or password (" + error.vendorMessage() + ")", path, "POST " + path);
            }
            if (r.status() == 400 && error.vendorMessage().contains("maximum active login tokens")) {
                throw new AuthenticationException(400, error.vendorCode(), "login as " + user + " refused: the user "
                        + "already holds the most tokens BIG-IP allows (100); delete unused tokens (DELETE "
                        + "/mgmt/shared/authz/tokens/<token>) or wait for them to expire (" + error.vendorMessage() + ")",
                        path, "POST " + path);
            }
            throw error;
        }
    }

    private void extend(long ageSeconds) {
        long wanted = ageSeconds + IControlClient.TOKEN_LIFETIME.getSeconds();
        if (wanted > IControlClient.TOKEN_MAX_LIFETIME.getSeconds()) {
            logout();
            login();
            return;
        }
        String path = "/mgmt/shared/authz/tokens/" + token;
        byte[] body = ("{\"timeout\":" + wanted + "}").getBytes(StandardCharsets.UTF_8);
        Http.Response r = call.send("PATCH", path, body, token);
        if (r.status() / 100 == 2) {
            tokenLifetimeSeconds = wanted;
            LOG.debug("extended the token on {} to {} s", host, wanted);
        } else {
            LOG.debug("token extension on {} answered {}; logging in again", host, r.status());
            token = null;
            login();
        }
    }

    private void logout() {
        String t = token;
        token = null;
        if (t == null) {
            return;
        }
        try {
            Http.Response r = call.send("DELETE", "/mgmt/shared/authz/tokens/" + t, null, t);
            LOG.debug("deleted the token on {}: HTTP {}", host, r.status());
        } catch (RuntimeException e) {
            LOG.debug("could not delete the token on {}: {}", host, e.getMessage());
        }
    }

    /**
     * Deletes the token (never throws); later {@link #token()} calls fail.
     *
     * @return false when already closed
     */
    public boolean close() {
        synchronized (tokenLock) {
            if (closed) {
                return false;
            }
            logout();
            closed = true;
            return true;
        }
    }
}
