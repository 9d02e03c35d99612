package io.hakit.health.internal;

import io.hakit.health.MemberState;

/**
 * The consecutive-count state machine of one member: UNKNOWN to UP after {@code rise}
 * passes in a row, to DOWN after {@code fall} failures in a row; a pass resets the failure
 * count and a failure the pass count (Citrix: "PF PS PF" does not mark DOWN). Not
 * thread-safe: the monitor drives it from one thread.
 */
public final class RiseFall {
    private final int rise;
    private final int fall;
    private MemberState state = MemberState.UNKNOWN;
    private int passes;
    private int failures;

    /**
     * @param rise passes in a row to go UP
     * @param fall failures in a row to go DOWN
     */
    public RiseFall(int rise, int fall) {
        this.rise = rise;
        this.fall = fall;
    }

    /**
     * @param passed whether the latest probe passed
     * @return the state after it
     */
    public MemberState record(boolean passed) {
        if (passed) {
            passes++;
            failures = 0;
            if (state != MemberState.UP && passes >= rise) {
                state = MemberState.UP;
            }
        } else {
            failures++;
            passes = 0;
            if (state != MemberState.DOWN && failures >= fall) {
                state = MemberState.DOWN;
            }
        }
        return state;
    }

    /** @return the current state */
    public MemberState state() {
        return state;
    }

    /** @return passes in a row */
    public int passes() {
        return passes;
    }

    /** @return failures in a row */
    public int failures() {
        return failures;
    }
}
