package io.hakit.citrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failsafe.RetryPolicy;
import io.hakit.model.AuthenticationException;
import io.hakit.model.ConflictException;
import io.hakit.model.DeviceException;
import io.hakit.model.NotFoundException;
import io.hakit.model.cert.Pem;
import io.hakit.model.Retry;
import io.hakit.model.device.DeviceBuilder;
import io.hakit.model.device.DeviceOptions;
import io.hakit.model.TransportException;
import io.hakit.model.tls.TlsSettings;
import io.hakit.rest.Policies;
import io.hakit.rest.RestTransport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client for one Citrix ADC's NITRO REST API ({@code /nitro/v1/config/...}).
 *
 * <ul>
 * <li>Sessions: logs in on first use ({@code POST login}, {@code NITRO_AUTH_TOKEN} cookie), and when the
 * session expires (HTTP 401 with errorcode 444 or 1027) logs in again once, without the stale cookie, and
 * repeats the request. Or, with {@link Builder#sessionless(boolean) sessionless(true)}, sends
 * {@code X-NITRO-USER}/{@code X-NITRO-PASS} on every request instead.</li>
 * <li>The transport is ha-rest's: TLS verified (certificate chain and host name) against {@link TlsSettings}
 * unless {@link Builder#insecureSkipVerify(boolean)} says otherwise, plain {@code http://} only to loopback or
 * with {@link Builder#allowPlainHttp(boolean)}, a connect and a response time-out
 * ({@link io.hakit.model.TimeoutException} says which fired), 503 answers sent again under the
 * {@link Builder#retry(Retry)} policy, and no password, cookie or key handed to any logger.</li>
 * <li>Errors are typed: {@link NotFoundException} (258, 344, ...), {@link ConflictException} (273,
 * 1335, ...), {@link AuthenticationException} (354, 444, ...), {@link DeviceException} otherwise, each
 * with the HTTP status, NITRO errorcode, message, resource and request, and never the password or the
 * session token. An endpoint that does not answer NITRO JSON is a {@link TransportException}.</li>
 * <li>Bulk arrays and {@code macroapi} with {@code X-NITRO-ONERROR}, 207 bodies read item by item;
 * {@code nsconfig?action=save} retried while the device answers 293/1461 (busy); {@link #haRole()}
 * reads {@code hanode}, and {@link #requirePrimary()} refuses a secondary node before any write.</li>
 * </ul>
 *
 * <p>Thread-safe: requests may be sent from several threads; the session is shared. Counts every
 * request ({@link #requestCount()}) and every write ({@link #writeCount()}).
 *
 * <pre>{@code
 * try (NitroClient nitro = NitroClient.builder().url(URI.create("https://adc.hospital.org"))
 *         .credentials("nsroot", password).tls(TlsSettings.builder().trust(Pem.read(caPem)).build()).build()) {
 *     nitro.on(NitroResource.SERVER).add(s -> s.attribute("name", "app1.hospital.org")
 *             .attribute("domain", "app1.hospital.org"));
 *     List<NitroObject> vservers = nitro.on(NitroResource.LBVSERVER).list();
 * }
 * }</pre>
 */
public final class NitroClient implements AutoCloseable {

    /** Connect time-out when none is given: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = RestTransport.DEFAULT_CONNECT_TIMEOUT;
    /** Response time-out when none is given: 60 seconds. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = RestTransport.DEFAULT_RESPONSE_TIMEOUT;
    /** Session time-out asked for at login when none is given: 30 minutes (NITRO's own default). */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(30);
    /** How often a save answered "busy" (293/1461) is retried when not told otherwise: 10 times. */
    public static final int DEFAULT_SAVE_RETRIES = 10;
    /** The wait between save retries when none is given: 1 second. */
    public static final Duration DEFAULT_SAVE_RETRY_DELAY = Duration.ofSeconds(1);
    /** How often a request answered HTTP 503 (not processed) is sent again by default: 2 times. */
    public static final int UNAVAILABLE_RETRIES = 2;
    /** The default {@link Builder#retry(Retry)} policy: {@value #UNAVAILABLE_RETRIES} retries after 100 then 200 ms. */
    public static final Retry DEFAULT_RETRY = Retry.backoff(UNAVAILABLE_RETRIES, Duration.ofMillis(100));

    private static final String CONFIG = NitroSession.CONFIG;

    private final NitroSession session;
    private final RetryPolicy<JsonNode> saveRetry;
    private final AtomicInteger writes = new AtomicInteger();

    private NitroClient(Builder b, DeviceOptions device) {
        RestTransport transport = RestTransport.builder().url(device.url()).tls(device.tls())
                .insecureSkipVerify(device.insecureSkipVerify()).allowPlainHttp(device.allowPlainHttp())
                .timeouts(device.connectTimeout(), device.responseTimeout()).build();
        this.session = new NitroSession(transport, device.user(), device.password(), b.sessionless, b.sessionTimeout,
                device.retry());
        this.saveRetry = Policies.retryOnFailure(new Retry(b.saveRetries, b.saveRetryDelay, b.saveRetryDelay),
                NitroErrors::busy);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the device's management URL */
    public URI url() {
        return session.transport().url();
    }

    /** @return the response time-out of every request */
    public Duration responseTimeout() {
        return session.transport().responseTimeout();
    }

    /** @return how many HTTP requests this client has sent (login, reads, writes, save, logout) */
    public int requestCount() {
        return session.requestCount();
    }

    /** @return how many configuration writes this client has sent (not login, logout or save) */
    public int writeCount() {
        return writes.get();
    }

    /**
     * @param resource a resource type
     * @return the fluent operations on it
     */
    public ResourceClient on(NitroResource resource) {
        return new ResourceClient(this, Objects.requireNonNull(resource, "resource"));
    }

    // ---------------------------------------------------------------- session

    /**
     * Logs in now (otherwise the first request does). Does nothing in sessionless mode or when logged in.
     *
     * @throws AuthenticationException when the device refuses the credentials
     * @throws TransportException when the device cannot be reached or does not speak NITRO
     */
    public void login() {
        session.login();
    }

    /** Ends the session ({@code POST logout}). Never throws; does nothing when not logged in. */
    public void logout() {
        session.logout();
    }

    /** Logs out and releases connections. Never throws. */
    @Override
    public void close() {
        session.close();
    }

    // ---------------------------------------------------------------- reads

    /**
     * Every object of a type ({@code GET /config/<type>}); a single object where an array was expected
     * and an answer with no array at all (no objects) are both understood.
     *
     * @param type the resource's wire name, e.g. {@code lbvserver}, {@code hanode}
     * @return the objects, attributes as the device returned them (numbers often as strings)
     */
    public List<NitroObject> list(String type) {
        return list(type, "");
    }

    /**
     * @param type the resource's wire name
     * @param query a query string without {@code ?} (e.g. {@code filter=servicetype:SSL}), or {@code ""}
     * @return the objects
     */
    public List<NitroObject> list(String type, String query) {
        try {
            JsonNode body = call("GET", CONFIG + type, query, null, type);
            return NitroWire.objects(type, body);
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    /**
     * One object ({@code GET /config/<type>/<name>}).
     *
     * @param type the resource's wire name
     * @param name the object's name
     * @return the object, or empty when the device has none by that name
     */
    public Optional<NitroObject> get(String type, String name) {
        try {
            JsonNode body = call("GET", CONFIG + type + "/" + NitroWire.encode(name), "", null, type + "/" + name);
            List<NitroObject> all = NitroWire.objects(type, body);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Every binding of every object of a kind in one request ({@code GET /config/<kind>_binding?bulkbindings=yes}),
     * flattened: each returned object is one binding whose type is its binding resource, e.g.
     * {@code servicegroup_servicegroupmember_binding}.
     *
     * @param parent the parent kind, e.g. {@code servicegroup}, {@code lbvserver}, {@code sslvserver}
     * @return the bindings
     */
    public List<NitroObject> bindings(String parent) {
        String agg = parent + "_binding";
        JsonNode body;
        try {
            body = call("GET", CONFIG + agg, "bulkbindings=yes", null, agg);
        } catch (NotFoundException e) {
            return List.of();
        }
        return NitroWire.bindings(agg, body);
    }

    /**
     * Reads {@code hanode} and tells which role the node this client talks to plays. The local node is the one
     * with id 0 (or the only one).
     *
     * @return the role
     */
    public HaRole haRole() {
        return NitroWire.haRole(list("hanode"));
    }

    /**
     * Refuses to go on when connected to the secondary node of an HA pair (before any write is sent).
     *
     * @throws DeviceException (errorcode 1028) when the node is the secondary
     */
    public void requirePrimary() {
        if (haRole() == HaRole.SECONDARY) {
            throw new DeviceException(200, String.valueOf(NitroError.NOT_PRIMARY),
                    url().getHost() + " is the SECONDARY node of an HA pair: changes made here are not propagated and"
                            + " are lost at the next sync; connect to the primary node (nothing was written)",
                    "hanode", "GET " + CONFIG + "hanode");
        }
    }

    // ---------------------------------------------------------------- writes

    /**
     * Adds one object ({@code POST /config/<type>}).
     *
     * @param object the object
     * @throws ConflictException when it already exists (273)
     */
    public void add(NitroObject object) {
        write("POST", CONFIG + object.type(), "", NitroWire.wrap(object.type(), object.attributes()),
                object.type() + "/" + object.name());
    }

    /**
     * Updates one object ({@code PUT /config/<type>}); the body carries the key attribute and only attributes the
     * resource accepts on update.
     *
     * @param object the key attribute and the attributes to change
     * @throws NotFoundException when it does not exist
     */
    public void update(NitroObject object) {
        write("PUT", CONFIG + object.type(), "", NitroWire.wrap(object.type(), object.attributes()),
                object.type() + "/" + object.name());
    }

    /**
     * Deletes one object ({@code DELETE /config/<type>/<name>[?args=..]}).
     *
     * @param type the resource's wire name
     * @param name the object's name
     * @param args delete arguments (e.g. {@code type} for an {@code lbmonitor}), or an empty map
     * @throws NotFoundException when it does not exist
     */
    public void delete(String type, String name, Map<String, Object> args) {
        write("DELETE", CONFIG + type + "/" + NitroWire.encode(name), NitroWire.args(args), null, type + "/" + name);
    }

    /**
     * Binds ({@code POST /config/<binding>}).
     *
     * @param binding the binding, e.g. an {@code lbvserver_servicegroup_binding}
     * @throws ConflictException when it is already bound (273)
     */
    public void bind(NitroObject binding) {
        add(binding);
    }

    /**
     * Unbinds ({@code DELETE /config/<binding>/<parent>?args=<child key>:<value>,...}): only the arguments the
     * resource's delete takes are sent.
     *
     * @param binding the binding as bound or read
     * @throws NotFoundException when it is not bound
     */
    public void unbind(NitroObject binding) {
        delete(binding.type(), binding.name(), NitroWire.unbindArguments(binding));
    }

    /**
     * Sends a NITRO action ({@code POST /config/<type>?action=<verb>}), e.g. {@code enable}, {@code unset},
     * {@code update} on {@code sslcertkey}.
     *
     * @param type the resource's wire name
     * @param action the verb
     * @param attributes the body's attributes
     */
    public void action(String type, String action, Map<String, Object> attributes) {
        write("POST", CONFIG + type, "action=" + action, NitroWire.wrap(type, attributes), type + "?action=" + action);
    }

    /**
     * Reads statistics ({@code GET /nitro/v1/stat/<type>[?args=k:v,..]}), e.g. {@code servicegroupmember} with
     * {@code servicegroupname}, {@code servername} and {@code port} for one member's current connections.
     *
     * @param type the statistics resource's wire name
     * @param args the {@code args} that pick the entity, or an empty map
     * @return the statistics, values as the device returned them (numbers often as strings)
     */
    public List<NitroObject> stat(String type, Map<String, Object> args) {
        JsonNode body = call("GET", "/nitro/v1/stat/" + type, NitroWire.args(args), null, "stat/" + type);
        return NitroWire.objects(type, body);
    }

    /**
     * One homogeneous bulk request: an array of objects of one type in one body.
     *
     * @param method {@code POST} (add / bind) or {@code PUT} (update)
     * @param type the resource's wire name
     * @param objects the objects, all of that type
     * @param onError what the device does when an item fails
     * @return the per-item result (a failure is a result, not an exception)
     */
    public BulkResult bulk(String method, String type, List<NitroObject> objects, BulkResult.OnError onError) {
        ObjectNode body = NitroBulk.bulkBody(type, objects);
        writes.incrementAndGet();
        return NitroBulk.send(session, method, CONFIG + type, body, onError, type);
    }

    /**
     * One {@code macroapi} request: objects of several types in one body ({@code {"server":[..],
     * "servicegroup":[..],...}}), added (or bound) in the order given. A type must not come back after another
     * type; send two requests for that.
     *
     * @param objects the objects to add or bind, grouped by type in order
     * @param onError what the device does when an item fails ({@link BulkResult.OnError#ROLLBACK} undoes them)
     * @return the per-item result
     * @throws IllegalArgumentException when a type appears in two runs
     */
    public BulkResult macro(List<NitroObject> objects, BulkResult.OnError onError) {
        ObjectNode body = NitroBulk.macroBody(objects);
        writes.incrementAndGet();
        return NitroBulk.send(session, "POST", CONFIG + "macroapi", body, onError, "macroapi");
    }

    /**
     * Saves the running configuration ({@code POST /config/nsconfig?action=save}), retrying while the device
     * answers 293 "Operation already in progress" or 1461 (another save runs), up to the configured retries.
     *
     * @throws DeviceException when the save fails otherwise, or is still busy after the retries
     */
    public void saveConfig() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("nsconfig");
        Policies.run(saveRetry, () -> call("POST", CONFIG + "nsconfig", "action=save", body, "nsconfig"));
    }

    /**
     * Whether the running configuration has changes not saved ({@code GET /config/nsconfig}, its
     * {@code configchanged}).
     *
     * @return true when the ADC reports unsaved changes (or does not say)
     */
    public boolean configChanged() {
        JsonNode n = call("GET", CONFIG + "nsconfig", "", null, "nsconfig").path("nsconfig");
        JsonNode c = (n.isArray() ? n.path(0) : n).path("configchanged");
        return c.isMissingNode() || c.isNull() || c.asBoolean(true) || c.asText().equalsIgnoreCase("true");
    }

    // ---------------------------------------------------------------- plumbing

    private void write(String method, String path, String query, ObjectNode body, String resource) {
        writes.incrementAndGet();
        call(method, path, query, body, resource);
    }

    private JsonNode call(String method, String path, String query, ObjectNode body, String resource) {
        NitroSession.NitroResponse r = session.exchange(method, path + (query.isEmpty() ? "" : "?" + query), body,
                Map.of());
        if (NitroErrors.failed(r)) {
            throw NitroErrors.of(r, resource, method + " " + path);
        }
        return r.body() == null ? JsonNodeFactory.instance.objectNode() : r.body();
    }

    @Override
    public String toString() {
        return "NitroClient[" + url() + ", user=" + session.user() + (session.sessionless() ? ", sessionless" : "")
                + "]";
    }


    /**
     * Builds a {@link NitroClient}. The device options ({@code url}, {@code credentials}, {@code tls}/{@code ca},
     * {@code timeouts}, {@code retry}, {@code allowPlainHttp}, {@code insecureSkipVerify}) are
     * {@link DeviceBuilder}'s, the same as every other device client's; the rest is NITRO's. Not thread-safe.
     */
    public static final class Builder extends DeviceBuilder<Builder> {
        private boolean sessionless;
        private Duration sessionTimeout = DEFAULT_SESSION_TIMEOUT;
        private int saveRetries = DEFAULT_SAVE_RETRIES;
        private Duration saveRetryDelay = DEFAULT_SAVE_RETRY_DELAY;

        private Builder() {
            super(DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT, DEFAULT_RETRY);
        }

        /**
         * @param sessionless send {@code X-NITRO-USER}/{@code X-NITRO-PASS} on every request instead of logging
         *     in; default false (one session, logged in once)
         * @return this builder
         */
        public Builder sessionless(boolean sessionless) {
            this.sessionless = sessionless;
            return this;
        }

        /**
         * @param sessionTimeout the idle time-out asked for at login; default {@link #DEFAULT_SESSION_TIMEOUT}
         * @return this builder
         */
        public Builder sessionTimeout(Duration sessionTimeout) {
            this.sessionTimeout = RestTransport.Builder.positive(sessionTimeout, "sessionTimeout");
            return this;
        }

        /**
         * @param retries how often a save answered 293/1461 is retried; default {@link #DEFAULT_SAVE_RETRIES}
         * @param delay the wait between retries; default {@link #DEFAULT_SAVE_RETRY_DELAY}
         * @return this builder
         */
        public Builder saveRetries(int retries, Duration delay) {
            if (retries < 0) {
                throw new IllegalArgumentException("saveRetries must be >= 0, not " + retries);
            }
            this.saveRetries = retries;
            this.saveRetryDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /**
         * @return the client (no request is sent until the first call)
         * @throws NullPointerException when the url or credentials are missing
         * @throws IllegalArgumentException for plain {@code http://} to another machine without
         *     {@link #allowPlainHttp(boolean)}
         */
        public NitroClient build() {
            return new NitroClient(this, deviceOptions());
        }
    }
}
