package io.hakit.hl7;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import io.hakit.hl7.internal.FrameDeadline;
import io.hakit.hl7.internal.SocketWatchdog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-connection side of an {@link MllpListener}: reads frames from one accepted connection
 * under its {@link FrameDeadline} (a watchdog closes the socket when the deadline passes, so bytes
 * trickling in never push it back), writes each answer of the {@link MllpResponder} in order, and
 * after an oversize frame answers it and hangs up. Counts frame errors and dropped bytes for all
 * connections of its listener. Thread-safe: one instance serves every connection, each on its own thread.
 */
final class MllpConnectionReader {

    private static final Logger LOG = LoggerFactory.getLogger(MllpListener.class);

    private final int maxFrameLength;
    private final MllpResponder responder;
    private final BooleanSupplier closed;
    private final AtomicLong frameErrors = new AtomicLong();
    private final AtomicLong droppedBytes = new AtomicLong();

    MllpConnectionReader(int maxFrameLength, MllpResponder responder, BooleanSupplier closed) {
        this.maxFrameLength = maxFrameLength;
        this.responder = responder;
        this.closed = closed;
    }

    /** Oversize or corrupt frames seen so far. */
    long frameErrors() {
        return frameErrors.get();
    }

    /** Bytes dropped so far: bytes outside frames and bytes of discarded frames. */
    long droppedBytes() {
        return droppedBytes.get();
    }

    /**
     * Serves one connection until the peer closes it, its deadline passes, an oversize frame has
     * been answered or the listener closes; then hands the socket to {@code done} (which closes it).
     */
    void serve(Socket socket, FrameDeadline deadline, Consumer<Socket> done) {
        SocketWatchdog.Watch watch = SocketWatchdog.get().watch(socket);
        try {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            MllpFrameDecoder decoder = new MllpFrameDecoder(maxFrameLength);
            byte[] buffer = new byte[16384];
            int[] completed = new int[1];
            FrameTooLongException oversize = null;
            while (!closed.getAsBoolean()) {
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
                        write(responder.respond(payload), out);
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
            if (!closed.getAsBoolean() && !(e instanceof SocketException)) {
                LOG.debug("MLLP connection from {} failed: {}", socket.getRemoteSocketAddress(), e.getMessage());
            }
        } finally {
            watch.cancel();
            done.accept(socket);
        }
    }

    private static void write(byte[] frame, OutputStream out) {
        if (frame == null) {
            return;
        }
        try {
            out.write(frame);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    private void rejectOversize(FrameTooLongException e, OutputStream out) {
        try {
            out.write(responder.rejectOversize(e));
            out.flush();
        } catch (IOException io) {
            LOG.debug("MLLP listener: cannot answer an oversize frame: {}", io.getMessage());
        }
    }
}
