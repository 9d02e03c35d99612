package io.hakit.model.ops;

import java.time.Duration;

/**
 * Progress of a drain or enable, for a progress line. Every method has an empty default. Called on the draining
 * thread; keep it quick.
 */
public interface DrainListener {

    /** A listener that ignores everything. */
    DrainListener NONE = new DrainListener() {
    };

    /**
     * @param member a member whose state was just changed on the device
     */
    default void changed(MemberChange member) {
    }

    /**
     * One poll of the draining members' connections.
     *
     * @param connections how many connections the server's members still have
     * @param waited how long the drain has waited so far
     * @param limit how long it waits at most
     */
    default void waiting(long connections, Duration waited, Duration limit) {
    }
}
