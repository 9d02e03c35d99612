package io.hakit.hl7;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import io.hakit.hl7.internal.ConnectionSlots;
import io.hakit.hl7.internal.FrameDeadline;
import io.hakit.hl7.internal.SocketWatchdog;
import io.hakit.model.GuideConstants;
import io.hakit.model.tls.TlsSettings;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lightweight MLLP receiver: accepts connections, hands each message to an
 * {@link Hl7Handler} and sends back the handler's response (by default an AA
 * acknowledgement). Messages on one connection are handled one after the other, in order.
 *
 * <p>Limits, each a builder option with a safe default: a maximum number of connections
 * ({@link #DEFAULT_MAX_CONNECTIONS}); deadlines that count from the start of what they wait for
 * and are never pushed back by bytes trickling in: the first frame must start within
 * {@link #DEFAULT_FIRST_BYTE_TIMEOUT} of connecting, every frame must end within
 * {@link #DEFAULT_FRAME_TIMEOUT} of its start byte, and a connection idle between frames is
 * closed after {@link #DEFAULT_IDLE_TIMEOUT}. When every slot is taken, a new connection takes the
 * slot of the connection that has waited longest for a frame to start or end (that one is
 * closed), so slow or silent clients cannot lock out a sender of whole frames; only when every
 * connection is idle between complete frames is the new one closed at once. A frame over the
 * maximum frame length ({@link MllpFrameDecoder#DEFAULT_MAX_FRAME_LENGTH}) is discarded to its end,
 * answered with an AR acknowledgement that names the limit, and the connection is closed. Bytes
 * outside frames are dropped. Payloads that are not HL7 messages are answered with an AR acknowledgement,
 * and so are messages whose bytes are not valid in their charset (MSH-18, else the default
 * charset): they never reach the handler with replacement characters.
 *
 * <p>Life cycle: {@link Builder#build()} then {@link #start()}; {@link #close()} closes the
 * server socket and every connection at once (as a crashed receiver would).
 * Thread-safe. One thread accepts; each connection has its own thread.
 */
public final class MllpListener implements AutoCloseable {

    /** Default port: the guide's HL7 listener port, {@link GuideConstants#HL7_PORT} (2244). */
    public static final int DEFAULT_PORT = GuideConstants.HL7_PORT;
    /** Default bind address: the loopback address (bind another address explicitly to receive from the network). */
    public static final InetAddress DEFAULT_BIND_ADDRESS = InetAddress.getLoopbackAddress();
    /** Default connection limit: 16. */
    public static final int DEFAULT_MAX_CONNECTIONS = 16;
    /** Default idle time-out, from the end of a frame to the start of the next: 10 minutes. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    /** Default deadline from accepting a connection to the start byte of its first frame: 30 seconds. */
    public static final Duration DEFAULT_FIRST_BYTE_TIMEOUT = Duration.ofSeconds(30);
    /** Default deadline from a frame's start byte to its end: 60 seconds (1 MiB at 140 kbit/s). */
    public static final Duration DEFAULT_FRAME_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(MllpListener.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final int port;
    private final InetAddress bindAddress;
    private final Hl7Handler handler;
    private final int maxConnections;
    private final Duration idleTimeout;
    private final Duration firstByteTimeout;
    private final Duration frameTimeout;
    private final int maxFrameLength;
    private final Charset defaultCharset;
    private final SSLContext tls;

    private final ConnectionSlots<Socket> slots;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong rejectedConnections = new AtomicLong();
    private final AtomicLong evictedConnections = new AtomicLong();
    private final AtomicLong frameErrors = new AtomicLong();
    private final AtomicLong droppedBytes = new AtomicLong();
    private final Object lifecycle = new Object();
    private ServerSocket server;
    private ExecutorService threads;
    private Thread acceptor;
    private volatile boolean closed;

    private MllpListener(Builder b) {
        this.port = b.port;
        this.bindAddress = b.bindAddress;
        this.handler = b.handler;
        this.maxConnections = b.maxConnections;
        this.idleTimeout = b.idleTimeout;
        this.firstByteTimeout = b.firstByteTimeout;
        this.frameTimeout = b.frameTimeout;
        this.maxFrameLength = b.maxFrameLength;
        this.defaultCharset = b.defaultCharset;
        this.tls = b.tls == null ? null : b.tls.sslContext();
        this.slots = new ConnectionSlots<>(maxConnections);
    }

    /**
     * A builder with every default: port 2244 on loopback, AA to every message.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port and starts accepting connections.
     *
     * @return this listener
     * @throws IllegalStateException if already started or closed
     * @throws MllpTransportException if the port cannot be bound
     */
    public MllpListener start() {
        synchronized (lifecycle) {
            if (server != null || closed) {
                throw new IllegalStateException("listener already started or closed");
            }
            ServerSocket s = null;
            try {
                s = tls != null ? tls.getServerSocketFactory().createServerSocket() : new ServerSocket();
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(bindAddress, port), 50);
            } catch (IOException e) {
                if (s != null) {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // already failing
                    }
                }
                throw new MllpTransportException(MllpEndpoint.of(bindAddress.getHostAddress(), Math.max(port, 1)),
                        "cannot listen: " + e.getMessage(), e);
            }
            server = s;
            int id = IDS.incrementAndGet();
            AtomicInteger n = new AtomicInteger();
            threads = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "mllp-listener-" + id + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            acceptor = new Thread(this::acceptLoop, "mllp-listener-" + id + "-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            LOG.debug("MLLP listener on {}", endpoint());
            return this;
        }
    }

    private void acceptLoop() {
        ServerSocket s = server;
        while (!closed) {
            Socket socket;
            try {
                socket = s.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("MLLP listener on port {} stopped accepting: {}", s.getLocalPort(), e.getMessage());
                }
                return;
            }
            FrameDeadline deadline = new FrameDeadline(firstByteTimeout, frameTimeout, idleTimeout, System.nanoTime());
            if (!admit(s, socket, deadline)) {
                continue;
            }
            connections.add(socket);
            if (closed) {
                closeQuietly(socket);
            }
            try {
                threads.execute(() -> serve(socket, deadline));
            } catch (RuntimeException e) {
                connections.remove(socket);
                slots.release(socket);
                closeQuietly(socket);
            }
        }
    }

    /** Gives the new connection a slot, evicting the one that waited longest if need be; false: refused. */
    private boolean admit(ServerSocket s, Socket socket, FrameDeadline deadline) {
        ConnectionSlots.Admission<Socket> admission = slots.admit(socket, deadline);
        switch (admission.decision()) {
            case REFUSED:
                drop(rejectedConnections, s, socket, " with every connection between frames");
                return false;
            case EVICTED_ANOTHER:
                drop(evictedConnections, s, admission.evicted().orElseThrow(), "; it waited longest for a frame");
                return true;
            default:
                return true;
        }
    }

    private void drop(AtomicLong counter, ServerSocket s, Socket socket, String why) {
        counter.incrementAndGet();
        LOG.warn("MLLP listener on port {}: connection limit {} reached{}; closing the connection from {}",
                s.getLocalPort(), maxConnections, why, socket.getRemoteSocketAddress());
        closeQuietly(socket);
    }

    private void serve(Socket socket, FrameDeadline deadline) {
        SocketWatchdog.Watch watch = SocketWatchdog.get().watch(socket);
        try {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            MllpFrameDecoder decoder = new MllpFrameDecoder(maxFrameLength);
            byte[] buffer = new byte[16384];
            int[] completed = new int[1];
            FrameTooLongException oversize = null;
            while (!closed) {
                long remaining = deadline.remainingNanos(System.nanoTime());
                if (remaining <= 0) {
                    LOG.debug("MLLP connection from {}: {}; closed", socket.getRemoteSocketAddress(), deadline.expired());
                    break;
                }
                int n;
                watch.arm(remaining);
                try {
                    n = in.read(buffer);
                } finally {
                    if (!watch.disarm()) {
                        LOG.debug("MLLP connection from {}: {}; closed", socket.getRemoteSocketAddress(),
                                deadline.expired());
                    }
                }
                if (n < 0) {
                    break;
                }
                long droppedBefore = decoder.droppedBytes();
                completed[0] = 0;
                try {
                    decoder.decode(buffer, 0, n, payload -> {
                        completed[0]++;
                        respond(payload, out);
                    });
                } catch (MllpFrameException e) {
                    frameErrors.incrementAndGet();
                    LOG.warn("MLLP listener from {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
                    oversize = oversize != null ? oversize : tooLong(e);
                } finally {
                    droppedBytes.addAndGet(decoder.droppedBytes() - droppedBefore);
                    deadline.afterRead(decoder.inFrame(), completed[0], System.nanoTime());
                }
                if (oversize != null && !decoder.inFrame()) {
                    // the sender has written its whole frame and now reads: answer, then hang up
                    rejectOversize(oversize, out);
                    break;
                }
            }
        } catch (UncheckedIOException | IOException e) {
            if (!closed && !(e instanceof SocketException)) {
                LOG.debug("MLLP connection from {} failed: {}", socket.getRemoteSocketAddress(), e.getMessage());
            }
        } finally {
            watch.cancel();
            connections.remove(socket);
            closeQuietly(socket);
            slots.release(socket);
        }
    }

    /** The frame-too-long error among a decode call's errors (the first one thrown or one suppressed), or null. */
    private static FrameTooLongException tooLong(MllpFrameException e) {
        if (e instanceof FrameTooLongException) {
            return (FrameTooLongException) e;
        }
        for (Throwable t : e.getSuppressed()) {
            if (t instanceof FrameTooLongException) {
                return (FrameTooLongException) t;
            }
        }
        return null;
    }

    /**
     * Answers a frame over the maximum length with an AR that names the limit, for the message
     * whose header the frame's first bytes carry (a generic AR when they carry none).
     */
    private void rejectOversize(FrameTooLongException e, OutputStream out) {
        String text = "message longer than the maximum frame length of " + e.maxFrameLength() + " bytes; rejected";
        Hl7Message response;
        Charset charset = defaultCharset;
        try {
            Hl7Message head = Hl7Message.decode(e.head(), defaultCharset, false);
            charset = head.charset(defaultCharset);
            response = head.createAck(AckCode.AR, text);
        } catch (Hl7ParseException notHl7) {
            response = Hl7Message.createGenericAck(AckCode.AR, text);
        }
        try {
            out.write(MllpFrameEncoder.encode(response.text().getBytes(response.charset(charset))));
            out.flush();
        } catch (IOException io) {
            LOG.debug("MLLP listener: cannot answer an oversize frame: {}", io.getMessage());
        }
    }

    private void respond(byte[] payload, OutputStream out) {
        if (closed) {
            // closing: hand no new message to the application; the sender gets no ACK and resends elsewhere
            return;
        }
        Hl7Message response;
        Hl7Message message = null;
        Hl7Message unreadable = null;
        try {
            message = Hl7Message.decode(payload, defaultCharset);
        } catch (Hl7ParseException e) {
            try {
                // the header reads but the bytes are not valid in the message's charset
                unreadable = Hl7Message.decode(payload, defaultCharset, false);
                LOG.warn("MLLP listener: rejecting {}: {}", unreadable, e.getMessage());
            } catch (Hl7ParseException notHl7) {
                LOG.warn("MLLP listener: rejecting a payload that is not an HL7 message: {}", e.getMessage());
            }
        }
        if (unreadable != null) {
            response = unreadable.createAck(AckCode.AR, "bytes not valid in the message's charset ("
                    + unreadable.charset(defaultCharset).name() + ")");
            message = unreadable;
        } else if (message == null) {
            response = Hl7Message.createGenericAck(AckCode.AR, "not an HL7 v2 message");
        } else {
            received.incrementAndGet();
            try {
                response = handler.handle(message);
            } catch (RuntimeException e) {
                LOG.warn("MLLP listener: handler failed on {}: {}", message, e.toString());
                response = message.createAck(AckCode.AE, e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage());
            }
        }
        if (response == null || closed) {
            return;
        }
        Charset charset = message != null ? message.charset(defaultCharset) : defaultCharset;
        byte[] frame = MllpFrameEncoder.encode(response.text().getBytes(response.charset(charset)));
        try {
            out.write(frame);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The port actually bound (useful when built with port 0).
     *
     * @return the local port
     * @throws IllegalStateException if not started
     */
    public int port() {
        synchronized (lifecycle) {
            if (server == null) {
                throw new IllegalStateException("listener not started");
            }
            return server.getLocalPort();
        }
    }

    /**
     * The endpoint a client on this machine connects to.
     *
     * @return the bound address (loopback when bound to the wildcard address) and port
     * @throws IllegalStateException if not started
     */
    public MllpEndpoint endpoint() {
        InetAddress a = bindAddress.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bindAddress;
        return MllpEndpoint.of(a.getHostAddress(), port());
    }

    /**
     * Messages handed to the handler so far.
     *
     * @return the count
     */
    public long receivedCount() {
        return received.get();
    }

    /**
     * Connections closed at once because the connection limit was reached.
     *
     * @return the count
     */
    public long rejectedConnections() {
        return rejectedConnections.get();
    }

    /**
     * Connections closed to give their slot to a new connection, because the connection limit
     * was reached and they had waited longest for a frame to start or end.
     *
     * @return the count
     */
    public long evictedConnections() {
        return evictedConnections.get();
    }

    /**
     * Oversize or corrupt frames seen so far.
     *
     * @return the count
     */
    public long frameErrors() {
        return frameErrors.get();
    }

    /**
     * Bytes dropped so far on all connections: bytes outside frames and bytes of discarded frames.
     *
     * @return the count
     */
    public long droppedBytes() {
        return droppedBytes.get();
    }

    /**
     * Connections currently open.
     *
     * @return the count
     */
    public int openConnections() {
        return connections.size();
    }

    /**
     * Stops at once: closes the server socket and every open connection without answering
     * messages being handled. When it returns the port can be bound again. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            if (server != null) {
                try {
                    server.close();
                } catch (IOException e) {
                    LOG.debug("closing server socket failed", e);
                }
            }
            for (Socket s : connections) {
                closeQuietly(s);
            }
            if (threads != null) {
                threads.shutdown();
            }
            if (acceptor != null && acceptor != Thread.currentThread()) {
                // the port is released only once the accepting thread has left accept()
                try {
                    acceptor.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.debug("closing socket failed", e);
        }
    }

    /** Builds an {@link MllpListener}. Not thread-safe. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private InetAddress bindAddress = DEFAULT_BIND_ADDRESS;
        private Hl7Handler handler = Hl7Handler.replying(AckCode.AA);
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration firstByteTimeout = DEFAULT_FIRST_BYTE_TIMEOUT;
        private Duration frameTimeout = DEFAULT_FRAME_TIMEOUT;
        private int maxFrameLength = MllpFrameDecoder.DEFAULT_MAX_FRAME_LENGTH;
        private Charset defaultCharset = MllpClient.DEFAULT_CHARSET;
        private TlsSettings tls;

        private Builder() {
        }

        /**
         * The port; default {@link #DEFAULT_PORT} (2244); 0 picks a free port.
         *
         * @param port 0 to 65535
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The address to bind; default {@link #DEFAULT_BIND_ADDRESS} (loopback).
         *
         * @param address the local address
         * @return this builder
         * @throws NullPointerException if {@code address} is null
         */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * What to do with each message; default: answer AA.
         *
         * @param handler the handler
         * @return this builder
         * @throws NullPointerException if {@code handler} is null
         */
        public Builder handler(Hl7Handler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * The most connections served at once; default {@link #DEFAULT_MAX_CONNECTIONS} (16).
         *
         * @param max at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder maxConnections(int max) {
            this.maxConnections = MllpClient.atLeastOne(max, "maxConnections");
            return this;
        }

        /**
         * The deadline from accepting a connection to the start byte of its first frame, not
         * pushed back by bytes outside frames; default {@link #DEFAULT_FIRST_BYTE_TIMEOUT} (30 seconds).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws NullPointerException if {@code timeout} is null
         * @throws IllegalArgumentException if not positive
         */
        public Builder firstByteTimeout(Duration timeout) {
            this.firstByteTimeout = MllpClient.positive(timeout, "firstByteTimeout");
            return this;
        }

        /**
         * The deadline from a frame's start byte to its end, not pushed back by bytes trickling
         * in; default {@link #DEFAULT_FRAME_TIMEOUT} (60 seconds).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws NullPointerException if {@code timeout} is null
         * @throws IllegalArgumentException if not positive
         */
        public Builder frameTimeout(Duration timeout) {
            this.frameTimeout = MllpClient.positive(timeout, "frameTimeout");
            return this;
        }

        /**
         * How long a connection may stay between frames (from the end of one to the start byte of
         * the next) before it is closed; default {@link #DEFAULT_IDLE_TIMEOUT} (10 minutes).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws NullPointerException if {@code timeout} is null
         * @throws IllegalArgumentException if not positive
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = MllpClient.positive(timeout, "idleTimeout");
            return this;
        }

        /**
         * The longest message accepted; default
         * {@link MllpFrameDecoder#DEFAULT_MAX_FRAME_LENGTH} (1 MiB).
         *
         * @param bytes at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder maxFrameLength(int bytes) {
            this.maxFrameLength = MllpClient.atLeastOne(bytes, "maxFrameLength");
            return this;
        }

        /**
         * The charset used when a message declares none in MSH-18; default
         * {@link MllpClient#DEFAULT_CHARSET} (ISO-8859-1).
         *
         * @param charset the charset
         * @return this builder
         * @throws NullPointerException if {@code charset} is null
         */
        public Builder defaultCharset(Charset charset) {
            this.defaultCharset = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /**
         * Accept TLS connections; default: plain TCP. The certificate and key this listener
         * presents are the settings' {@link TlsSettings.Builder#clientCertificate(java.security.KeyStore, char[])
         * certificate}; the TLS context is built once, by {@link #build()}.
         *
         * @param settings TLS settings holding the listener's certificate and key
         * @return this builder
         * @throws NullPointerException if {@code settings} is null
         * @throws IllegalArgumentException if the settings hold no certificate to present
         */
        public Builder tls(TlsSettings settings) {
            Objects.requireNonNull(settings, "settings");
            if (settings.clientKeyStore().isEmpty()) {
                throw new IllegalArgumentException("tls: a listener presents a certificate, and these TLS settings"
                        + " hold none (give one with TlsSettings.Builder.clientCertificate)");
            }
            this.tls = settings;
            return this;
        }

        /**
         * Builds the listener (not yet listening: call {@link MllpListener#start()}).
         *
         * @return the listener
         */
        public MllpListener build() {
            return new MllpListener(this);
        }
    }
}
