package io.hakit.hl7;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A server on 127.0.0.1 that accepts each connection and closes it at once, counting them: a receiver that is up but never answers. */
final class CountingServer implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();

    CountingServer() throws IOException {
        server = new ServerSocket(0, 50, TestNet.LOOPBACK);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    connections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "counting-server");
        t.setDaemon(true);
        t.start();
    }

    MllpEndpoint endpoint() {
        return MllpEndpoint.of("127.0.0.1", server.getLocalPort());
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
