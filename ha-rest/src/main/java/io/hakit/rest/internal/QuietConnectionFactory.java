package io.hakit.rest.internal;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/** Makes {@link QuietConnection}s for the connection pool instead of HttpClient's logging connections. */
public final class QuietConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    /** The one instance. */
    public static final QuietConnectionFactory INSTANCE = new QuietConnectionFactory();

    private static final AtomicLong COUNTER = new AtomicLong();

    private QuietConnectionFactory() {
    }

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        QuietConnection c = new QuietConnection("hakit-rest-" + COUNTER.getAndIncrement());
        if (socket != null) {
            c.bind(socket);
        }
        return c;
    }
}
