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
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * Loopback stand-ins for one application server: an HTTPS (or, for the Admin Console's port 80,
 * HTTP) listener per published service port, each on an ephemeral port (see {@link PortMap}), answering the way the real services do: the Identity Server
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
     * Starts a listener per published port, each on an ephemeral port of {@code address} (no
     * privileged port is ever bound, so an ordinary user can run it), and records in {@code ports}
     * where each published port really listens.
     *
     * @param fqdn the application server's name
     * @param address the loopback address it listens on
     * @param tls its certificate's server context
     * @param httpsPorts the published HTTPS ports
     * @param httpPorts the published plain HTTP ports (the Admin Console's 80)
     * @param ports told where each published port of {@code fqdn} listens
     * @return the running stand-ins
     * @throws UncheckedIOException naming the address when a listener cannot be bound
     */
    static StandInServers startEphemeral(String fqdn, String address, SSLContext tls, Collection<Integer> httpsPorts,
            Collection<Integer> httpPorts, PortMap ports) {
        return start(fqdn, address, tls, httpsPorts, httpPorts, Objects.requireNonNull(ports, "ports"));
    }

    /**
     * Starts a listener on each of the given ports exactly (for tests and tasks that choose free
     * high ports themselves).
     *
     * @param fqdn the application server's name
     * @param address the loopback address it listens on
     * @param tls its certificate's server context
     * @param httpsPorts the HTTPS ports
     * @param httpPorts the plain HTTP ports
     * @return the running stand-ins
     * @throws UncheckedIOException naming address and port when one cannot be bound
     */
    public static StandInServers start(String fqdn, String address, SSLContext tls, List<Integer> httpsPorts,
            List<Integer> httpPorts) {
        return start(fqdn, address, tls, httpsPorts, httpPorts, null);
    }

    /** With {@code ports} null, binds the given ports; otherwise ephemeral ones, recorded in {@code ports}. */
    private static StandInServers start(String fqdn, String address, SSLContext tls, Collection<Integer> httpsPorts,
            Collection<Integer> httpPorts, PortMap ports) {
        StandInServers s = new StandInServers(fqdn, address);
        try {
            for (int port : new LinkedHashSet<>(httpsPorts)) {
                HttpsServer https = HttpsServer.create(bind(address, port, ports != null), 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                s.add(https, port, ports);
            }
            for (int port : new LinkedHashSet<>(httpPorts)) {
                s.add(HttpServer.create(bind(address, port, ports != null), 0), port, ports);
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

    private static InetSocketAddress bind(String address, int published, boolean ephemeral) throws IOException {
        InetSocketAddress a = new InetSocketAddress(address, ephemeral ? 0 : published);
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(a);
        } catch (IOException e) {
            throw new BindException("cannot listen on " + address + (ephemeral ? " (for published port " + published
                    + ")" : ":" + published) + ": " + e.getMessage());
        }
        return a;
    }

    private void add(HttpServer server, int published, PortMap ports) {
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
        servers.add(server);
        if (ports != null) {
            ports.put(fqdn, published, server.getAddress());
        }
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
