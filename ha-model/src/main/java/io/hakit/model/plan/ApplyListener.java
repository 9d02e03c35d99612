package io.hakit.model.plan;

/**
 * Progress of an apply, for progress lines and audit logs. Every method has an empty
 * default; implement what you need. Called on the applying thread; keep it quick.
 */
public interface ApplyListener {

    /** A listener that ignores everything. */
    ApplyListener NONE = new ApplyListener() {
    };

    /**
     * @param change the change about to be sent
     * @param index its position in the plan, from 0
     * @param total how many changes the plan has
     */
    default void starting(Change change, int index, int total) {
    }

    /**
     * @param change the change that took effect
     */
    default void applied(Change change) {
    }

    /**
     * @param change the change that failed
     * @param failure what the device or transport said
     */
    default void failed(Change change, RuntimeException failure) {
    }

    /**
     * @param change a change being undone after a failure
     */
    default void rollingBack(Change change) {
    }
}
