package io.hakit.examples.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * Loopback stand-ins for one application server: an HTTPS (or, for the Admin Console's port 80,
 * HTTP) listener per service port, answering the way the real services do: the Identity Server
 * page shows {@code IdentityServer4}, Web Services at {@code /psws/api} answers {@code Success},
 * the User Interface shows {@code UserInterface3}, the Admin Console answers at
 * {@code /AdminConsole}, the other services at {@code /api}.
 */
public final class StandInServers implements AutoCloseable {

    private final String fqdn;
    private final String address;
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor;
    private final AtomicLong requests = new AtomicLong();

    private StandInServers(String fqdn, String address) {
        this.fqdn = fqdn;
        this.address = address;
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "stand-in " + fqdn);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param fqdn the application server's name
     * @param address the loopback address it listens on
     * @param tls its certificate's server context
     * @param httpsPorts the HTTPS ports
     * @param httpPorts the plain HTTP ports (the Admin Console's 80)
     * @return the running stand-ins
     * @throws UncheckedIOException naming address and port when one cannot be bound
     */
    public static StandInServers start(String fqdn, String address, SSLContext tls, List<Integer> httpsPorts,
            List<Integer> httpPorts) {
        StandInServers s = new StandInServers(fqdn, address);
        try {
            for (int port : httpsPorts) {
                HttpsServer https = HttpsServer.create(bind(address, port), 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                s.add(https);
            }
            for (int port : httpPorts) {
                s.add(HttpServer.create(bind(address, port), 0));
            }
        } catch (IOException e) {
            s.close();
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private static InetSocketAddress bind(String address, int port) throws IOException {
        InetSocketAddress a = new InetSocketAddress(address, port);
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(a);
        } catch (BindException e) {
            throw new BindException("cannot listen on " + address + ":" + port + " (" + e.getMessage()
                    + (port < 1024 ? "; ports below 1024 need root or net.ipv4.ip_unprivileged_port_start" : "")
                    + ")");
        }
        return a;
    }

    private void add(HttpServer server) {
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
        servers.add(server);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            int status = 200;
            String type = "text/html; charset=utf-8";
            String body;
            if (path.startsWith("/identityserver")) {
                body = "<html><head><title>IdentityServer4</title></head><body>IdentityServer4 on " + fqdn + "</body></html>";
            } else if (path.startsWith("/psws/api")) {
                body = "Success";
                type = "text/plain; charset=utf-8";
            } else if (path.startsWith("/AdminConsole")) {
                body = "<html><body>PatientSecure Admin Console on " + fqdn + "</body></html>";
            } else if (path.startsWith("/api")) {
                body = "{\"status\":\"ok\",\"server\":\"" + fqdn + "\"}";
                type = "application/json";
            } else if (path.equals("/")) {
                body = "<html><head><title>UserInterface3</title></head><body>UserInterface3 on " + fqdn + "</body></html>";
            } else {
                status = 404;
                body = "not found";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** @return the server's name */
    String fqdn() {
        return fqdn;
    }

    /** @return the loopback address it listens on */
    String address() {
        return address;
    }

    /** @return how many ports it listens on */
    int ports() {
        return servers.size();
    }

    /** @return requests answered so far */
    long requests() {
        return requests.get();
    }

    /** Stops every listener at once (the demo's "server goes down"). */
    @Override
    public void close() {
        for (HttpServer s : servers) {
            s.stop(0);
        }
        servers.clear();
        executor.shutdownNow();
    }
}
