package io.hakit.health.internal;

import io.hakit.health.ConnectTo;
import io.hakit.health.HostResolver;
import io.hakit.health.ProbeOutcome;
import io.hakit.model.tls.CertificateProblem;
import io.hakit.health.ProbeResult;
import io.hakit.health.ProbeTarget;
import io.hakit.model.HealthTest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.reactor.ssl.SSLBufferMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probe engine: one Apache HttpClient 5 async client (non-blocking I/O on a few
 * reactor threads, pooled keep-alive connections), a resolver adapter, and a timer for
 * the hard deadline of each probe. Thread-safe.
 */
public final class ProbeClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeClient.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** Initial HTTP/1.1 session buffer per connection (HttpCore's default is 8 KiB, in and out). */
    private static final int SESSION_BUFFER_BYTES = 2048;

    private final CloseableHttpAsyncClient client;
    private final ScheduledExecutorService timer;
    private final Duration connectTimeout;
    private final int maxBodyBytes;
    private final HostResolver resolver;
    private final List<ConnectTo> connectTo;

    /**
     * @param sslContext the client TLS context
     * @param resolver maps host names to addresses
     * @param connectTo host and port mappings tried before the resolver
     * @param connectTimeout TCP connect and TLS handshake time-out
     * @param maxConnections pooled connections in total
     * @param maxConnectionsPerTarget pooled connections per target
     * @param ioThreads reactor threads
     * @param maxBodyBytes how much of a body is read for the response match
     * @param userAgent the User-Agent header
     */
    public ProbeClient(SSLContext sslContext, HostResolver resolver, List<ConnectTo> connectTo, Duration connectTimeout, int maxConnections,
            int maxConnectionsPerTarget, int ioThreads, int maxBodyBytes, String userAgent) {
        this.connectTimeout = connectTimeout;
        this.maxBodyBytes = maxBodyBytes;
        this.resolver = resolver;
        this.connectTo = List.copyOf(connectTo);
        ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create().setSslContext(sslContext)
                .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                .setHostnameVerifier(new DefaultHostnameVerifier())
                .setSslBufferMode(SSLBufferMode.DYNAMIC); // idle kept-alive connections release their TLS buffers
        PoolingAsyncClientConnectionManager cm = PoolingAsyncClientConnectionManagerBuilder.create()
                .setTlsStrategy(tls.buildAsync())
                .setDnsResolver(new ResolverAdapter(resolver, this.connectTo))
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnectionsPerTarget)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .setDefaultTlsConfig(TlsConfig.custom()
                        .setHandshakeTimeout(Timeout.of(connectTimeout))
                        .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                        .build())
                .build();
        int n = INSTANCES.incrementAndGet();
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(cm)
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(ioThreads)
                        .setSelectInterval(TimeValue.ofMilliseconds(100))
                        .setTcpNoDelay(true)
                        .build())
                .setThreadFactory(r -> {
                    Thread t = new Thread(r, "hakit-probe-io-" + n);
                    t.setDaemon(true);
                    return t;
                })
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableConnectionState()
                .disableAuthCaching()
                .setUserAgent(userAgent)
                // health answers are small; the session buffers grow when a response needs more
                .setHttp1Config(Http1Config.custom().setBufferSize(SESSION_BUFFER_BYTES).build())
                .build();
        ScheduledThreadPoolExecutor stpe = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "hakit-probe-timer-" + n);
            t.setDaemon(true);
            return t;
        });
        stpe.setRemoveOnCancelPolicy(true);
        this.timer = stpe;
        client.start();
    }

    /**
     * Runs one probe. Never completes exceptionally: every failure is a {@link ProbeResult}.
     *
     * @param target where to probe
     * @param test what to send and accept
     * @return the result, when it is known
     */
    public CompletableFuture<ProbeResult> probe(ProbeTarget target, HealthTest test) {
        long start = System.nanoTime();
        String url = target.url(test.path());
        CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        HttpHost host = new HttpHost(target.tls() ? "https" : "http", target.host(), target.port());
        SimpleHttpRequest request = SimpleRequestBuilder.create(test.method()).setHttpHost(host).setPath(test.path())
                .addHeader("Accept", "*/*").build();
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(test.timeout()))
                .setRedirectsEnabled(false)
                .build());
        Future<Response> exchange;
        try {
            exchange = client.execute(SimpleRequestProducer.create(request), new BoundedConsumer(maxBodyBytes), context,
                    new FutureCallback<>() {
                        @Override
                        public void completed(Response response) {
                            result.complete(evaluate(target, url, test, response, start));
                        }

                        @Override
                        public void failed(Exception ex) {
                            result.complete(failure(target, url, test, ex, start, established(target, context)));
                        }

                        @Override
                        public void cancelled() {
                            result.complete(done(target, url, ProbeOutcome.CANCELLED, 0, start, "the probe was cancelled"));
                        }
                    });
        } catch (RuntimeException e) {
            // the client is shut down, or refused the request
            result.complete(done(target, url, ProbeOutcome.CANCELLED, 0, start, "the prober is closed: " + e.getMessage()));
            return result;
        }
        // a hard deadline, for servers that trickle a response so slowly that no read times out
        Duration deadline = connectTimeout.plus(test.timeout()).plusMillis(200);
        ScheduledFuture<?> guard;
        try {
            guard = timer.schedule(() -> {
                ProbeResult late = established(target, context)
                        ? done(target, url, ProbeOutcome.RESPONSE_TIMEOUT, 0, start,
                                "no complete response within " + human(test.timeout()))
                        : done(target, url, ProbeOutcome.CONNECT_TIMEOUT, 0, start,
                                "no connection to " + target + " within " + human(connectTimeout));
                if (result.complete(late)) {
                    exchange.cancel(true);
                }
            }, deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            exchange.cancel(true);
            result.complete(done(target, url, ProbeOutcome.CANCELLED, 0, start, "the prober is closed"));
            return result;
        }
        result.whenComplete((r, e) -> guard.cancel(false));
        return result;
    }

    /** Whether the connection (and, for HTTPS, the TLS handshake) was complete: what separates the two time-outs. */
    private static boolean established(ProbeTarget target, HttpClientContext context) {
        return target.tls() ? context.getSSLSession() != null : context.getEndpointDetails() != null;
    }

    private static ProbeResult evaluate(ProbeTarget target, String url, HealthTest test, Response r, long start) {
        if (!test.statusCodes().contains(r.status)) {
            return done(target, url, ProbeOutcome.STATUS_MISMATCH, r.status, start,
                    "status " + r.status + " is not in " + test.statusCodes());
        }
        Optional<String> match = test.responseMatch();
        if (match.isPresent()) {
            String body = new String(r.body, 0, r.length, r.charset);
            if (!body.contains(match.get())) {
                return done(target, url, ProbeOutcome.RESPONSE_MISMATCH, r.status, start,
                        "status " + r.status + " but the response does not contain '" + match.get()
                                + "' (case-sensitive" + (r.truncated ? ", first " + r.length + " bytes read" : "") + ")");
            }
        }
        return done(target, url, ProbeOutcome.SUCCESS, r.status, start, "status " + r.status
                + match.map(m -> ", response contains '" + m + "'").orElse(""));
    }

    private ProbeResult failure(ProbeTarget target, String url, HealthTest test, Exception ex, long start,
            boolean established) {
        if (ex instanceof CancellationException || ex instanceof IllegalStateException) {
            return done(target, url, ProbeOutcome.CANCELLED, 0, start, "the probe was cancelled: " + ex.getMessage());
        }
        CertificateProblem problem = CertificateProblem.in(ex);
        if (problem != null) {
            return done(target, url, outcomeOf(problem.reason()), 0, start, problem.getMessage());
        }
        for (Throwable c = ex; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (c instanceof SSLPeerUnverifiedException) {
                return done(target, url, ProbeOutcome.CERTIFICATE_WRONG_NAME, 0, start,
                        "the certificate does not name " + target.host() + ": " + m);
            }
            if (c instanceof ConnectTimeoutException) {
                return done(target, url, ProbeOutcome.CONNECT_TIMEOUT, 0, start,
                        "no connection to " + target + " within " + human(connectTimeout));
            }
            if (c instanceof UnknownHostException) {
                return done(target, url, ProbeOutcome.UNRESOLVED, 0, start, "cannot resolve " + target.host());
            }
            if (c instanceof NoRouteToHostException) {
                return done(target, url, ProbeOutcome.CONNECTION_REFUSED, 0, start, "no route to " + where(target));
            }
            if (c instanceof ConnectException) {
                return done(target, url, ProbeOutcome.CONNECTION_REFUSED, 0, start, "connection refused by " + where(target));
            }
            if (c instanceof SocketTimeoutException) {
                if (!established) {
                    return done(target, url, ProbeOutcome.CONNECT_TIMEOUT, 0, start,
                            "no TLS handshake with " + target + " within " + human(connectTimeout));
                }
                return done(target, url, ProbeOutcome.RESPONSE_TIMEOUT, 0, start,
                        "no response within " + human(test.timeout()));
            }
            if (c instanceof ConnectionClosedException) {
                return done(target, url, ProbeOutcome.CONNECTION_RESET, 0, start,
                        "the server closed the connection before a complete response");
            }
            if (c instanceof SocketException && m.toLowerCase(java.util.Locale.ROOT).contains("reset")) {
                return done(target, url, ProbeOutcome.CONNECTION_RESET, 0, start, "the server reset the connection: " + m);
            }
            if (c instanceof SSLException) {
                if (m.contains("closed") || m.contains("Remote host terminated")) {
                    return done(target, url, ProbeOutcome.CONNECTION_RESET, 0, start,
                            "the server closed the connection during the TLS handshake: " + m);
                }
                return done(target, url, ProbeOutcome.TLS_HANDSHAKE_FAILED, 0, start, "TLS handshake failed: " + m);
            }
            if (c instanceof HttpException) {
                return done(target, url, ProbeOutcome.PROTOCOL_ERROR, 0, start, "not a valid HTTP response: " + m);
            }
        }
        if (ex instanceof IOException) {
            return done(target, url, ProbeOutcome.IO_ERROR, 0, start, ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
        LOG.debug("unexpected probe failure for {}", url, ex);
        return done(target, url, ProbeOutcome.IO_ERROR, 0, start, ex.getClass().getSimpleName() + ": " + ex.getMessage());
    }

    /** The target, and the address it was resolved to when it is a name: {@code app1.hospital.org:7001 at 10.0.0.11}. */
    private String where(ProbeTarget target) {
        Optional<ConnectTo> mapped = mapping(connectTo, target.host(), target.port());
        if (mapped.isPresent()) {
            return target + " at " + mapped.get().destination().getAddress().getHostAddress() + ":"
                    + mapped.get().addressPort();
        }
        if (IpLiterals.parse(target.host()).isPresent()) {
            return target.toString();
        }
        try {
            List<InetAddress> addresses = resolver.resolve(target.host());
            return addresses.isEmpty() ? target.toString() : target + " at " + addresses.get(0).getHostAddress();
        } catch (RuntimeException e) {
            return target.toString();
        }
    }

    private static ProbeResult done(ProbeTarget target, String url, ProbeOutcome outcome, int status, long start,
            String reason) {
        return new ProbeResult(target, url, outcome, status, Duration.ofNanos(System.nanoTime() - start), reason,
                Instant.now());
    }

    private static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /**
     * Stops the client: in-flight probes complete as {@link ProbeOutcome#CANCELLED}.
     *
     * @param grace how long to let in-flight exchanges finish
     */
    public void close(Duration grace) {
        client.close(CloseMode.GRACEFUL);
        try {
            client.awaitShutdown(TimeValue.of(grace));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close(CloseMode.IMMEDIATE);
        timer.shutdownNow();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(1));
    }

    /** The part of a response a probe needs. */
    private static final class Response {
        final int status;
        final byte[] body;
        final int length;
        final boolean truncated;
        final Charset charset;

        Response(int status, byte[] body, int length, boolean truncated, Charset charset) {
            this.status = status;
            this.body = body;
            this.length = length;
            this.truncated = truncated;
            this.charset = charset;
        }
    }

    /** Reads the status and at most {@code max} bytes of the body; the rest is discarded. */
    private static final class BoundedConsumer extends AbstractBinResponseConsumer<Response> {
        private static final byte[] NONE = new byte[0];
        private final int max;
        private int status;
        private Charset charset = StandardCharsets.UTF_8;
        private byte[] buf = NONE;
        private int len;
        private boolean truncated;

        BoundedConsumer(int max) {
            this.max = max;
        }

        @Override
        protected void start(HttpResponse response, ContentType contentType) throws HttpException, IOException {
            status = response.getCode();
            if (contentType != null && contentType.getCharset() != null) {
                charset = contentType.getCharset();
            }
        }

        @Override
        protected int capacityIncrement() {
            return 64 * 1024;
        }

        @Override
        protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
            int n = src.remaining();
            int room = max - len;
            if (n > room) {
                truncated = true;
            }
            int take = Math.min(n, room);
            if (take > 0) {
                if (buf.length < len + take) {
                    byte[] bigger = new byte[Math.min(max, Math.max(len + take, Math.max(256, buf.length * 2)))];
                    System.arraycopy(buf, 0, bigger, 0, len);
                    buf = bigger;
                }
                src.get(buf, len, take);
                len += take;
            }
            src.position(src.limit());
        }

        @Override
        protected Response buildResult() {
            return new Response(status, buf, len, truncated, charset);
        }

        @Override
        public void releaseResources() {
            // nothing pooled
        }
    }

    private static Optional<ConnectTo> mapping(List<ConnectTo> connectTo, String host, int port) {
        for (ConnectTo c : connectTo) {
            if (c.matches(host, port)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Adapts a {@link HostResolver} and the connect-to mappings to HttpClient's resolver interface.
     * HttpClient asks {@link #resolve(String, int)} for the socket addresses of a route's host and
     * port; the TLS layer and the request keep the route's own host name and port.
     */
    private static final class ResolverAdapter implements DnsResolver {
        private final HostResolver resolver;
        private final List<ConnectTo> connectTo;

        ResolverAdapter(HostResolver resolver, List<ConnectTo> connectTo) {
            this.resolver = resolver;
            this.connectTo = connectTo;
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            Optional<ConnectTo> mapped = mapping(connectTo, host, port);
            if (mapped.isPresent()) {
                return List.of(mapped.get().destination());
            }
            List<InetSocketAddress> out = new ArrayList<>();
            for (InetAddress a : resolve(host)) {
                out.add(new InetSocketAddress(a, port));
            }
            return out;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            List<InetAddress> addresses = resolver.resolve(host);
            if (addresses == null || addresses.isEmpty()) {
                throw new UnknownHostException(host + " is not known to the resolver");
            }
            return addresses.toArray(new InetAddress[0]);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    private static ProbeOutcome outcomeOf(CertificateProblem.Reason reason) {
        switch (reason) {
            case EXPIRED:
                return ProbeOutcome.CERTIFICATE_EXPIRED;
            case NOT_YET_VALID:
                return ProbeOutcome.CERTIFICATE_NOT_YET_VALID;
            default:
                return ProbeOutcome.CERTIFICATE_UNTRUSTED;
        }
    }
}
