package io.hakit.hl7;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import io.hakit.hl7.internal.SocketWatchdog;
import io.hakit.model.cert.CertificateInspector;
import io.hakit.model.tls.TlsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MLLP client for one endpoint: sends a message, waits for the acknowledgement whose
 * MSA-2 equals the message's MSH-10, and returns it as an {@link Ack}.
 *
 * <p>Behaviour:
 * <ul>
 *   <li>One message outstanding per connection; the connection is opened on first use and
 *       kept open. After any failure it is closed and re-opened by the next send.</li>
 *   <li>Two distinct time-outs: the connect time-out ({@link ConnectTimeoutException}) and
 *       the ACK time-out, counted from the write ({@link AckTimeoutException}); the connection
 *       is closed when the ACK time-out fires, so a late ACK can never be taken for the ACK
 *       of a later message. Read time-outs are enforced by a shared watchdog thread (reads
 *       stay plain blocking reads, the fastest path) and fire at most about 20 ms late.</li>
 *   <li>Acknowledgements whose MSA-2 differs from the sent MSH-10 are never accepted: they
 *       are logged and skipped, and the client keeps waiting until the ACK time-out.</li>
 *   <li>If a connection that was kept open from an earlier send turns out to be closed or
 *       reset by the peer before any reply byte arrived, the client reconnects and writes the
 *       same message once more (same MSH-10). A second failure is thrown.</li>
 *   <li>Optional TLS with certificate and host-name verification (the endpoint's host name).</li>
 * </ul>
 *
 * <p>Thread-safe: {@link #send} calls are serialized. Throws only unchecked exceptions:
 * {@link MllpTransportException} and its subclasses for anything that prevents an
 * acknowledgement from arriving.
 */
public final class MllpClient implements AutoCloseable {

    /** Default connect time-out: 5 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default ACK time-out: 10 seconds. */
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(10);
    /** Default charset when MSH-18 declares none: ISO-8859-1 (lossless for any byte; ASCII is a subset). */
    public static final Charset DEFAULT_CHARSET = StandardCharsets.ISO_8859_1;

    private static final Logger LOG = LoggerFactory.getLogger(MllpClient.class);

    private final MllpEndpoint endpoint;
    private final Duration connectTimeout;
    private final Duration ackTimeout;
    private final SSLContext tls;
    private final int maxFrameLength;
    private final Charset defaultCharset;

    private final Object lock = new Object();
    private final byte[] readBuffer = new byte[16384];
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;
    private MllpFrameDecoder decoder;
    private SocketWatchdog.Watch watch;
    private volatile boolean closed;
    private long mismatchedAcks;

    private MllpClient(Builder b) {
        this.endpoint = Objects.requireNonNull(b.endpoint, "endpoint");
        this.connectTimeout = b.connectTimeout;
        this.ackTimeout = b.ackTimeout;
        this.tls = b.tls == null ? null : b.tls.sslContext();
        this.maxFrameLength = b.maxFrameLength;
        this.defaultCharset = b.defaultCharset;
    }

    /**
     * A builder; {@link Builder#endpoint(MllpEndpoint)} is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends a message and waits for its acknowledgement.
     *
     * @param message the message; its MSH-10 must not be empty
     * @return the acknowledgement (any code: AE and AR are results, not exceptions), with
     *     this client's endpoint
     * @throws NullPointerException if {@code message} is null
     * @throws IllegalArgumentException if the message has no control ID
     * @throws IllegalStateException if the client is closed
     * @throws ConnectTimeoutException if the connection was not established in time
     * @throws AckTimeoutException if no matching acknowledgement arrived in time
     * @throws MllpTransportException if the connection failed in any other way
     */
    public Ack send(Hl7Message message) {
        Objects.requireNonNull(message, "message");
        String controlId = message.controlId();
        if (controlId.isEmpty()) {
            throw new IllegalArgumentException("message has no MSH-10 control ID; it cannot be acknowledged");
        }
        byte[] frame = MllpFrameEncoder.encode(message.encode(defaultCharset));
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("MLLP client for " + endpoint + " is closed");
            }
            boolean reused = socket != null;
            try {
                return exchange(frame, controlId);
            } catch (StaleConnection e) {
                if (!reused || closed) {
                    throw e.failure;
                }
                LOG.debug("{}: kept-open connection was closed by the peer ({}); reconnecting and sending {} again",
                        endpoint, e.failure.getMessage(), controlId);
                try {
                    return exchange(frame, controlId);
                } catch (StaleConnection again) {
                    throw again.failure;
                }
            }
        }
    }

    /** A failure before any reply byte arrived on a connection; carries the exception to throw. */
    private static final class StaleConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient MllpTransportException failure;

        StaleConnection(MllpTransportException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    private Ack exchange(byte[] frame, String controlId) {
        connect();
        try {
            out.write(frame);
            out.flush();
        } catch (IOException e) {
            disconnect();
            throw new StaleConnection(new MllpTransportException(endpoint, "write failed: " + e.getMessage(), e));
        }
        watch.arm(ackTimeout.toNanos());
        Ack[] found = new Ack[1];
        boolean anyByte = false;
        while (true) {
            int n;
            try {
                n = in.read(readBuffer);
            } catch (IOException e) {
                boolean timedOut = !watch.disarm();
                disconnect();
                if (timedOut) {
                    throw new AckTimeoutException(endpoint, controlId, ackTimeout);
                }
                MllpTransportException failure = new MllpTransportException(endpoint,
                        "connection failed while waiting for the ACK of " + controlId + ": " + e.getMessage(), e);
                if (!anyByte) {
                    throw new StaleConnection(failure);
                }
                throw failure;
            }
            if (n < 0) {
                boolean timedOut = !watch.disarm();
                disconnect();
                if (timedOut) {
                    throw new AckTimeoutException(endpoint, controlId, ackTimeout);
                }
                MllpTransportException failure = new MllpTransportException(endpoint,
                        "connection closed by the endpoint before the ACK of " + controlId,
                        new EOFException());
                if (!anyByte) {
                    throw new StaleConnection(failure);
                }
                throw failure;
            }
            anyByte = true;
            try {
                decoder.decode(readBuffer, 0, n, payload -> {
                    if (found[0] == null) {
                        found[0] = match(payload, controlId);
                    }
                });
            } catch (MllpFrameException e) {
                if (found[0] == null) {
                    watch.disarm();
                    disconnect();
                    throw new MllpTransportException(endpoint, "invalid MLLP frame while waiting for the ACK of "
                            + controlId + ": " + e.getMessage(), e);
                }
            }
            if (found[0] != null) {
                if (!watch.disarm() || decoder.inFrame()) {
                    // the time-out fired just as the ACK came (the socket is being closed), or the
                    // reply was followed by part of another frame: start clean next time
                    disconnect();
                }
                return found[0].withEndpoint(endpoint);
            }
        }
    }

    private Ack match(byte[] payload, String controlId) {
        Ack ack;
        try {
            ack = Ack.of(Hl7Message.decode(payload, defaultCharset, false));
        } catch (Hl7ParseException e) {
            LOG.warn("{}: ignoring a reply that is not an acknowledgement while waiting for {}: {}",
                    endpoint, controlId, e.getMessage());
            return null;
        }
        if (!ack.acknowledgedControlId().equals(controlId)) {
            mismatchedAcks++;
            LOG.warn("{}: ignoring an ACK for control ID '{}' while waiting for the ACK of '{}'",
                    endpoint, ack.acknowledgedControlId(), controlId);
            return null;
        }
        return ack;
    }

    private void connect() {
        if (socket != null) {
            return;
        }
        InetSocketAddress address = endpoint.socketAddress();
        if (address.isUnresolved()) {
            throw new MllpTransportException(endpoint, "cannot resolve host '" + endpoint.host() + "'", null);
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(address, (int) Math.max(1, connectTimeout.toMillis()));
            if (tls != null) {
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(s, endpoint.host(), endpoint.port(), true);
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(params);
                ssl.setSoTimeout((int) Math.max(1, connectTimeout.toMillis()));
                ssl.startHandshake();
                verifyHostName(ssl);
                ssl.setSoTimeout(0); // reads are timed by the watchdog, see SocketWatchdog
                socket = ssl;
            } else {
                socket = s;
            }
            in = socket.getInputStream();
            out = socket.getOutputStream();
            decoder = new MllpFrameDecoder(maxFrameLength);
            watch = SocketWatchdog.get().watch(s);
            LOG.debug("{}: connected", endpoint);
        } catch (SocketTimeoutException e) {
            closeQuietly(s);
            throw new ConnectTimeoutException(endpoint, connectTimeout, e);
        } catch (ConnectException e) {
            closeQuietly(s);
            String why = e.getMessage() == null ? "" : e.getMessage();
            throw new MllpTransportException(endpoint, why.toLowerCase(java.util.Locale.ROOT).contains("refused")
                    ? "connection refused" : "cannot connect: " + why, e);
        } catch (IOException e) {
            closeQuietly(s);
            throw new MllpTransportException(endpoint, "connect failed: " + e.getMessage(), e);
        }
    }

    /**
     * The trust manager of {@link TlsSettings} checks the chain only (HTTP clients verify the host
     * name after the handshake), so MLLP, a raw socket, checks the server certificate's names here.
     */
    private void verifyHostName(SSLSocket ssl) throws IOException {
        Certificate[] peer = ssl.getSession().getPeerCertificates();
        X509Certificate leaf = peer.length > 0 && peer[0] instanceof X509Certificate ? (X509Certificate) peer[0] : null;
        if (leaf == null || !CertificateInspector.covers(leaf, endpoint.host())) {
            throw new SSLPeerUnverifiedException("the server certificate does not name '" + endpoint.host() + "'"
                    + (leaf == null ? "" : " (it names " + CertificateInspector.subjectAlternativeNames(leaf) + ")"));
        }
    }

    private void disconnect() {
        if (watch != null) {
            watch.cancel();
            watch = null;
        }
        if (socket != null) {
            closeQuietly(socket);
            socket = null;
            in = null;
            out = null;
            decoder = null;
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.debug("closing socket failed", e);
        }
    }

    /**
     * Closes the current connection, if any; the next {@link #send} opens a new one.
     * Blocks while a send is in progress.
     */
    public void disconnectNow() {
        synchronized (lock) {
            disconnect();
        }
    }

    /**
     * Whether a connection is currently open.
     *
     * @return true if connected
     */
    public boolean isConnected() {
        synchronized (lock) {
            return socket != null;
        }
    }

    /**
     * The endpoint this client talks to.
     *
     * @return the endpoint
     */
    public MllpEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Acknowledgements skipped so far because their MSA-2 did not match the message sent.
     *
     * @return the count
     */
    public long mismatchedAcks() {
        synchronized (lock) {
            return mismatchedAcks;
        }
    }

    /**
     * Closes the connection and refuses further sends. A send in progress on another thread
     * fails with an {@link MllpTransportException}. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        Socket s = socket;
        if (s != null) {
            closeQuietly(s); // unblocks a reader on another thread
        }
        synchronized (lock) {
            disconnect();
        }
    }

    /**
     * Builds an {@link MllpClient}. Not thread-safe; the built client does not change if the
     * builder is changed afterwards.
     */
    public static final class Builder {
        private MllpEndpoint endpoint;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration ackTimeout = DEFAULT_ACK_TIMEOUT;
        private TlsSettings tls;
        private int maxFrameLength = MllpFrameDecoder.DEFAULT_MAX_FRAME_LENGTH;
        private Charset defaultCharset = DEFAULT_CHARSET;

        private Builder() {
        }

        /**
         * The endpoint to connect to (required).
         *
         * @param endpoint the endpoint
         * @return this builder
         * @throws NullPointerException if {@code endpoint} is null
         */
        public Builder endpoint(MllpEndpoint endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /**
         * The connect time-out; default {@link #DEFAULT_CONNECT_TIMEOUT} (5 s).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws NullPointerException if {@code timeout} is null
         * @throws IllegalArgumentException if it is not positive
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * The ACK time-out, counted from the end of the write; default
         * {@link #DEFAULT_ACK_TIMEOUT} (10 s).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws NullPointerException if {@code timeout} is null
         * @throws IllegalArgumentException if it is not positive
         */
        public Builder ackTimeout(Duration timeout) {
            this.ackTimeout = positive(timeout, "ackTimeout");
            return this;
        }

        /**
         * Use TLS with these settings (certificates and the endpoint's host name are always
         * verified; a client certificate is presented when the settings hold one); default: plain
         * TCP. The TLS context is built once, by {@link #build()}.
         *
         * @param settings whom to trust and which client certificate to present
         * @return this builder
         * @throws NullPointerException if {@code settings} is null
         */
        public Builder tls(TlsSettings settings) {
            this.tls = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * The longest acknowledgement accepted; default
         * {@link MllpFrameDecoder#DEFAULT_MAX_FRAME_LENGTH} (1 MiB).
         *
         * @param bytes at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder maxFrameLength(int bytes) {
            this.maxFrameLength = atLeastOne(bytes, "maxFrameLength");
            return this;
        }

        /**
         * The charset used when a message declares none in MSH-18; default
         * {@link #DEFAULT_CHARSET} (ISO-8859-1).
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
         * Builds the client; it connects on first send.
         *
         * @return the client
         * @throws NullPointerException if no endpoint was set
         */
        public MllpClient build() {
            return new MllpClient(this);
        }
    }

    static int atLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
        return value;
    }

    static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }
}
