package io.hakit.health.drill;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One server's turn in a drill: whether it was drained, how many probes went through the load balancer while it was
 * out and how many failed, whom the device had serving each probe, whether it was enabled again and how long after
 * that every farm was HEALTHY. Immutable.
 *
 * @param server the drained server
 * @param drained whether the drain succeeded
 * @param probes probes sent through the load balancer while it was out (HL7 test messages included)
 * @param failed how many of them failed (no answer, a bad answer, or answered while no other member was up)
 * @param servedBy server → probes it served while this one was out, as the device's member state attributes them
 *     (see {@link Drill})
 * @param hl7 HL7 test messages sent (0 unless a {@link Hl7TestSender} was given)
 * @param enabled whether the enable succeeded
 * @param healthyAfterMs milliseconds from the enable until every farm was HEALTHY again, or {@code -1} when it
 *     was not within the wait (or was not waited for)
 * @param failures one line per distinct failure (at most {@link Drill#MAX_FAILURE_LINES})
 */
public record DrillStep(String server, boolean drained, long probes, long failed, Map<String, Long> servedBy,
        long hl7, boolean enabled, long healthyAfterMs, List<String> failures) {

    /**
     * @throws NullPointerException naming a null argument
     */
    public DrillStep {
        Objects.requireNonNull(server, "server");
        servedBy = Map.copyOf(servedBy);
        failures = List.copyOf(failures);
    }

    /** @return whether the step proved what it should: drained, no failed probe, enabled, HEALTHY again */
    public boolean passed() {
        return drained && failed == 0 && enabled && healthyAfterMs >= 0;
    }
}
