package io.hakit.health.event;

/**
 * Receives a monitor's events, one method per event type; implement the ones you need.
 * Called on the monitor's own thread, one event at a time and in order: keep it quick.
 * An exception thrown by a listener is logged and otherwise ignored.
 */
public interface HealthListener {

    /** @param event a probe completed */
    default void onProbeCompleted(ProbeCompleted event) {
    }

    /** @param event a member went UP or DOWN */
    default void onMemberStateChanged(MemberStateChanged event) {
    }

    /** @param event a farm became healthy or unhealthy */
    default void onFarmHealthChanged(FarmHealthChanged event) {
    }
}
