package io.hakit.health.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A hand-made server on a loopback address for the faults a real web server does not
 * make on demand: a reset after the request, a stall before the TLS handshake, a stall
 * after the request. In {@link Mode#KEEP_ALIVE} it answers 200 to every request on a
 * connection and records the SNI name and Host header it saw.
 */
public final class RawTlsServer implements AutoCloseable {

    /** How the server behaves. */
    public enum Mode {
        /** Answers every request with 200 "OK", keeping the connection open. */
        KEEP_ALIVE,
        /** Reads the request, then resets the connection (RST). */
        RESET_AFTER_REQUEST,
        /** Accepts TCP but never speaks TLS. */
        STALL_BEFORE_HANDSHAKE,
        /** Completes the handshake, reads the request, never answers. */
        STALL_AFTER_REQUEST
    }

    private final ServerSocket server;
    private final Mode mode;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> sniNames = new CopyOnWriteArrayList<>();
    private final List<String> hosts = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /**
     * @param address a 127.0.0.x address
     * @param context the server's TLS context
     * @param mode the behaviour
     */
    public RawTlsServer(String address, SSLContext context, Mode mode) {
        this.mode = mode;
        try {
            InetAddress bind = InetAddress.getByName(address);
            if (mode == Mode.STALL_BEFORE_HANDSHAKE) {
                server = new ServerSocket(0, 50, bind);
            } else {
                SSLServerSocket s = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, bind);
                server = s;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::accept, "raw-tls-" + mode);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "raw-tls-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try {
            if (mode == Mode.STALL_BEFORE_HANDSHAKE) {
                drain(s.getInputStream()); // wait until the client gives up
                return;
            }
            SSLSocket ssl = (SSLSocket) s;
            ssl.startHandshake();
            for (SNIServerName n : ((ExtendedSSLSession) ssl.getSession()).getRequestedServerNames()) {
                if (n instanceof SNIHostName) {
                    sniNames.add(((SNIHostName) n).getAsciiName());
                }
            }
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                for (String line : head.split("\r\n")) {
                    if (line.regionMatches(true, 0, "Host:", 0, 5)) {
                        hosts.add(line.substring(5).strip());
                    }
                }
                switch (mode) {
                    case RESET_AFTER_REQUEST -> {
                        s.setSoLinger(true, 0);
                        s.close();
                        return;
                    }
                    case STALL_AFTER_REQUEST -> {
                        drain(in);
                        return;
                    }
                    default -> {
                        out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nOK"
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                }
            }
        } catch (IOException e) {
            // client went away
        } finally {
            try {
                s.close();
            } catch (IOException e) {
                // ignore
            }
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] b = new byte[1024];
        while (in.read(b) >= 0) {
            // discard until the client closes
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int state = 0;
        while (true) {
            int c;
            try {
                c = in.read();
            } catch (SocketException e) {
                return null;
            }
            if (c < 0) {
                return null;
            }
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) ? state + 1 : (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                return b.toString(StandardCharsets.US_ASCII);
            }
        }
    }

    /** @return the port */
    public int port() {
        return server.getLocalPort();
    }

    /** @return connections accepted so far */
    public int connections() {
        return connections.get();
    }

    /** @return SNI host names the clients sent */
    public List<String> sniNames() {
        return sniNames;
    }

    /** @return Host headers received */
    public List<String> hosts() {
        return hosts;
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket s : open) {
                s.close();
            }
        } catch (IOException e) {
            // ignore
        }
    }
}
