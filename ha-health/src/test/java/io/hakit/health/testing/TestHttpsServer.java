package io.hakit.health.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/**
 * A real HTTPS server on a loopback address (the JDK's HttpsServer) whose answer can be
 * changed while it runs: status, body, delay.
 */
public final class TestHttpsServer implements AutoCloseable {

    /** What the server answers. */
    public record Answer(int status, String body, Duration delay) {
    }

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-https");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(200, "OK", Duration.ZERO));
    private final java.util.Queue<Integer> script = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    private final List<String> hosts = new CopyOnWriteArrayList<>();
    private final List<String> methods = new CopyOnWriteArrayList<>();

    private TestHttpsServer(String address, int port, SSLContext context, boolean needClientAuth) {
        try {
            server = HttpsServer.create(new InetSocketAddress(address, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                javax.net.ssl.SSLParameters p = context.getDefaultSSLParameters();
                p.setNeedClientAuth(needClientAuth);
                params.setSSLParameters(p);
            }
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                hosts.add(exchange.getRequestHeaders().getFirst("Host"));
                methods.add(exchange.getRequestMethod());
                exchange.getRequestBody().readAllBytes();
                requests.incrementAndGet();
                Answer a = answer.get();
                Integer scripted = script.poll();
                if (scripted != null) {
                    a = new Answer(scripted, a.body(), a.delay());
                }
                if (!a.delay().isZero()) {
                    try {
                        Thread.sleep(a.delay().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
                boolean head = "HEAD".equals(exchange.getRequestMethod());
                exchange.sendResponseHeaders(a.status(), head || body.length == 0 ? -1 : body.length);
                if (!head && body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            } catch (IOException e) {
                // the client went away: fine for a test server
            }
        });
        server.start();
    }

    /**
     * @param address a 127.0.0.x address
     * @param context the server's TLS context (its certificate)
     * @return a started server on an ephemeral port
     */
    public static TestHttpsServer start(String address, SSLContext context) {
        return new TestHttpsServer(address, 0, context, false);
    }

    /**
     * @param address a 127.0.0.x address
     * @param port the port to bind
     * @param context the server's TLS context (its certificate)
     * @return a started server
     */
    public static TestHttpsServer start(String address, int port, SSLContext context) {
        return new TestHttpsServer(address, port, context, false);
    }

    /**
     * @param address a 127.0.0.x address
     * @param context the server's TLS context, trusting the client CA
     * @return a started server that requires a client certificate
     */
    public static TestHttpsServer startWithClientAuth(String address, SSLContext context) {
        return new TestHttpsServer(address, 0, context, true);
    }

    /**
     * @param status the status to answer
     * @param body the body to answer
     * @return this server
     */
    public TestHttpsServer answer(int status, String body) {
        answer.set(new Answer(status, body, Duration.ZERO));
        return this;
    }

    /**
     * @param status the status to answer
     * @param body the body to answer
     * @param delay how long to wait before answering
     * @return this server
     */
    public TestHttpsServer answer(int status, String body, Duration delay) {
        answer.set(new Answer(status, body, delay));
        return this;
    }

    /**
     * Answers the next requests with these statuses, one each, then with the standing answer.
     *
     * @param statuses the statuses, in order
     * @return this server
     */
    public TestHttpsServer script(int... statuses) {
        for (int st : statuses) {
            script.add(st);
        }
        return this;
    }

    /** @return whether every scripted status was used */
    public boolean scriptDone() {
        return script.isEmpty();
    }

    /** @return requests answered so far */
    public int requests() {
        return requests.get();
    }

    /** @return the port */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the Host headers received */
    public List<String> hosts() {
        return hosts;
    }

    /** @return the methods received */
    public List<String> methods() {
        return methods;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
