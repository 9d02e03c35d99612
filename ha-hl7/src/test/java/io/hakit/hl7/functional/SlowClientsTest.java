package io.hakit.hl7.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.hl7.AckCode;
import io.hakit.hl7.MllpClient;
import io.hakit.hl7.MllpFrameDecoder;
import io.hakit.hl7.MllpListener;
import io.hakit.hl7.TestMessages;
import io.hakit.hl7.TestNet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A listener with its default limits under a slow-client attack: 50 clients each open a frame and
 * trickle one byte at a time, reconnecting when closed. A sender of whole frames is still served,
 * within its own one-second time-outs, and a trickling client cannot hold its connection past the
 * frame deadline however steadily it sends.
 */
class SlowClientsTest {

    private static final int SLOW_CLIENTS = 50;

    @Test
    void aSenderOfWholeFramesIsServedWhileFiftyClientsTrickle() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SLOW_CLIENTS);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger connects = new AtomicInteger();
        try (MllpListener l = TestNet.listener().build().start()) {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                pool.execute(() -> trickle(l.port(), stop, connects, Duration.ofMillis(200)));
            }
            // every slot is taken by a trickling client before the sender comes
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (connects.get() < SLOW_CLIENTS && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(connects.get()).as("slow clients connected").isGreaterThanOrEqualTo(SLOW_CLIENTS);
            assertThat(l.evictedConnections()).as("every slot was taken").isPositive();
            long evictedBefore = l.evictedConnections();

            try (MllpClient sender = MllpClient.builder().endpoint(l.endpoint())
                    .connectTimeout(Duration.ofSeconds(1)).ackTimeout(Duration.ofSeconds(1)).build()) {
                for (int i = 1; i <= 5; i++) {
                    assertThat(sender.send(TestMessages.adtA01("LEGIT" + i)).code()).isEqualTo(AckCode.AA);
                }
            }
            assertThat(l.receivedCount()).isEqualTo(5);
            assertThat(l.evictedConnections()).as("slow clients made way").isGreaterThan(evictedBefore);
        } finally {
            stop.set(true);
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTricklingClientIsClosedAtTheFrameDeadline() throws Exception {
        try (MllpListener l = TestNet.listener().frameTimeout(Duration.ofMillis(600)).build().start();
             Socket s = new Socket(TestNet.LOOPBACK, l.port())) {
            s.getOutputStream().write(MllpFrameDecoder.START_BLOCK);
            // one byte every 100 ms: an idle time-out restarted by every byte would never fire
            boolean closed = closedWhileTrickling(s, 'x');
            if (!closed) {
                s.setSoTimeout(1);
                try {
                    closed = s.getInputStream().read() == -1;
                } catch (IOException e) {
                    closed = !(e instanceof java.net.SocketTimeoutException);
                }
            }
            assertThat(closed).as("closed by the listener within 10 s of trickling").isTrue();
        }
    }

    @Test
    void bytesOutsideFramesDoNotPushBackTheFirstFrameDeadline() throws Exception {
        try (MllpListener l = TestNet.listener().firstByteTimeout(Duration.ofMillis(600)).build().start();
             Socket s = new Socket(TestNet.LOOPBACK, l.port())) {
            boolean closed = closedWhileTrickling(s, 'j');
            assertThat(closed).as("closed by the listener within 10 s of junk").isTrue();
        }
    }

    /** Sends {@code b} every 100 ms for up to 10 s; true once a write fails because the listener closed. */
    private static boolean closedWhileTrickling(Socket s, int b) throws InterruptedException {
        OutputStream out;
        try {
            out = s.getOutputStream();
        } catch (IOException e) {
            return true;
        }
        for (int i = 0; i < 100; i++) {
            Thread.sleep(100);
            try {
                out.write(b);
                out.flush();
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    /** Opens a frame and sends one byte per interval; reconnects (after a pause) when closed. */
    private static void trickle(int port, AtomicBoolean stop, AtomicInteger connects, Duration interval) {
        while (!stop.get()) {
            try (Socket s = new Socket(TestNet.LOOPBACK, port)) {
                connects.incrementAndGet();
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                out.write(MllpFrameDecoder.START_BLOCK);
                out.write("MSH|^~\\&|".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                while (!stop.get()) {
                    Thread.sleep(interval.toMillis());
                    out.write('x');
                    out.flush();
                    if (in.available() > 0 && in.read() < 0) {
                        break;
                    }
                }
            } catch (IOException e) {
                // closed by the listener: come back after a pause, as a patient attacker would
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
