package io.hakit.health.drill;

/**
 * Hears a drill's timeline as it happens, for a progress display. Called on the drill's thread; keep it quick.
 */
@FunctionalInterface
public interface DrillListener {

    /** A listener that ignores everything. */
    DrillListener NONE = e -> {
    };

    /**
     * @param event the line just added to the timeline
     */
    void event(DrillEvent event);
}
