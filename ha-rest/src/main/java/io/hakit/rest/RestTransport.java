package io.hakit.rest;

import io.hakit.model.TransportException;
import io.hakit.model.tls.TlsSettings;
import io.hakit.rest.internal.Failures;
import io.hakit.rest.internal.QuietConnectionFactory;
import io.hakit.rest.internal.SecretPathExecutor;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP layer under every device client: one pooled HttpClient 5 per device, TLS from {@link TlsSettings}
 * with the host name verified explicitly, a connect and a response time-out, and one mapping of failures to
 * {@link TransportException} (a {@link io.hakit.model.TimeoutException} saying which time-out fired). Sends one
 * request per {@link #execute(RestRequest)} call and never retries by itself; retries are
 * {@link Policies policies} the clients wrap around it.
 *
 * <p>Secrets never reach a logger: the connections are {@code QuietConnection}s without HttpClient's wire and
 * header logging, and a path holding a token passes HttpClient's execution chain (which logs request lines)
 * redacted, the real path being put on the connection only as it is written. Plain {@code http://} to anything
 * but a loopback address is refused unless {@link Builder#allowPlainHttp(boolean)} says otherwise.
 *
 * <p>Thread-safe.
 */
public final class RestTransport implements AutoCloseable {

    /** Connect time-out when none is given: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Response time-out when none is given: 60 seconds. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    /** Connections kept per device: 8. */
    public static final int MAX_CONNECTIONS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(RestTransport.class);

    private final URI base;
    private final String host;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final boolean caGiven;
    private final CloseableHttpClient client;

    private RestTransport(Builder b) {
        URI url = Objects.requireNonNull(b.url, "url");
        String s = url.toString();
        this.base = s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : url;
        this.host = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.caGiven = !b.tls.trustedCertificates().isEmpty() || !b.tls.trustStores().isEmpty();
        checkScheme(url, b.allowPlainHttp);
        DefaultClientTlsStrategy tls;
        if (b.insecure) {
            LOG.warn("TLS verification of {} is OFF (insecureSkipVerify): anyone on the path can impersonate the"
                    + " device and read its password", host);
            try {
                SSLContext trustAll = SSLContexts.custom().loadTrustMaterial(TrustAllStrategy.INSTANCE).build();
                tls = new DefaultClientTlsStrategy(trustAll, HostnameVerificationPolicy.CLIENT,
                        NoopHostnameVerifier.INSTANCE);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot build a trust-all TLS context", e);
            }
        } else {
            tls = new DefaultClientTlsStrategy(b.tls.sslContext(), HostnameVerificationPolicy.CLIENT,
                    new DefaultHostnameVerifier());
        }
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setConnectionFactory(QuietConnectionFactory.INSTANCE)
                        .setTlsSocketStrategy(tls)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(responseTimeout)).build())
                        .setMaxConnTotal(MAX_CONNECTIONS).setMaxConnPerRoute(MAX_CONNECTIONS).build())
                .setRequestExecutor(new SecretPathExecutor())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(responseTimeout))
                        .setRedirectsEnabled(false).build())
                .disableCookieManagement().disableAutomaticRetries().disableRedirectHandling().build();
    }

    private void checkScheme(URI url, boolean allowPlainHttp) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("url " + url + " must be https:// (or http:// to a loopback address)");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("url has no host: " + url);
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            if (!allowPlainHttp) {
                throw new IllegalArgumentException("refusing " + url + ": over plain http:// the device password and"
                        + " private keys would cross the network unencrypted; use https://" + host
                        + ", or allow plain HTTP for a lab device with allowPlainHttp(true) / --allow-plain-http");
            }
            LOG.warn("plain HTTP to {} allowed (allowPlainHttp / --allow-plain-http): the device password and private"
                    + " keys cross the network unencrypted", host);
        }
    }

    /**
     * @param host a URL's host
     * @return whether it is this machine: {@code localhost}, {@code 127.0.0.0/8} or {@code ::1}, without DNS
     */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
                || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the device URL, without a trailing slash */
    public URI url() {
        return base;
    }

    /** @return the device's {@code host[:port]}, for messages */
    public String hostPort() {
        return host;
    }

    /** @return the connect time-out */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the response time-out */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /**
     * Sends one request and reads the whole answer.
     *
     * @param request the request
     * @return the answer, whatever its status
     * @throws TransportException when the device cannot be reached or does not answer in time
     *     ({@link io.hakit.model.TimeoutException}); on an interrupt the thread's interrupt flag is set again
     */
    public RestResponse execute(RestRequest request) {
        String shown = Redaction.path(request.path());
        HttpUriRequestBase req = new HttpUriRequestBase(request.method(), URI.create(base + shown));
        req.setHeader("Accept", "application/json");
        request.headers().forEach(req::setHeader);
        if (request.body() != null) {
            req.setEntity(new ByteArrayEntity(request.body(), contentType(request.contentType())));
        }
        HttpClientContext context = HttpClientContext.create();
        if (!shown.equals(request.path())) {
            context.setAttribute(SecretPathExecutor.REAL_PATH, request.path());
        }
        String what = request.method() + " " + stripQuery(shown);
        try {
            RestResponse r = client.execute(req, context, resp -> {
                byte[] bytes = resp.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(resp.getEntity());
                String type = resp.getEntity() == null ? null : resp.getEntity().getContentType();
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (Header h : resp.getHeaders()) {
                    headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
                }
                return new RestResponse(resp.getCode(), type, headers, bytes);
            });
            LOG.debug("{} {} -> {}", host, what, r.status());
            return r;
        } catch (IOException e) {
            throw Failures.map(e, host, base.getHost(), what, connectTimeout, responseTimeout, caGiven);
        }
    }

    private static ContentType contentType(String type) {
        if (type.equalsIgnoreCase(RestRequest.JSON)) {
            return ContentType.APPLICATION_JSON;
        }
        if (type.equalsIgnoreCase(ContentType.APPLICATION_OCTET_STREAM.getMimeType())) {
            return ContentType.APPLICATION_OCTET_STREAM;
        }
        return ContentType.parse(type);
    }

    private static String stripQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    /** Releases the connections. Never throws. */
    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }

    @Override
    public String toString() {
        return "RestTransport[" + base + "]";
    }

    /** Builds a {@link RestTransport}. Not thread-safe. */
    public static final class Builder {
        private URI url;
        private TlsSettings tls = TlsSettings.defaults();
        private boolean insecure;
        private boolean allowPlainHttp;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;

        private Builder() {
        }

        /**
         * @param url the device's management URL, {@code https://host[:port]} (required)
         * @return this builder
         */
        public Builder url(URI url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * @param tls whom to trust for the device's certificate; default the platform's trust store
         * @return this builder
         */
        public Builder tls(TlsSettings tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /**
         * Skips certificate and host-name verification; logs a warning. Only for lab devices.
         *
         * @param insecure whether to skip verification; default false
         * @return this builder
         */
        public Builder insecureSkipVerify(boolean insecure) {
            this.insecure = insecure;
            return this;
        }

        /**
         * @param allow whether plain {@code http://} to a non-loopback device is allowed (a warning is logged);
         *     default false: refused when built
         * @return this builder
         */
        public Builder allowPlainHttp(boolean allow) {
            this.allowPlainHttp = allow;
            return this;
        }

        /**
         * @param connect the TCP connect (and TLS handshake) time-out
         * @param response how long to wait for an answer
         * @return this builder
         */
        public Builder timeouts(Duration connect, Duration response) {
            this.connectTimeout = positive(connect, "connect time-out");
            this.responseTimeout = positive(response, "response time-out");
            return this;
        }

        /**
         * @param d a duration
         * @param name what it is, for the message
         * @return it, when positive
         * @throws IllegalArgumentException when zero or negative
         */
        public static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, not " + d);
            }
            return d;
        }

        /**
         * @return the transport
         * @throws IllegalArgumentException for a URL that is not https (or http to loopback, or allowed http)
         */
        public RestTransport build() {
            return new RestTransport(this);
        }
    }
}
