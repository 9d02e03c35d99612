package io.hakit.rest.internal;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultContentLengthStrategy;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriterFactory;
import org.apache.hc.core5.http.impl.io.NoResponseOutOfOrderStrategy;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * An HTTP/1.1 client connection that logs nothing. HttpClient's own connection class logs every request
 * and response header ({@code org.apache.hc.client5.http.headers}) and every byte on the socket
 * ({@code org.apache.hc.client5.http.wire}) when those loggers are at DEBUG, which would hand the device
 * password, tokens, session cookies and private keys to whatever logging the user configured. This one
 * is HttpCore's plain connection plus the few methods the connection pool needs, and has no logger at all,
 * so nothing a user configures can make it print a secret.
 */
final class QuietConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {

    private final String id;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Timeout socketTimeout;

    QuietConnection(String id) {
        // built as HttpClient 5.5's own ManagedHttpClientConnectionFactory builds its connections: its lenient
        // response parser, default content-length strategies, no "response out of order" monitoring
        super(Http1Config.DEFAULT, null, null, DefaultContentLengthStrategy.INSTANCE, DefaultContentLengthStrategy.INSTANCE,
                NoResponseOutOfOrderStrategy.INSTANCE, DefaultHttpRequestWriterFactory.INSTANCE,
                DefaultHttpResponseParserFactory.INSTANCE);
        this.id = id;
    }

    @Override
    public void bind(Socket socket) throws IOException {
        super.bind(socket);
        socketTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
        super.bind(sslSocket, socket);
        socketTimeout = Timeout.ofMilliseconds(sslSocket.getSoTimeout());
    }

    @Override
    public Socket getSocket() {
        return getSocketHolder() == null ? null : getSocketHolder().getSocket();
    }

    @Override
    public SSLSession getSSLSession() {
        Socket s = getSocket();
        return s instanceof SSLSocket ssl ? ssl.getSession() : null;
    }

    @Override
    public void setSocketTimeout(Timeout timeout) {
        super.setSocketTimeout(timeout);
        socketTimeout = timeout;
    }

    /** Idle in the pool: wait forever for the (unexpected) next byte, as HttpClient's own connection does. */
    @Override
    public void passivate() {
        super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
    }

    /** Leased again: restore the socket time-out. */
    @Override
    public void activate() {
        super.setSocketTimeout(socketTimeout);
    }

    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            super.close();
        }
    }

    @Override
    public void close(CloseMode mode) {
        if (closed.compareAndSet(false, true)) {
            super.close(mode);
        }
    }

    @Override
    public String toString() {
        return "QuietConnection[" + id + "]";
    }
}
