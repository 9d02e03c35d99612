package io.hakit.f5.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.model.tls.TlsSettings;
import io.hakit.model.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP layer of the iControl client: one pooled HttpClient 5 with named time-outs. Thread-safe. */
public final class Http implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Http.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String host;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final CloseableHttpClient client;

    /**
     * @param base the device URL
     * @param tls the trust settings
     * @param insecure skip certificate and host-name checks
     * @param connectTimeout the connect time-out
     * @param responseTimeout the response time-out
     */
    public Http(URI base, TlsSettings tls, boolean insecure, Duration connectTimeout, Duration responseTimeout) {
        this.base = base;
        this.host = base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        DefaultClientTlsStrategy strategy;
        if (insecure) {
            LOG.warn("TLS verification of {} is OFF (insecureSkipVerify): anyone on the path can impersonate it", host);
            try {
                SSLContext trustAll = SSLContexts.custom().loadTrustMaterial(TrustAllStrategy.INSTANCE).build();
                strategy = new DefaultClientTlsStrategy(trustAll, HostnameVerificationPolicy.CLIENT,
                        NoopHostnameVerifier.INSTANCE);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("cannot build a trust-all TLS context", e);
            }
        } else {
            strategy = new DefaultClientTlsStrategy(tls.sslContext());
        }
        PoolingHttpClientConnectionManager manager = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(strategy)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(responseTimeout))
                        .build())
                .setMaxConnTotal(8).setMaxConnPerRoute(8)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(manager)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(responseTimeout))
                        .setRedirectsEnabled(false).build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    /** What the device answered. */
    public record Response(int status, String contentType, byte[] body) {

        /** @return whether the body is JSON */
        public boolean isJson() {
            return contentType != null && contentType.toLowerCase().contains("json");
        }

        /** @return the body as text */
        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        /**
         * @param method the request method (for messages)
         * @param path the request path (for messages)
         * @return the body as JSON, an empty object when there is none
         * @throws TransportException when the body is not JSON
         */
        public JsonNode json(String method, String path) {
            if (body.length == 0) {
                return JSON.createObjectNode();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new TransportException(method + " " + path + " answered HTTP " + status + " with a body that "
                        + "is not JSON (" + (contentType == null ? "no content type" : contentType) + "): "
                        + Errors.excerpt(text()));
            }
        }
    }

    /**
     * Sends one request; never retries.
     *
     * @param method the method
     * @param path the path with query
     * @param body the body, or null
     * @param authHeader the authentication header name, or null
     * @param authValue its value, or null
     * @param coordinationId the transaction id, or null
     * @param contentRange the {@code Content-Range} of an upload (octet-stream), or null for JSON
     * @return the answer
     * @throws TransportException naming the host and the time-out that fired
     */
    public Response execute(String method, String path, byte[] body, String authHeader, String authValue,
            String coordinationId, String contentRange) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, base.resolve(path));
        request.setHeader("Accept", "application/json");
        if (authHeader != null && authValue != null) {
            request.setHeader(authHeader, authValue);
        }
        if (coordinationId != null) {
            request.setHeader("X-F5-REST-Coordination-Id", coordinationId);
        }
        if (body != null) {
            if (contentRange != null) {
                request.setHeader("Content-Range", contentRange);
                request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_OCTET_STREAM));
            } else {
                request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
            }
        }
        String what = method + " " + Errors.mask(stripQuery(path));
        try {
            return client.execute(request, response -> {
                byte[] bytes = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
                String type = response.getEntity() == null ? null : response.getEntity().getContentType();
                LOG.debug("{} -> {}", what, response.getCode());
                return new Response(response.getCode(), type, bytes);
            });
        } catch (ConnectTimeoutException e) {
            throw new TransportException("connect time-out (" + seconds(connectTimeout) + ") fired connecting to "
                    + host + " for " + what, e);
        } catch (SocketTimeoutException e) {
            throw new TransportException("response time-out (" + seconds(responseTimeout) + ") fired waiting for "
                    + host + " to answer " + what, e);
        } catch (ConnectException e) {
            throw new TransportException("cannot connect to " + host + " (" + e.getMessage() + ") for " + what, e);
        } catch (UnknownHostException e) {
            throw new TransportException("cannot resolve " + base.getHost() + " for " + what, e);
        } catch (SSLPeerUnverifiedException e) {
            throw new TransportException("TLS: " + host + " presented a certificate that does not match the name "
                    + base.getHost() + " (" + e.getMessage() + ")", e);
        } catch (SSLHandshakeException e) {
            throw new TransportException("TLS: " + host + " presented a certificate that is not trusted ("
                    + rootMessage(e) + "); pass the CA that signed it (--ca PEM)", e);
        } catch (SSLException e) {
            throw new TransportException("TLS with " + host + " failed: " + rootMessage(e), e);
        } catch (NoHttpResponseException e) {
            throw new TransportException(host + " closed the connection without answering " + what, e);
        } catch (InterruptedIOException e) {
            throw new TransportException("interrupted waiting for " + host + " to answer " + what, e);
        } catch (IOException e) {
            throw new TransportException("I/O error talking to " + host + " for " + what + ": " + e, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String stripQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.getSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        try {
            client.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
        } catch (RuntimeException e) {
            LOG.debug("closing the HTTP client of {}: {}", host, e.toString());
        }
    }

}
