package io.hakit.rest.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback TCP relay in front of a plain-HTTP simulator that keeps a copy of every byte both ways, so a
 * test learns the real secrets (session cookies, tokens) from the wire and can then prove none of them
 * reached a log. Test support, shared with the adapters' redaction tests.
 */
public final class WireTap implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    /**
     * @param target the simulator's {@code http://127.0.0.1:port} URL
     * @throws IOException when no loopback port is free
     */
    public WireTap(URI target) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "wiretap");
        t.setDaemon(true);
        t.start();
    }

    /** @return the URL to give the client instead of the simulator's */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket in = server.accept();
                Socket out = new Socket(target.getAddress(), target.getPort());
                pump(in.getInputStream(), out.getOutputStream(), out);
                pump(out.getInputStream(), in.getOutputStream(), in);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(InputStream from, OutputStream to, Socket close) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (close) {
                int n;
                while ((n = from.read(buf)) > 0) {
                    synchronized (copy) {
                        copy.write(buf, 0, n);
                    }
                    to.write(buf, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // the other side closed
            }
        }, "wiretap-pump");
        t.setDaemon(true);
        t.start();
    }

    /** @return everything that crossed the relay so far, both ways, as text */
    public String traffic() {
        synchronized (copy) {
            return copy.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * @param pattern a pattern whose group 1 is a secret, e.g. {@code NITRO_AUTH_TOKEN=([^;\s]+)}
     * @return every distinct value of group 1 in the traffic
     */
    public Set<String> find(String pattern) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile(pattern).matcher(traffic());
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
