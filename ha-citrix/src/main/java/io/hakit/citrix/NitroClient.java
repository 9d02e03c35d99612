package io.hakit.citrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.citrix.internal.Json;
import io.hakit.model.tls.TlsSettings;
import io.hakit.model.AuthenticationException;
import io.hakit.model.ConflictException;
import io.hakit.model.DeviceException;
import io.hakit.model.NotFoundException;
import io.hakit.model.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for one Citrix ADC's NITRO REST API ({@code /nitro/v1/config/...}).
 *
 * <ul>
 * <li>Sessions: logs in on first use ({@code POST login}, {@code NITRO_AUTH_TOKEN} cookie), and when the
 * session expires (HTTP 401 with errorcode 444 or 1027) logs in again once, without the stale cookie, and
 * repeats the request. Or, with {@link Builder#sessionless(boolean) sessionless(true)}, sends
 * {@code X-NITRO-USER}/{@code X-NITRO-PASS} on every request instead.</li>
 * <li>TLS is verified (certificate chain and host name) against {@link TlsSettings}: a CA PEM, a key
 * store, or the platform. There is no switch to skip it.</li>
 * <li>Every request has a connect and a response time-out; the exception says which fired.</li>
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
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Response time-out when none is given: 60 seconds. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    /** Session time-out asked for at login when none is given: 30 minutes (NITRO's own default). */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(30);
    /** How often a save answered "busy" (293/1461) is retried when not told otherwise: 10 times. */
    public static final int DEFAULT_SAVE_RETRIES = 10;
    /** The wait between save retries when none is given: 1 second. */
    public static final Duration DEFAULT_SAVE_RETRY_DELAY = Duration.ofSeconds(1);
    /** How often a request answered HTTP 503 (not processed) is sent again: 2 times. */
    public static final int UNAVAILABLE_RETRIES = 2;

    private static final Logger LOG = LoggerFactory.getLogger(NitroClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = "/nitro/v1/config/";

    private final URI url;
    private final String user;
    private final String password;
    private final boolean sessionless;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration sessionTimeout;
    private final int saveRetries;
    private final Duration saveRetryDelay;
    private final CloseableHttpClient http;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private final Object sessionLock = new Object();
    private volatile String token;

    private NitroClient(Builder b) {
        this.url = stripSlash(Objects.requireNonNull(b.url, "url"));
        this.user = Objects.requireNonNull(b.user, "user (credentials)");
        this.password = Objects.requireNonNull(b.password, "password (credentials)");
        this.sessionless = b.sessionless;
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.sessionTimeout = b.sessionTimeout;
        this.saveRetries = b.saveRetries;
        this.saveRetryDelay = b.saveRetryDelay;
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("url " + url + " must be http:// or https://");
        }
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(b.tls.sslContext())
                                .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                                .setHostnameVerifier(new DefaultHostnameVerifier()).buildClassic())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(responseTimeout)).build())
                        .setMaxConnTotal(8).setMaxConnPerRoute(8).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(responseTimeout))
                        .build())
                .disableCookieManagement().disableAutomaticRetries().disableRedirectHandling().build();
    }

    private static URI stripSlash(URI u) {
        String s = u.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : u;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the device's management URL */
    public URI url() {
        return url;
    }

    /** @return the response time-out of every request */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** @return how many HTTP requests this client has sent (login, reads, writes, save, logout) */
    public int requestCount() {
        return requests.get();
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
        if (sessionless) {
            return;
        }
        synchronized (sessionLock) {
            if (token == null) {
                token = newSession();
            }
        }
    }

    private String newSession() {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("login").put("username", user).put("password", password)
                .put("timeout", sessionTimeout.toSeconds());
        Response r = send("POST", CONFIG + "login", body, Map.of(), "login", true);
        for (int retry = 1; r.status == 503 && retry <= UNAVAILABLE_RETRIES; retry++) {
            sleep(Duration.ofMillis(100L * retry));
            r = send("POST", CONFIG + "login", body, Map.of(), "login", true);
        }
        if (r.status >= 300) {
            throw error(r, "login", "POST " + CONFIG + "login");
        }
        for (Header h : r.headers) {
            if (h.getName().equalsIgnoreCase("Set-Cookie") && h.getValue().startsWith("NITRO_AUTH_TOKEN=")) {
                String v = h.getValue().substring("NITRO_AUTH_TOKEN=".length());
                int semi = v.indexOf(';');
                return semi < 0 ? v : v.substring(0, semi);
            }
        }
        JsonNode sid = r.body == null ? null : r.body.get("sessionid");
        if (sid != null && sid.isTextual() && !sid.asText().isEmpty()) {
            return sid.asText();
        }
        throw new TransportException(url.getHost() + " accepted the login but sent no NITRO_AUTH_TOKEN"
                + " cookie or sessionid: is " + url + " a Citrix ADC management address?");
    }

    /**
     * Ends the session ({@code POST logout}). Never throws; does nothing when not logged in.
     */
    public void logout() {
        String t;
        synchronized (sessionLock) {
            t = token;
            token = null;
        }
        if (t == null) {
            return;
        }
        try {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("logout");
            send("POST", CONFIG + "logout", body, Map.of("Cookie", "NITRO_AUTH_TOKEN=" + t), "logout", true);
        } catch (RuntimeException e) {
            LOG.debug("logout from {} failed: {}", url.getHost(), e.getMessage());
        }
    }

    /** Logs out and releases connections. Never throws. */
    @Override
    public void close() {
        logout();
        try {
            http.close();
        } catch (IOException e) {
            LOG.debug("closing the HTTP client failed: {}", e.getMessage());
        }
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
            JsonNode body = call("GET", CONFIG + type, query, null, Map.of(), type);
            return objects(type, body);
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
            JsonNode body = call("GET", CONFIG + type + "/" + encode(name), "", null, Map.of(), type + "/" + name);
            List<NitroObject> all = objects(type, body);
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
            body = call("GET", CONFIG + agg, "bulkbindings=yes", null, Map.of(), agg);
        } catch (NotFoundException e) {
            return List.of();
        }
        List<NitroObject> out = new ArrayList<>();
        for (JsonNode holder : array(body.get(agg))) {
            Iterator<Map.Entry<String, JsonNode>> fields = holder.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getKey().endsWith("_binding") && (f.getValue().isArray() || f.getValue().isObject())) {
                    for (JsonNode b : array(f.getValue())) {
                        out.add(NitroObject.fromDevice(f.getKey(), Json.toMap(b)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Reads {@code hanode} and tells which role the node this client talks to plays. The local node is the one
     * with id 0 (or the only one).
     *
     * @return the role
     */
    public HaRole haRole() {
        List<NitroObject> nodes = list("hanode");
        if (nodes.isEmpty()) {
            return HaRole.STANDALONE;
        }
        NitroObject local = nodes.stream().filter(n -> n.string("id").map("0"::equals).orElse(false)).findFirst()
                .orElse(nodes.get(0));
        String state = local.string("state").orElse(local.string("hacurstatus").orElse(""))
                .toUpperCase(Locale.ROOT);
        if (state.equals("PRIMARY")) {
            return nodes.size() > 1 ? HaRole.PRIMARY : HaRole.STANDALONE;
        }
        return state.equals("SECONDARY") ? HaRole.SECONDARY : HaRole.STANDALONE;
    }

    /**
     * Refuses to go on when connected to the secondary node of an HA pair (before any write is sent).
     *
     * @throws DeviceException (errorcode 1028) when the node is the secondary
     */
    public void requirePrimary() {
        if (haRole() == HaRole.SECONDARY) {
            throw new DeviceException(200, String.valueOf(NitroError.NOT_PRIMARY),
                    url.getHost() + " is the SECONDARY node of an HA pair: changes made here are not propagated and"
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
        write("POST", CONFIG + object.type(), "", wrap(object.type(), object.attributes()), Map.of(),
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
        write("PUT", CONFIG + object.type(), "", wrap(object.type(), object.attributes()), Map.of(),
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
        write("DELETE", CONFIG + type + "/" + encode(name), args(args), null, Map.of(), type + "/" + name);
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
        NitroResource r = binding.resource()
                .orElseThrow(() -> new IllegalArgumentException("unknown binding type " + binding.type()));
        Map<String, Object> a = new LinkedHashMap<>();
        for (String k : r.deleteArguments()) {
            Object v = binding.attributes().get(k);
            if (v != null && !(k.equals("servername") && binding.attributes().containsKey("ip")
                    && !binding.attributes().containsKey("servername"))) {
                a.put(k, v);
            }
        }
        if (r == NitroResource.SERVICEGROUP_MEMBER_BINDING && a.containsKey("servername")) {
            a.remove("ip");
        }
        delete(binding.type(), binding.name(), a);
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
        write("POST", CONFIG + type, "action=" + action, wrap(type, attributes), Map.of(), type + "?action=" + action);
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
        JsonNode body = call("GET", "/nitro/v1/stat/" + type, args(args), null, Map.of(), "stat/" + type);
        return objects(type, body);
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
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray(type);
        for (NitroObject o : objects) {
            if (!o.type().equals(type)) {
                throw new IllegalArgumentException("a bulk " + type + " request cannot carry a " + o.type());
            }
            items.add(Json.toNode(o.attributes()));
        }
        return bulkSend(method, CONFIG + type, body, onError, type);
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
        ObjectNode body = JSON.createObjectNode();
        String last = null;
        for (NitroObject o : objects) {
            if (!o.type().equals(last) && body.has(o.type())) {
                throw new IllegalArgumentException("macroapi: " + o.type() + " appears after another type");
            }
            last = o.type();
            ArrayNode arr = body.has(o.type()) ? (ArrayNode) body.get(o.type()) : body.putArray(o.type());
            arr.add(Json.toNode(o.attributes()));
        }
        return bulkSend("POST", CONFIG + "macroapi", body, onError, "macroapi");
    }

    private BulkResult bulkSend(String method, String path, ObjectNode body, BulkResult.OnError onError,
            String resource) {
        writes.incrementAndGet();
        Response r = exchange(method, path, "", body, Map.of("X-NITRO-ONERROR", onError.header()), resource, true);
        if (r.status == 207) {
            List<NitroError> items = new ArrayList<>();
            if (r.body != null) {
                for (JsonNode n : array(r.body.get("response"))) {
                    items.add(errorOf(n));
                }
            }
            return new BulkResult(207, r.body == null ? new NitroError(1243, "Bulk operation failed", "ERROR")
                    : errorOf(r.body), items, onError);
        }
        if (r.status >= 300) {
            throw error(r, resource, method + " " + path);
        }
        List<NitroError> items = new ArrayList<>();
        if (r.body != null) {
            for (JsonNode n : array(r.body.get("response"))) {
                items.add(errorOf(n));
            }
        }
        return new BulkResult(r.status, r.body == null ? new NitroError(0, "Done", "NONE") : errorOf(r.body), items,
                onError);
    }

    /**
     * Saves the running configuration ({@code POST /config/nsconfig?action=save}), retrying while the device
     * answers 293 "Operation already in progress" or 1461 (another save runs), up to the configured retries.
     *
     * @throws DeviceException when the save fails otherwise, or is still busy after the retries
     */
    public void saveConfig() {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("nsconfig");
        for (int attempt = 0;; attempt++) {
            try {
                call("POST", CONFIG + "nsconfig", "action=save", body, Map.of(), "nsconfig");
                return;
            } catch (DeviceException e) {
                boolean busy = NitroError.BUSY.stream().anyMatch(c -> String.valueOf(c).equals(e.vendorCode()));
                if (!busy || attempt >= saveRetries) {
                    throw e;
                }
                LOG.debug("save busy (errorcode {}), retry {} of {}", e.vendorCode(), attempt + 1, saveRetries);
                sleep(saveRetryDelay);
            }
        }
    }

    // ---------------------------------------------------------------- plumbing

    private void write(String method, String path, String query, ObjectNode body, Map<String, String> headers,
            String resource) {
        writes.incrementAndGet();
        call(method, path, query, body, headers, resource);
    }

    private JsonNode call(String method, String path, String query, ObjectNode body, Map<String, String> headers,
            String resource) {
        Response r = exchange(method, path, query, body, headers, resource, true);
        if (r.status >= 300 || (r.body != null && r.body.path("errorcode").asInt(0) != 0
                && !"WARNING".equalsIgnoreCase(r.body.path("severity").asText()))) {
            throw error(r, resource, method + " " + path);
        }
        return r.body == null ? JsonNodeFactory.instance.objectNode() : r.body;
    }

    private Response exchange(String method, String path, String query, ObjectNode body, Map<String, String> headers,
            String resource, boolean authenticated) {
        boolean relogged = false;
        int unavailable = 0;
        while (true) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            String used = null;
            if (authenticated) {
                if (sessionless) {
                    h.put("X-NITRO-USER", user);
                    h.put("X-NITRO-PASS", password);
                } else {
                    login();
                    used = token;
                    h.put("Cookie", "NITRO_AUTH_TOKEN=" + used);
                }
            }
            Response r = send(method, path + (query.isEmpty() ? "" : "?" + query), body, h, resource, true);
            if (r.status == 503 && unavailable < UNAVAILABLE_RETRIES) {
                unavailable++;
                LOG.debug("{} {} answered 503, retry {}", method, path, unavailable);
                sleep(Duration.ofMillis(100L * unavailable));
                continue;
            }
            if (r.status == 401 && authenticated && !sessionless && !relogged
                    && NitroError.SESSION_EXPIRED.contains(r.errorcode())) {
                LOG.debug("session expired (errorcode {}) on {} {}: logging in again", r.errorcode(), method, path);
                synchronized (sessionLock) {
                    if (Objects.equals(token, used)) {
                        token = null;
                    }
                }
                relogged = true;
                continue;
            }
            return r;
        }
    }

    private Response send(String method, String pathAndQuery, ObjectNode body, Map<String, String> headers,
            String resource, boolean count) {
        String line = method + " " + pathAndQuery;
        HttpUriRequestBase req = new HttpUriRequestBase(method, URI.create(url + pathAndQuery));
        req.setHeader("Accept", "application/json");
        headers.forEach(req::setHeader);
        if (body != null) {
            try {
                req.setEntity(new StringEntity(JSON.writeValueAsString(body), ContentType.APPLICATION_JSON));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write the body of " + line, e);
            }
        }
        if (count) {
            requests.incrementAndGet();
        }
        LOG.debug("NITRO {}", line);
        try {
            return http.execute(req, resp -> {
                String text = resp.getEntity() == null ? "" : EntityUtils.toString(resp.getEntity(),
                        StandardCharsets.UTF_8);
                String ctype = resp.getEntity() == null || resp.getEntity().getContentType() == null ? ""
                        : resp.getEntity().getContentType();
                JsonNode json = null;
                if (resp.getCode() == 503) {
                    // unavailable: whatever the body (often an HTML page), the request was not processed
                    return new Response(503, null, resp.getHeaders());
                }
                if (!text.isBlank()) {
                    try {
                        json = JSON.readTree(text);
                    } catch (IOException e) {
                        json = null;
                    }
                    if (json == null || !json.isObject()) {
                        throw new NotNitro(resp.getCode(), ctype);
                    }
                }
                return new Response(resp.getCode(), json, resp.getHeaders());
            });
        } catch (NotNitro e) {
            throw new TransportException(url.getHost() + " answered " + line + " with HTTP " + e.status + " "
                    + (e.contentType.isEmpty() ? "and a body" : e.contentType)
                    + " that is not NITRO JSON: is " + url + " a Citrix ADC management address?");
        } catch (ConnectTimeoutException e) {
            throw new TransportException("no connection to " + hostPort() + " within " + human(connectTimeout)
                    + " (connect time-out) for " + line, e);
        } catch (ConnectException e) {
            throw new TransportException("cannot connect to " + hostPort() + " for " + line + ": "
                    + e.getMessage(), e);
        } catch (SSLPeerUnverifiedException e) {
            throw new TransportException("TLS to " + hostPort() + " refused: its certificate does not name "
                    + url.getHost() + " (" + e.getMessage() + ")", e);
        } catch (SSLHandshakeException e) {
            throw new TransportException("TLS to " + hostPort() + " refused: its certificate is not trusted"
                    + " (give the CA that signed it with --ca / TlsSettings) (" + rootMessage(e) + ")", e);
        } catch (SSLException e) {
            throw new TransportException("TLS to " + hostPort() + " failed: " + rootMessage(e), e);
        } catch (SocketTimeoutException e) {
            throw new TransportException("no answer from " + hostPort() + " within " + human(responseTimeout)
                    + " (response time-out) to " + line, e);
        } catch (NoHttpResponseException e) {
            throw new TransportException(hostPort() + " closed the connection without answering " + line, e);
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for " + hostPort() + " to answer " + line, e);
        } catch (IOException e) {
            throw new TransportException("connection to " + hostPort() + " failed during " + line + ": "
                    + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    private String hostPort() {
        return url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    }

    private static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private DeviceException error(Response r, String resource, String request) {
        int code = r.errorcode();
        String message = r.body == null ? "" : r.body.path("message").asText("");
        String severity = r.body == null ? "" : r.body.path("severity").asText("");
        String vendorCode = code == 0 ? "" : String.valueOf(code);
        String msg = severity.isEmpty() || severity.equalsIgnoreCase("ERROR") ? message
                : message + " (severity " + severity + ")";
        if (r.status == 401 || r.status == 403 || code == 354 || code == 355 || code == 1025 || code == 1026
                || code == 352 || code == 1244 || NitroError.SESSION_EXPIRED.contains(code)) {
            return new AuthenticationException(r.status, vendorCode, msg, resource, request);
        }
        if (NitroError.NOT_FOUND.contains(code) || (code == 0 && r.status == 404)) {
            return new NotFoundException(r.status, vendorCode, msg, resource, request);
        }
        if (NitroError.EXISTS.contains(code) || (code == 0 && r.status == 409)) {
            return new ConflictException(r.status, vendorCode, msg, resource, request);
        }
        return new DeviceException(r.status, vendorCode, msg, resource, request);
    }

    private static NitroError errorOf(JsonNode n) {
        return new NitroError(n.path("errorcode").asInt(0), n.path("message").asText(""),
                n.path("severity").asText(n.path("errorcode").asInt(0) == 0 ? "NONE" : "ERROR"));
    }

    private static List<NitroObject> objects(String type, JsonNode body) {
        List<NitroObject> out = new ArrayList<>();
        for (JsonNode n : array(body.get(type))) {
            out.add(NitroObject.fromDevice(type, Json.toMap(n)));
        }
        return out;
    }

    private static List<JsonNode> array(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(out::add);
        } else if (n.isObject()) {
            out.add(n);
        }
        return out;
    }

    private static ObjectNode wrap(String type, Map<String, Object> attributes) {
        ObjectNode body = JSON.createObjectNode();
        body.set(type, Json.toNode(attributes));
        return body;
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String args(Map<String, Object> args) {
        if (args.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("args=");
        boolean first = true;
        for (Map.Entry<String, Object> e : args.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            b.append(e.getKey()).append(':').append(encode(String.valueOf(e.getValue())));
        }
        return b.toString();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting to retry", e);
        }
    }

    @Override
    public String toString() {
        return "NitroClient[" + url + ", user=" + user + (sessionless ? ", sessionless" : "") + "]";
    }

    private static final class NotNitro extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String contentType;

        NotNitro(int status, String contentType) {
            super("not NITRO JSON");
            this.status = status;
            this.contentType = contentType;
        }
    }

    private static final class Response {
        final int status;
        final JsonNode body;
        final Header[] headers;

        Response(int status, JsonNode body, Header[] headers) {
            this.status = status;
            this.body = body;
            this.headers = headers;
        }

        int errorcode() {
            return body == null ? 0 : body.path("errorcode").asInt(0);
        }
    }

    /** Builds a {@link NitroClient}. Not thread-safe. */
    public static final class Builder {
        private URI url;
        private String user;
        private String password;
        private TlsSettings tls = TlsSettings.defaults();
        private boolean sessionless;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private Duration sessionTimeout = DEFAULT_SESSION_TIMEOUT;
        private int saveRetries = DEFAULT_SAVE_RETRIES;
        private Duration saveRetryDelay = DEFAULT_SAVE_RETRY_DELAY;

        private Builder() {
        }

        /**
         * @param url the management URL, e.g. {@code https://adc.hospital.org} (required)
         * @return this builder
         */
        public Builder url(URI url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * @param user the NITRO user (required)
         * @param password its password (required; never logged or shown)
         * @return this builder
         */
        public Builder credentials(String user, String password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * @param tls whom to trust for the management certificate; default: the platform's trust store
         * @return this builder
         */
        public Builder tls(TlsSettings tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
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
         * @param connectTimeout TCP connect (and TLS handshake) time-out; default {@link #DEFAULT_CONNECT_TIMEOUT}
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive("connectTimeout", connectTimeout);
            return this;
        }

        /**
         * @param responseTimeout how long to wait for an answer; default {@link #DEFAULT_RESPONSE_TIMEOUT}
         * @return this builder
         */
        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = positive("responseTimeout", responseTimeout);
            return this;
        }

        /**
         * @param sessionTimeout the idle time-out asked for at login; default {@link #DEFAULT_SESSION_TIMEOUT}
         * @return this builder
         */
        public Builder sessionTimeout(Duration sessionTimeout) {
            this.sessionTimeout = positive("sessionTimeout", sessionTimeout);
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

        private static Duration positive(String field, Duration d) {
            Objects.requireNonNull(d, field);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(field + " must be positive, not " + d);
            }
            return d;
        }

        /**
         * @return the client (no request is sent until the first call)
         * @throws NullPointerException when the url or credentials are missing
         */
        public NitroClient build() {
            return new NitroClient(this);
        }
    }
}
