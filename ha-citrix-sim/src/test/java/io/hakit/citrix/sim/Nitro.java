package io.hakit.citrix.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/** A raw NITRO caller for the simulator's own tests (JDK HttpClient, no hakit client code). */
final class Nitro {
    static final ObjectMapper JSON = new ObjectMapper();

    record Resp(int status, JsonNode body, Map<String, String> headers) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        int errorcode() {
            return body.path("errorcode").asInt(-1);
        }

        String message() {
            return body.path("message").asText();
        }
    }

    private final CloseableHttpClient http;
    private final URI base;
    private String token;
    private final Map<String, String> extra = new LinkedHashMap<>();

    Nitro(URI base) {
        this(base, null);
    }

    Nitro(URI base, SSLContext tls) {
        PoolingHttpClientConnectionManagerBuilder cm = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5)).build());
        if (tls != null) {
            cm.setTlsSocketStrategy(new DefaultClientTlsStrategy(tls));
        }
        this.http = HttpClients.custom().setConnectionManager(cm.build()).disableCookieManagement()
                .disableAutomaticRetries()
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(20)).build())
                .build();
        this.base = base;
    }

    /** Logs in as admin/admin and keeps the token. */
    Nitro login() {
        return login("admin", "admin");
    }

    Nitro login(String user, String password) {
        Resp r = post("login", "{\"login\":{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}}");
        if (r.status() != 201) {
            throw new AssertionError("login failed: " + r.status() + " " + r.body());
        }
        token = r.body().path("sessionid").asText();
        return this;
    }

    String token() {
        return token;
    }

    Nitro token(String token) {
        this.token = token;
        return this;
    }

    Nitro header(String name, String value) {
        extra.put(name, value);
        return this;
    }

    Nitro onerror(String mode) {
        return header("X-NITRO-ONERROR", mode);
    }

    Resp get(String path) {
        return send("GET", path, null);
    }

    Resp post(String path, String body) {
        return send("POST", path, body);
    }

    Resp put(String path, String body) {
        return send("PUT", path, body);
    }

    Resp delete(String path) {
        return send("DELETE", path, null);
    }

    /** {"resource": {attrs}} */
    Resp add(String resource, Map<String, Object> attrs) {
        return post(resource, wrap(resource, attrs));
    }

    static String wrap(String resource, Object attrs) {
        ObjectNode o = JSON.createObjectNode();
        o.set(resource, JSON.valueToTree(attrs));
        return o.toString();
    }

    Resp send(String method, String path, String body) {
        HttpUriRequestBase req = new HttpUriRequestBase(method, URI.create(base + "/nitro/v1/config/" + path));
        if (body != null) {
            req.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        }
        if (token != null) {
            req.addHeader("Cookie", "NITRO_AUTH_TOKEN=" + token);
        }
        extra.forEach(req::addHeader);
        try {
            return http.execute(req, r -> {
                Map<String, String> headers = new LinkedHashMap<>();
                for (Header h : r.getHeaders()) {
                    headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
                }
                String text = r.getEntity() == null ? "" : EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8);
                JsonNode n = text.isEmpty() || !headers.getOrDefault("content-type", "").contains("json")
                        ? JSON.createObjectNode() : JSON.readTree(text);
                return new Resp(r.getCode(), n, headers);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
