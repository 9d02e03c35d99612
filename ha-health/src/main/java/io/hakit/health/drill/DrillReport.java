package io.hakit.health.drill;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a drill proved: a verdict, whether the device's member states are as they were before it ({@code restored}),
 * its steps and its timeline. Immutable.
 *
 * @param verdict passed only when every server was drained and enabled, no probe failed, every farm was HEALTHY
 *     after each step and the device is as it was
 * @param restored whether the device's member states (administrative state and drain's mark of every member of
 *     the deployment) read after the drill equal those read before it
 * @param steps one per server drilled, in order; a drill that stops early has fewer than the deployment's servers
 * @param timeline everything that happened, in order
 * @param message one line saying why the drill failed, or {@code ""}
 */
public record DrillReport(Verdict verdict, boolean restored, List<DrillStep> steps, List<DrillEvent> timeline,
        String message) {

    /** A drill's verdict. */
    public enum Verdict {
        /** Every server could go without a failed request, and the device is as it was. */
        PASSED,
        /** Something failed; {@link DrillReport#message()} says what. */
        FAILED;

        /** @return the JSON word, e.g. {@code passed} */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @throws NullPointerException naming a null argument
     */
    public DrillReport {
        Objects.requireNonNull(verdict, "verdict");
        steps = List.copyOf(steps);
        timeline = List.copyOf(timeline);
        message = message == null ? "" : message;
    }

    /** @return whether the drill passed */
    public boolean passed() {
        return verdict == Verdict.PASSED;
    }

    /** @return probes sent through the load balancer over every step */
    public long probes() {
        return steps.stream().mapToLong(DrillStep::probes).sum();
    }

    /** @return failed probes over every step */
    public long failed() {
        return steps.stream().mapToLong(DrillStep::failed).sum();
    }
}
