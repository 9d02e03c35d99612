package io.hakit.hl7.internal;

import java.time.Duration;

/**
 * The deadline of one MLLP connection, in three phases: from accepting the connection to the
 * start byte of its first frame ({@code firstByteTimeout}); from a frame's start byte to its end
 * ({@code frameTimeout}); from the end of a frame to the start of the next ({@code idleTimeout}).
 * Each deadline counts from the start of its phase: bytes that trickle in do not push it back,
 * so a client sending one byte at a time holds a connection no longer than a silent one.
 *
 * <p>Used by the connection's own thread; {@link #waitingSince()} may be read by any thread.
 */
public final class FrameDeadline {

    /** What the connection is waiting for. */
    public enum Phase {
        /** The start byte of the first frame. */
        FIRST_BYTE,
        /** The end of the frame under way. */
        FRAME,
        /** The start of the next frame, after a complete one. */
        IDLE
    }

    private final Duration firstByteTimeout;
    private final Duration frameTimeout;
    private final Duration idleTimeout;
    private Phase phase = Phase.FIRST_BYTE;
    private volatile long since;
    private volatile boolean waiting = true;

    /**
     * @param firstByteTimeout from connecting to the first frame's start byte
     * @param frameTimeout from a frame's start byte to its end
     * @param idleTimeout from a frame's end to the next frame's start byte
     * @param nowNanos the time the connection was accepted ({@link System#nanoTime()})
     */
    public FrameDeadline(Duration firstByteTimeout, Duration frameTimeout, Duration idleTimeout, long nowNanos) {
        this.firstByteTimeout = firstByteTimeout;
        this.frameTimeout = frameTimeout;
        this.idleTimeout = idleTimeout;
        this.since = nowNanos;
    }

    /**
     * Moves to the next phase after a read.
     *
     * @param inFrame whether a frame is under way after the bytes read
     * @param completedFrames how many frames the bytes read completed
     * @param nowNanos the time of the read
     */
    public void afterRead(boolean inFrame, int completedFrames, long nowNanos) {
        if (inFrame) {
            if (phase != Phase.FRAME || completedFrames > 0) {
                enter(Phase.FRAME, nowNanos);
            }
        } else if (completedFrames > 0) {
            enter(Phase.IDLE, nowNanos);
        }
        // bytes outside frames change nothing: the deadline of the phase stands
    }

    private void enter(Phase next, long nowNanos) {
        phase = next;
        since = nowNanos;
        waiting = next != Phase.IDLE;
    }

    /**
     * @param nowNanos the time now
     * @return nanoseconds left before the deadline of the current phase; 0 or less once it passed
     */
    public long remainingNanos(long nowNanos) {
        return since + limit().toNanos() - nowNanos;
    }

    /** @return the phase */
    public Phase phase() {
        return phase;
    }

    /**
     * @return when the connection started waiting for a frame's start byte (first frame) or end,
     *     as {@link System#nanoTime()}; {@link Long#MAX_VALUE} when it is idle between frames
     */
    public long waitingSince() {
        return waiting ? since : Long.MAX_VALUE;
    }

    /** @return why the connection is closed when the deadline passes, for the log */
    public String expired() {
        switch (phase) {
            case FIRST_BYTE:
                return "no frame started within " + firstByteTimeout + " of connecting";
            case FRAME:
                return "frame not complete within " + frameTimeout + " of its start";
            default:
                return "idle for " + idleTimeout + " after a frame";
        }
    }

    private Duration limit() {
        switch (phase) {
            case FIRST_BYTE:
                return firstByteTimeout;
            case FRAME:
                return frameTimeout;
            default:
                return idleTimeout;
        }
    }
}
