package io.hakit.test;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.model.spi.DeviceTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Writes objects of another application to a device (a simulator) through its REST API, as another team's
 * automation would: the requests are recorded, counted as writes and answered like any client's. For tests of
 * a load balancer shared with other applications. Every write must be answered 2xx, or it fails the test with
 * an {@link AssertionError} naming the request and the device's answer. Thread-safe.
 *
 * <pre>{@code
 * ForeignObjects.nitro(target).add("server", Map.of("name", "10.30.1.11", "ipaddress", "10.30.1.11"));
 * ForeignObjects.iControl(target).create("ltm/node", Map.of("name", "10.30.1.11", "address", "10.30.1.11"));
 * }</pre>
 *
 * <p>Connects with the target's TLS settings; connect and response time-outs are {@link #TIMEOUT}.
 */
public final class ForeignObjects {
    /** The connect and the response time-out of every write: 10 seconds. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeviceTarget target;
    private final String base;
    private final boolean nitro;
    private final HttpClient http;

    private ForeignObjects(DeviceTarget target, boolean nitro) {
        this.target = Objects.requireNonNull(target, "target");
        this.nitro = nitro;
        String url = target.url().toString();
        this.base = (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + (nitro ? "/nitro/v1/config/"
                : "/mgmt/tm/");
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(TIMEOUT);
        if ("https".equalsIgnoreCase(target.url().getScheme())) {
            b.sslContext(target.tls().sslContext());
        }
        this.http = b.build();
    }

    /**
     * A writer to a Citrix ADC's NITRO API ({@code /nitro/v1/config/}), logged in with the
     * {@code X-NITRO-USER} / {@code X-NITRO-PASS} headers.
     *
     * @param target the ADC (e.g. injected by {@link CitrixSimulatorTest})
     * @return the writer
     */
    public static ForeignObjects nitro(DeviceTarget target) {
        return new ForeignObjects(target, true);
    }

    /**
     * A writer to a BIG-IP's iControl REST API ({@code /mgmt/tm/}), with basic authentication.
     *
     * @param target the BIG-IP (e.g. injected by {@link F5SimulatorTest})
     * @return the writer
     */
    public static ForeignObjects iControl(DeviceTarget target) {
        return new ForeignObjects(target, false);
    }

    /**
     * NITRO: adds an object, {@code POST /nitro/v1/config/<resource>} with {@code {"<resource>": {...}}}.
     *
     * @param resource e.g. {@code server}
     * @param attributes e.g. {@code Map.of("name", "web01", "ipaddress", "10.10.10.23")}
     * @throws AssertionError when the device does not answer 2xx
     * @throws IllegalStateException on an iControl writer
     */
    public void add(String resource, Map<String, ?> attributes) {
        nitroWrite("POST", resource, attributes);
    }

    /**
     * NITRO: binds, {@code PUT /nitro/v1/config/<binding>} with {@code {"<binding>": {...}}}.
     *
     * @param binding e.g. {@code lbvserver_servicegroup_binding}
     * @param attributes the binding's attributes, the parent's key included
     * @throws AssertionError when the device does not answer 2xx
     * @throws IllegalStateException on an iControl writer
     */
    public void bind(String binding, Map<String, ?> attributes) {
        nitroWrite("PUT", binding, attributes);
    }

    /**
     * iControl REST: creates an object, {@code POST /mgmt/tm/<collection>} with the body as JSON.
     *
     * @param collection e.g. {@code ltm/node}
     * @param body e.g. {@code Map.of("name", "10.30.1.11", "partition", "Common", "address", "10.30.1.11")}
     * @throws AssertionError when the device does not answer 2xx
     * @throws IllegalStateException on a NITRO writer
     */
    public void create(String collection, Map<String, ?> body) {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(body, "body");
        if (nitro) {
            throw new IllegalStateException("create is iControl REST; a NITRO writer has add and bind");
        }
        send("POST", collection, JSON.valueToTree(body).toString(), body);
    }

    private void nitroWrite(String method, String resource, Map<String, ?> attributes) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(attributes, "attributes");
        if (!nitro) {
            throw new IllegalStateException("add and bind are NITRO; an iControl writer has create");
        }
        send(method, resource, JSON.createObjectNode().set(resource, JSON.valueToTree(attributes)).toString(), attributes);
    }

    private void send(String method, String path, String json, Map<String, ?> shown) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        String password = new String(target.password());
        if (nitro) {
            req.header("X-NITRO-USER", target.user()).header("X-NITRO-PASS", password);
        } else {
            req.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((target.user() + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " to " + target.url() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " was interrupted", e);
        }
        if (answer.statusCode() < 200 || answer.statusCode() > 299) {
            throw new AssertionError(method + " " + path + " " + shown + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    @Override
    public String toString() {
        return "ForeignObjects[" + base + "]";
    }
}
