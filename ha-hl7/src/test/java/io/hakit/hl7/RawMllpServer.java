package io.hakit.hl7;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted MLLP server on 127.0.0.1 for fault tests: for every frame received it runs a
 * {@link Script} that writes whatever bytes it likes (pieces with pauses, wrong ACKs, nothing).
 */
public final class RawMllpServer implements AutoCloseable {

    /** What to do with one received message. */
    @FunctionalInterface
    public interface Script {
        /** Reacts to message number {@code index} (from 0). */
        void onMessage(int index, Hl7Message message, OutputStream out) throws Exception;
    }

    private final ServerSocket server;
    private final Script script;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<byte[]> payloads = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public RawMllpServer(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, TestNet.LOOPBACK);
        this.acceptor = new Thread(this::accept, "raw-mllp-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public MllpEndpoint endpoint() {
        return MllpEndpoint.of("127.0.0.1", server.getLocalPort());
    }

    /** Control IDs received, in order. */
    public List<String> received() {
        return received;
    }

    /** The payloads received, exactly as they came off the wire (without framing), in order. */
    public List<byte[]> payloads() {
        return payloads;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "raw-mllp-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            MllpFrameDecoder decoder = new MllpFrameDecoder();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                decoder.decode(buf, 0, n, payload -> {
                    payloads.add(payload.clone());
                    Hl7Message m = Hl7Message.decode(payload, MllpClient.DEFAULT_CHARSET);
                    int index;
                    synchronized (received) {
                        index = received.size();
                        received.add(m.controlId());
                    }
                    try {
                        script.onMessage(index, m, out);
                        out.flush();
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            // connection ends
        }
    }

    /** The bytes of a framed ACK of {@code m} with the given MSA-2. */
    public static byte[] ackFrame(Hl7Message m, AckCode code, String msa2) {
        String text = m.createAck(code, null).text();
        text = text.replace("MSA|" + code + "|" + m.controlId(), "MSA|" + code + "|" + msa2);
        return MllpFrameEncoder.encode(text.getBytes(MllpClient.DEFAULT_CHARSET));
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
