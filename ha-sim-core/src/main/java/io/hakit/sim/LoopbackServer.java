package io.hakit.sim;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.hakit.model.TransportException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The JDK HTTP server a simulator answers on: bound to 127.0.0.1, plain HTTP or HTTPS with a
 * {@link ServerIdentity}, served by a fixed pool of daemon threads, one handler for every path.
 *
 * <p>The first server started in a JVM sets the system property {@code sun.net.httpserver.nodelay}
 * to {@code true} unless it is already set: the JDK server writes headers and body separately and
 * without TCP_NODELAY every answer waits for the client's delayed ACK (about 40 ms).
 *
 * <p>Thread-safe. {@link #close()} stops the server at once and cuts off requests in flight.
 */
public final class LoopbackServer implements AutoCloseable {
    /** Threads serving requests when none is given: 8. */
    public static final int DEFAULT_THREADS = 8;

    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI url;

    private LoopbackServer(Builder b) {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(b.threads, r -> {
            Thread t = new Thread(r, b.name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port);
        try {
            if (b.identity != null) {
                HttpsServer https = HttpsServer.create(at, b.backlog);
                https.setHttpsConfigurator(new HttpsConfigurator(context(b.identity)));
                server = https;
            } else {
                server = HttpServer.create(at, b.backlog);
            }
        } catch (IOException e) {
            executor.shutdownNow();
            throw new TransportException(b.name + ": cannot listen on 127.0.0.1:" + b.port + ": " + e.getMessage(), e);
        }
        server.createContext("/", b.handler);
        server.setExecutor(executor);
        server.start();
        url = URI.create((b.identity != null ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort());
    }

    private static SSLContext context(ServerIdentity identity) {
        try {
            char[] pass = "simulator".toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("simulator", identity.key(), pass, identity.chain());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pass);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("tls: the certificate chain and key cannot serve TLS: " + e.getMessage(), e);
        }
    }

    /** @return a builder: an ephemeral port, plain HTTP, {@link #DEFAULT_THREADS} threads */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the base URL, e.g. {@code https://127.0.0.1:41234} (no trailing slash) */
    public URI url() {
        return url;
    }

    /** Stops the server at once; open connections are closed. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "LoopbackServer[" + url + "]";
    }

    /**
     * @param port a port
     * @return the port, when it is 0-65535
     * @throws IllegalArgumentException naming the rule otherwise
     */
    public static int checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        return port;
    }

    /** Settings of a {@link LoopbackServer}; not thread-safe. */
    public static final class Builder {
        private String name = "simulator";
        private int port;
        private int backlog;
        private int threads = DEFAULT_THREADS;
        private ServerIdentity identity;
        private HttpHandler handler;

        private Builder() {
        }

        /**
         * @param name the prefix of the server threads' names and of error messages; default {@code simulator}
         * @return this
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param port the port on 127.0.0.1; default 0 (an ephemeral port, see {@link LoopbackServer#url()})
         * @return this
         * @throws IllegalArgumentException when the port is not 0-65535
         */
        public Builder port(int port) {
            this.port = checkPort(port);
            return this;
        }

        /**
         * @param backlog the listen backlog; default 0 (the system's default)
         * @return this
         */
        public Builder backlog(int backlog) {
            if (backlog < 0) {
                throw new IllegalArgumentException("backlog must not be negative, was " + backlog);
            }
            this.backlog = backlog;
            return this;
        }

        /**
         * @param threads how many threads serve requests, at least 1; default {@link #DEFAULT_THREADS}
         * @return this
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * @param identity the certificate and key to serve HTTPS with, or {@code null} for plain HTTP (the default)
         * @return this
         */
        public Builder tls(ServerIdentity identity) {
            this.identity = identity;
            return this;
        }

        /**
         * @param handler answers every request (required)
         * @return this
         */
        public Builder handler(HttpHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * @return the running server
         * @throws NullPointerException when no handler was given
         * @throws TransportException when the port cannot be bound
         */
        public LoopbackServer start() {
            Objects.requireNonNull(handler, "handler");
            return new LoopbackServer(this);
        }
    }
}
