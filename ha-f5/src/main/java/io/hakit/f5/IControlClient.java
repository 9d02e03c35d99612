package io.hakit.f5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.f5.internal.Errors;
import io.hakit.f5.internal.F5Tokens;
import io.hakit.f5.internal.Http;
import io.hakit.model.tls.TlsSettings;
import io.hakit.model.AuthenticationException;
import io.hakit.model.DeviceException;
import io.hakit.model.Retry;
import io.hakit.model.device.DeviceBuilder;
import io.hakit.model.device.DeviceOptions;
import io.hakit.model.TransportException;
import io.hakit.model.cert.Pem;
import io.hakit.rest.Policies;
import io.hakit.rest.RestTransport;
import dev.failsafe.RetryPolicy;
import java.nio.file.Path;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A BIG-IP iControl REST session: token login ({@code /mgmt/shared/authn/login}), the token extended
 * before it expires and renewed when the device says it expired, and deleted on {@link #close()} so a run
 * never leaks tokens (the 100-token cap); or HTTP Basic authentication when asked for. TLS certificates and
 * host names are verified by default. Every request has a connect and a response time-out, and a
 * {@link TransportException} says which one fired. 503 answers and F5's "busy" answers are retried with
 * exponential back-off. Device errors become {@link DeviceException}s (404 {@link io.hakit.model.NotFoundException},
 * 409 {@link io.hakit.model.ConflictException}, 401 {@link AuthenticationException}) carrying the HTTP status,
 * the TMOS code (e.g. {@code 01020066}), the message and error stack; never the password or the token.
 *
 * <p>Thread-safe: requests may be sent from several threads; the token is shared.
 */
public final class IControlClient implements AutoCloseable {

    /** Default connect time-out: 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default response time-out: 60 s (commits of large transactions take a while). */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    /** Default number of retries of a 503 / busy answer: 5. */
    public static final int DEFAULT_RETRIES = 5;
    /** Default first back-off after a 503 / busy answer: 1 s, doubled per retry, at most 30 s. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    /** The default {@link Builder#retry(Retry)} policy: {@value #DEFAULT_RETRIES} retries from 1 s, doubling. */
    public static final Retry DEFAULT_RETRY = Retry.backoff(DEFAULT_RETRIES, DEFAULT_BACKOFF);
    /** The token lifetime asked for on extension: 1,200 s (BIG-IP's default). */
    public static final Duration TOKEN_LIFETIME = Duration.ofSeconds(1200);
    /** The most a BIG-IP lets a token live: 36,000 s. */
    public static final Duration TOKEN_MAX_LIFETIME = Duration.ofSeconds(36_000);
    /** How long before its expiry a token is extended: 60 s. */
    public static final Duration TOKEN_MARGIN = Duration.ofSeconds(60);
    /** Upload chunk size: 512 KiB (BIG-IP's REST API takes at most 1 MiB per request). */
    public static final int UPLOAD_CHUNK = 512 * 1024;
    /** The header that enlists a request in a transaction. */
    public static final String COORDINATION_HEADER = "X-F5-REST-Coordination-Id";

    private static final Logger LOG = LoggerFactory.getLogger(IControlClient.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String user;
    private final char[] password;
    private final boolean basicAuth;
    private final int retries;
    private final RetryPolicy<Http.Response> busy;
    private final Http http;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private final F5Tokens tokens;

    private IControlClient(Builder b, DeviceOptions device) {
        this.url = device.url();
        this.user = device.user();
        this.password = device.password();
        this.basicAuth = b.basicAuth;
        this.retries = device.retry().maxRetries();
        this.busy = Policies.retryWhen(device.retry(), Errors::retryable);
        this.http = new Http(RestTransport.builder().url(URI.create(url.getScheme() + "://" + url.getRawAuthority()))
                .tls(device.tls()).insecureSkipVerify(device.insecureSkipVerify())
                .allowPlainHttp(device.allowPlainHttp()).timeouts(device.connectTimeout(), device.responseTimeout())
                .build());
        this.tokens = new F5Tokens(url.getHost(), user, password, b.loginProvider, busy,
                (method, path, body, token) -> call(method, path, body, null, null, token));
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the device's base URL, e.g. {@code https://bigip.hospital.org} */
    public URI url() {
        return url;
    }

    /** @return how many HTTP requests this client has sent (login, reads, writes, logout, retries) */
    public int requestCount() {
        return requests.get();
    }

    /** @return how many of them changed configuration (POST/PUT/PATCH/DELETE under {@code /mgmt/tm}) */
    public int writeCount() {
        return writes.get();
    }

    /**
     * Reads a resource.
     *
     * @param path the path, e.g. {@code /mgmt/tm/ltm/pool?expandSubcollections=true}
     * @return the JSON answer
     * @throws io.hakit.model.NotFoundException when the device answers 404
     * @throws DeviceException when the device refuses
     * @throws TransportException when the device cannot be reached or answers something unreadable
     */
    public JsonNode get(String path) {
        return send("GET", path, null, null);
    }

    /**
     * Reads a resource that may be absent.
     *
     * @param path the path
     * @return the JSON answer, or empty on 404
     * @throws DeviceException when the device refuses otherwise
     * @throws TransportException when the device cannot be reached
     */
    public Optional<JsonNode> find(String path) {
        try {
            return Optional.of(get(path));
        } catch (io.hakit.model.NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Creates: {@code POST} to a collection.
     *
     * @param path the collection path, e.g. {@code /mgmt/tm/ltm/pool}
     * @param body the JSON body
     * @return the device's answer
     * @throws DeviceException when the device refuses (409 {@link io.hakit.model.ConflictException} when it exists)
     * @throws TransportException when the device cannot be reached
     */
    public JsonNode post(String path, JsonNode body) {
        return send("POST", path, body, null);
    }

    /**
     * Replaces: {@code PUT} to an item.
     *
     * @param path the item path
     * @param body the whole new body
     * @return the device's answer
     * @throws DeviceException when the device refuses
     * @throws TransportException when the device cannot be reached
     */
    public JsonNode put(String path, JsonNode body) {
        return send("PUT", path, body, null);
    }

    /**
     * Merges: {@code PATCH} to an item.
     *
     * @param path the item path
     * @param body the attributes to change
     * @return the device's answer
     * @throws DeviceException when the device refuses
     * @throws TransportException when the device cannot be reached
     */
    public JsonNode patch(String path, JsonNode body) {
        return send("PATCH", path, body, null);
    }

    /**
     * Deletes an item.
     *
     * @param path the item path
     * @throws io.hakit.model.NotFoundException when it does not exist
     * @throws DeviceException when the device refuses (e.g. the object is in use)
     * @throws TransportException when the device cannot be reached
     */
    public void delete(String path) {
        send("DELETE", path, null, null);
    }

    /**
     * Uploads a file to {@code /mgmt/shared/file-transfer/uploads/<name>} in {@code Content-Range} chunks of
     * {@link #UPLOAD_CHUNK} bytes (certificates and keys take one), where {@code sys file ssl-cert}/{@code ssl-key} install it from
     * {@code file:///var/config/rest/downloads/<name>}. The content is never logged.
     *
     * @param name the file name
     * @param content the bytes
     * @return the {@code sourcePath} to install from
     * @throws DeviceException when the device refuses
     * @throws TransportException when the device cannot be reached
     */
    public String upload(String name, byte[] content) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        if (content.length == 0) {
            throw new IllegalArgumentException("content of " + name + " must not be empty");
        }
        String path = "/mgmt/shared/file-transfer/uploads/" + F5Names.encodeSegment(name);
        for (int start = 0; start < content.length; start += UPLOAD_CHUNK) {
            int end = Math.min(content.length, start + UPLOAD_CHUNK);
            sendRaw("POST", path, java.util.Arrays.copyOfRange(content, start, end),
                    start + "-" + (end - 1) + "/" + content.length);
        }
        return "file:///var/config/rest/downloads/" + name;
    }

    /**
     * Starts a transaction ({@code POST /mgmt/tm/transaction}).
     *
     * @return the transaction; enlist requests with it, then commit
     * @throws DeviceException when the device refuses
     * @throws TransportException when the device cannot be reached
     */
    public F5Transaction beginTransaction() {
        JsonNode answer = post("/mgmt/tm/transaction", JSON.createObjectNode());
        JsonNode id = answer.get("transId");
        if (id == null || !id.canConvertToLong()) {
            throw new TransportException("BIG-IP " + url.getHost() + " answered POST /mgmt/tm/transaction without a "
                    + "transId");
        }
        return new F5Transaction(this, id.asLong());
    }

    /**
     * Saves the running configuration ({@code POST /mgmt/tm/sys/config {"command":"save"}}); REST changes
     * are otherwise lost on reboot.
     *
     * @throws DeviceException when the device refuses
     * @throws TransportException when the device cannot be reached
     */
    public void saveConfig() {
        ObjectNode body = JSON.createObjectNode().put("command", "save");
        post("/mgmt/tm/sys/config", body);
    }

    /**
     * Pushes this device's configuration to a device group
     * ({@code POST /mgmt/tm/cm {"command":"run","utilCmdArgs":"config-sync to-group <group>"}}).
     *
     * @param deviceGroup the device group
     * @throws DeviceException when the device refuses (e.g. no such group)
     * @throws TransportException when the device cannot be reached
     */
    public void configSync(String deviceGroup) {
        Objects.requireNonNull(deviceGroup, "deviceGroup");
        ObjectNode body = JSON.createObjectNode().put("command", "run")
                .put("utilCmdArgs", "config-sync to-group " + deviceGroup);
        post("/mgmt/tm/cm", body);
    }

    /**
     * @return the sync status as {@code GET /mgmt/tm/cm/sync-status} describes it, e.g. {@code In Sync},
     *     {@code Changes Pending}
     * @throws DeviceException when the device refuses
     * @throws TransportException when the device cannot be reached
     */
    public String syncStatus() {
        JsonNode status = get("/mgmt/tm/cm/sync-status");
        for (JsonNode entry : status.path("entries")) {
            JsonNode description = entry.path("nestedStats").path("entries").path("status").path("description");
            if (description.isTextual()) {
                return description.asText();
            }
        }
        throw new TransportException("BIG-IP " + url.getHost() + " answered GET /mgmt/tm/cm/sync-status without "
                + "a status description");
    }

    /**
     * Sends a request, optionally enlisted in a transaction.
     *
     * @param method the HTTP method
     * @param path the path (with any query)
     * @param body the JSON body, or null
     * @param transaction the transaction id to enlist in, or null
     * @return the JSON answer (an empty object for an empty body)
     */
    JsonNode send(String method, String path, JsonNode body, Long transaction) {
        byte[] bytes = null;
        if (body != null) {
            try {
                bytes = JSON.writeValueAsBytes(body);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("body of " + method + " " + path + " cannot be written as JSON", e);
            }
        }
        return exchange(method, path, bytes, transaction, null, true);
    }

    private JsonNode sendRaw(String method, String path, byte[] content, String contentRange) {
        return exchange(method, path, content, null, contentRange, true);
    }

    private JsonNode exchange(String method, String path, byte[] body, Long transaction, String contentRange,
            boolean mayRelogin) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        String auth = authorization();
        Http.Response r = Policies.run(busy, () -> call(method, path, body, transaction, contentRange, auth));
        if (r.status() / 100 == 2) {
            return r.json(method, path);
        }
        DeviceException error = Errors.of(r, method, path, url.getHost());
        if (r.status() == 401 && mayRelogin && !basicAuth && Errors.tokenRejected(r)) {
            LOG.debug("{} {}: token rejected ({}), logging in again", method, Errors.mask(path), error.vendorMessage());
            tokens.rejected(auth);
            return exchange(method, path, body, transaction, contentRange, false);
        }
        if (Errors.retryable(r)) {
            throw new DeviceException(error.status(), error.vendorCode(), "still busy after " + retries
                    + " retries: " + error.vendorMessage(), error.resource(), error.request());
        }
        throw error;
    }

    private Http.Response call(String method, String path, byte[] body, Long transaction, String contentRange,
            String auth) {
        requests.incrementAndGet();
        if (!"GET".equals(method) && path.startsWith("/mgmt/tm/")) {
            writes.incrementAndGet();
        }
        String authHeader;
        String authValue;
        if (basicAuth) {
            authHeader = "Authorization";
            authValue = auth;
        } else if (auth == null) {
            authHeader = null;
            authValue = null;
        } else {
            authHeader = "X-F5-Auth-Token";
            authValue = auth;
        }
        return http.execute(method, path, body, authHeader, authValue,
                transaction == null ? null : String.valueOf(transaction), contentRange);
    }

    /** @return the value for the authentication header: the token (logging in when needed), or Basic */
    private String authorization() {
        if (basicAuth) {
            String pair = user + ":" + new String(password);
            return "Basic " + java.util.Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        return tokens.token();
    }

    /** Deletes the token (never throws) and releases connections. Idempotent. */
    @Override
    public void close() {
        if (!tokens.close()) {
            return;
        }
        http.close();
        java.util.Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "IControlClient[" + url + ", user " + user + (basicAuth ? ", basic auth" : ", token auth") + "]";
    }

    /**
     * Builds an {@link IControlClient}. The device options ({@code url}, {@code credentials}, {@code tls}/{@code ca},
     * {@code timeouts}, {@code retry}, {@code allowPlainHttp}, {@code insecureSkipVerify}) are
     * {@link DeviceBuilder}'s, the same as every other device client's; the rest is iControl REST's. Not
     * thread-safe.
     */
    public static final class Builder extends DeviceBuilder<Builder> {
        private boolean basicAuth;
        private String loginProvider = "tmos";

        private Builder() {
            super(DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT, DEFAULT_RETRY);
        }

        /**
         * @param basicAuth HTTP Basic on every request instead of a token (BIG-IP allows it only for
         *     administrators); default false
         * @return this builder
         */
        public Builder basicAuth(boolean basicAuth) {
            this.basicAuth = basicAuth;
            return this;
        }

        /**
         * @param loginProvider the login provider, default {@code tmos}; remote users (LDAP, RADIUS, TACACS)
         *     need theirs
         * @return this builder
         */
        public Builder loginProvider(String loginProvider) {
            this.loginProvider = Objects.requireNonNull(loginProvider, "loginProvider");
            return this;
        }

        /**
         * @param retries how often a 503 / busy answer is retried; default {@link #DEFAULT_RETRIES}
         * @return this builder
         */
        public Builder retries(int retries) {
            Retry now = deviceRetry();
            return retry(new Retry(retries, now.delay(), now.maxDelay()));
        }

        /**
         * @param backoff the first wait before a retry, doubled each time; default {@link #DEFAULT_BACKOFF}
         * @return this builder
         */
        public Builder backoff(Duration backoff) {
            Objects.requireNonNull(backoff, "backoff");
            if (backoff.isNegative()) {
                throw new IllegalArgumentException("backoff must not be negative, not " + backoff);
            }
            return retry(Retry.backoff(deviceRetry().maxRetries(), backoff));
        }

        /**
         * @return the client (no request is sent until the first call)
         * @throws NullPointerException when the URL or the credentials are missing
         */
        public IControlClient build() {
            return new IControlClient(this, deviceOptions());
        }
    }
}
