package io.hakit.examples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The load balancer's data plane on loopback, for the demo: one listener per virtual server of the
 * applied configuration, terminating TLS with the load balancer's certificate and re-encrypting to
 * a member (verified against the trust CA, by name), round robin, every listener on an ephemeral
 * port (see {@link PortMap}), skipping a member that refuses
 * the connection, as a load balancer's passive health does. Plain HTTP ports pass through. The members
 * in service are asked for at every new client connection, so a member the device has disabled (a
 * drain) gets no new connection while the connections it already has finish.
 */
final class LoadBalancerStandIn implements AutoCloseable {

    /**
     * One virtual server.
     *
     * @param port the port it listens on
     * @param tls whether it terminates (and re-encrypts) TLS
     * @param members the FQDNs of the members in service now, in round-robin order; asked at every new
     *     client connection
     * @param memberPort the members' port
     */
    record Listener(int port, boolean tls, java.util.function.Supplier<List<String>> members, int memberPort) {
    }

    private final List<ServerSocket> sockets = new ArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lb-stand-in");
        t.setDaemon(true);
        return t;
    });
    private final PortMap ports;
    private final SSLContext backTls;
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean closed;

    private LoadBalancerStandIn(PortMap ports, SSLContext backTls) {
        this.ports = ports;
        this.backTls = backTls;
    }

    /**
     * Starts a listener per virtual server, each on an ephemeral port of {@code address}, recorded in
     * {@code ports} under {@code fqdn} and the virtual server's port; members are reached where
     * {@code ports} says they listen.
     *
     * @param fqdn the load balancer's name
     * @param address the loopback address to listen on
     * @param listeners the virtual servers
     * @param ports where the members listen; told where each virtual server listens
     * @param frontTls the load balancer certificate's server context
     * @param backTls a client context trusting the application servers' CA
     * @return the running stand-in
     */
    static LoadBalancerStandIn start(String fqdn, String address, List<Listener> listeners, PortMap ports,
            SSLContext frontTls, SSLContext backTls) {
        LoadBalancerStandIn lb = new LoadBalancerStandIn(ports, backTls);
        try {
            for (Listener l : listeners) {
                ServerSocket s = l.tls() ? frontTls.getServerSocketFactory().createServerSocket() : new ServerSocket();
                s.bind(new InetSocketAddress(address, 0));
                lb.sockets.add(s);
                ports.put(fqdn, l.port(), (InetSocketAddress) s.getLocalSocketAddress());
                AtomicInteger next = new AtomicInteger();
                lb.pool.execute(() -> lb.accept(s, l, next));
            }
        } catch (IOException e) {
            lb.close();
            throw new UncheckedIOException("the load balancer stand-in cannot listen on " + address + ": " + e.getMessage(), e);
        }
        return lb;
    }

    private void accept(ServerSocket server, Listener l, AtomicInteger next) {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            pool.execute(() -> relay(client, l, next));
        }
    }

    private void relay(Socket client, Listener l, AtomicInteger next) {
        Socket upstream = null;
        List<String> members;
        try {
            members = l.members().get();
        } catch (RuntimeException e) {
            members = List.of();
        }
        int n = members.size();
        int start = n == 0 ? 0 : Math.floorMod(next.getAndIncrement(), n);
        for (int i = 0; i < n && upstream == null; i++) {
            String member = members.get((start + i) % n);
            upstream = connect(member, l);
        }
        if (upstream == null) {
            close(client);
            return;
        }
        Socket up = upstream;
        pool.execute(() -> pipe(client, up));
        pipe(up, client);
    }

    private Socket connect(String member, Listener l) {
        InetSocketAddress where = ports.get(member, l.memberPort()).orElse(null);
        if (where == null) {
            return null;
        }
        Socket plain = new Socket();
        try {
            plain.connect(where, 2000);
            if (!l.tls()) {
                return plain;
            }
            SSLSocket tls = (SSLSocket) backTls.getSocketFactory().createSocket(plain, member, l.memberPort(), true);
            SSLParameters p = tls.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            p.setServerNames(List.of(new SNIHostName(member)));
            tls.setSSLParameters(p);
            tls.startHandshake();
            return tls;
        } catch (IOException e) {
            close(plain);
            return null;
        }
    }

    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int r;
            while ((r = in.read(buffer)) >= 0) {
                out.write(buffer, 0, r);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: close both
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing
        }
    }

    /** @return client connections accepted so far */
    long connections() {
        return connections.get();
    }

    @Override
    public void close() {
        closed = true;
        for (ServerSocket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing
            }
        }
        pool.shutdownNow();
    }
}
