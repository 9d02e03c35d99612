package io.hakit.citrix.sim.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * NITRO sessions: tokens handed out by login, idle time-outs, logout and forced expiry.
 * Thread-safe.
 */
final class Sessions {
    enum State { VALID, EXPIRED }

    private static final class Session {
        final long timeoutNanos;
        long lastUsed;
        boolean killed;

        Session(long timeoutNanos, long now) {
            this.timeoutNanos = timeoutNanos;
            this.lastUsed = now;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new HashMap<>();
    private final Duration timeout;
    private final Clock clock;

    Sessions(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    private long nowNanos() {
        return clock.millis() * 1_000_000L;
    }

    /**
     * @param requested the login's own {@code timeout}, or {@code null}: it may lower the configured one, not raise it
     * @return a new token
     */
    synchronized String open(Duration requested) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        String token = "##" + HexFormat.of().withUpperCase().formatHex(b);
        Duration t = requested == null || requested.compareTo(timeout) > 0 ? timeout : requested;
        sessions.put(token, new Session(t.toNanos(), nowNanos()));
        return token;
    }

    /** @return whether the token is a live session; a live one's idle clock restarts */
    synchronized State use(String token) {
        Session s = sessions.get(token);
        long now = nowNanos();
        if (s == null || s.killed || now - s.lastUsed > s.timeoutNanos) {
            sessions.remove(token);
            return State.EXPIRED;
        }
        s.lastUsed = now;
        return State.VALID;
    }

    synchronized void close(String token) {
        sessions.remove(token);
    }

    synchronized void expireAll() {
        sessions.values().forEach(s -> s.killed = true);
    }
}
