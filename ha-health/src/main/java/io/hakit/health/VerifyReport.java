package io.hakit.health;

import java.util.List;
import java.util.Optional;

/**
 * The result of verifying a deployment: one verdict per farm with an HTTP health test.
 * Immutable.
 *
 * @param farms the verdicts, in the deployment's service order
 */
public record VerifyReport(List<FarmVerdict> farms) {

    /** Copies the list. */
    public VerifyReport {
        farms = List.copyOf(farms);
    }

    /** @return whether every farm is serving (none is UNHEALTHY; some may be DEGRADED) */
    public boolean healthy() {
        return farms.stream().allMatch(FarmVerdict::healthy);
    }

    /** @return the worst farm state: HEALTHY only when every farm is HEALTHY */
    public FarmState state() {
        return FarmState.worst(farms.stream().map(FarmVerdict::state).toList());
    }

    /**
     * @param service a service name
     * @return its verdict, if it was verified
     */
    public Optional<FarmVerdict> farm(String service) {
        return farms.stream().filter(f -> f.service().equals(service)).findFirst();
    }
}
