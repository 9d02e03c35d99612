package io.hakit.hl7.internal;

import java.io.IOException;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces read time-outs by closing the socket from one shared daemon thread, so that
 * the reads themselves can stay plain blocking reads. (A socket with {@code SO_TIMEOUT}
 * reads in non-blocking mode plus poll, which roughly halves loopback throughput with one
 * message outstanding.) A time-out fires at most {@link #MAX_LATENESS} after it is due.
 *
 * <p>Per read the cost is two atomic writes: {@link Watch#arm} and {@link Watch#disarm}.
 * Thread-safe.
 */
public final class SocketWatchdog {

    /** How late a time-out may fire at most. */
    public static final long MAX_LATENESS_MILLIS = 20;
    private static final long MAX_LATENESS = TimeUnit.MILLISECONDS.toNanos(MAX_LATENESS_MILLIS);
    private static final Logger LOG = LoggerFactory.getLogger(SocketWatchdog.class);
    private static final SocketWatchdog INSTANCE = new SocketWatchdog();

    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private final Thread thread;

    private SocketWatchdog() {
        thread = new Thread(this::run, "mllp-timeout-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The shared watchdog.
     *
     * @return the watchdog
     */
    public static SocketWatchdog get() {
        return INSTANCE;
    }

    /**
     * Starts watching a socket (disarmed).
     *
     * @param socket the socket to close when an armed time-out expires
     * @return the watch; {@link Watch#cancel()} it when the socket is closed
     */
    public Watch watch(Socket socket) {
        Watch w = new Watch(socket);
        watches.add(w);
        LockSupport.unpark(thread);
        return w;
    }

    private void run() {
        while (true) {
            if (watches.isEmpty()) {
                LockSupport.parkNanos(this, TimeUnit.SECONDS.toNanos(1));
                continue;
            }
            long now = System.nanoTime();
            long sleep = MAX_LATENESS;
            for (Watch w : watches) {
                long d = w.deadline.get();
                if (d == 0) {
                    continue;
                }
                long left = d - now;
                if (left <= 0) {
                    if (w.deadline.compareAndSet(d, 0)) {
                        try {
                            w.socket.close();
                        } catch (IOException e) {
                            LOG.debug("closing a timed-out socket failed", e);
                        }
                    }
                } else if (left < sleep) {
                    sleep = left;
                }
            }
            LockSupport.parkNanos(this, Math.max(sleep, TimeUnit.MICROSECONDS.toNanos(200)));
        }
    }

    /** A time-out on one socket, armed before a read and disarmed after it. Thread-safe. */
    public final class Watch {
        private final Socket socket;
        private final AtomicLong deadline = new AtomicLong();

        private Watch(Socket socket) {
            this.socket = socket;
        }

        /**
         * Arms the time-out: the socket is closed if not disarmed within {@code timeoutNanos}.
         *
         * @param timeoutNanos the time-out
         */
        public void arm(long timeoutNanos) {
            long d = System.nanoTime() + timeoutNanos;
            deadline.set(d == 0 ? 1 : d);
        }

        /**
         * Disarms the time-out.
         *
         * @return true if it had not fired; false if it fired (the socket is or is being closed)
         */
        public boolean disarm() {
            return deadline.getAndSet(0) != 0;
        }

        /** Stops watching this socket. */
        public void cancel() {
            deadline.set(0);
            watches.remove(this);
        }
    }
}
