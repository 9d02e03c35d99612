package io.hakit.f5.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/** Raw HTTP against a simulator (HttpClient 5, no retries): what a test sees is what any client sees. */
final class SimHttp {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** One answer. */
    record Resp(int status, String contentType, String text, JsonNode json) {
        String message() {
            return json.path("message").asText();
        }
    }

    private final CloseableHttpClient client;
    private final URI base;
    private String token;
    private String basic;
    private final Map<String, String> extra = new LinkedHashMap<>();

    SimHttp(URI base) {
        this(base, null);
    }

    SimHttp(URI base, SSLContext tls) {
        PoolingHttpClientConnectionManagerBuilder cm = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5)).build());
        if (tls != null) {
            cm.setTlsSocketStrategy(new DefaultClientTlsStrategy(tls));
        }
        this.client = HttpClients.custom().setConnectionManager(cm.build()).disableAutomaticRetries()
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(20)).build())
                .build();
        this.base = base;
    }

    static SimHttp loggedIn(F5Simulator sim) {
        SimHttp h = new SimHttp(sim.url());
        h.login("admin", "admin");
        return h;
    }

    Resp login(String user, String password) {
        Resp r = send("POST", "/mgmt/shared/authn/login",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\",\"loginProviderName\":\"tmos\"}",
                false);
        if (r.status == 200) {
            token = r.json.path("token").path("token").asText();
        }
        return r;
    }

    String token() {
        return token;
    }

    SimHttp token(String t) {
        this.token = t;
        return this;
    }

    SimHttp basic(String user, String password) {
        this.token = null;
        this.basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    SimHttp anonymous() {
        this.token = null;
        this.basic = null;
        return this;
    }

    SimHttp header(String name, String value) {
        if (value == null) {
            extra.remove(name);
        } else {
            extra.put(name, value);
        }
        return this;
    }

    Resp get(String path) {
        return send("GET", path, null, true);
    }

    Resp post(String path, String json) {
        return send("POST", path, json, true);
    }

    Resp put(String path, String json) {
        return send("PUT", path, json, true);
    }

    Resp patch(String path, String json) {
        return send("PATCH", path, json, true);
    }

    Resp delete(String path) {
        return send("DELETE", path, null, true);
    }

    Resp send(String method, String path, String json, boolean auth) {
        ClassicRequestBuilder b = ClassicRequestBuilder.create(method).setUri(base.resolve(path));
        if (json != null) {
            b.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        }
        if (auth && token != null) {
            b.addHeader("X-F5-Auth-Token", token);
        } else if (auth && basic != null) {
            b.addHeader("Authorization", basic);
        }
        extra.forEach(b::addHeader);
        return execute(b.build());
    }

    Resp upload(String name, byte[] bytes, int from, int to) {
        byte[] chunk = java.util.Arrays.copyOfRange(bytes, from, to);
        ClassicHttpRequest req = ClassicRequestBuilder.post(base.resolve("/mgmt/shared/file-transfer/uploads/" + name))
                .addHeader("X-F5-Auth-Token", token)
                .addHeader("Content-Range", from + "-" + (to - 1) + "/" + bytes.length)
                .setEntity(new ByteArrayEntity(chunk, ContentType.APPLICATION_OCTET_STREAM))
                .build();
        return execute(req);
    }

    Resp execute(ClassicHttpRequest req) {
        try {
            return client.execute(req, r -> {
                String text = r.getEntity() == null ? "" : EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8);
                String ct = r.getFirstHeader("Content-Type") == null ? "" : r.getFirstHeader("Content-Type").getValue();
                JsonNode json = MissingNode.getInstance();
                if (ct.startsWith("application/json") && !text.isEmpty()) {
                    json = MAPPER.readTree(text);
                }
                return new Resp(r.getCode(), ct, text, json);
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
