package io.hakit.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The result of one probe, as data: a failed probe is a result, never an exception.
 * Immutable and thread-safe.
 *
 * @param target where the probe went
 * @param url the URL requested
 * @param outcome what it found
 * @param status the HTTP status received, or {@code 0} when no response arrived
 * @param latency from the start of the probe to its result (connect, TLS, request, response)
 * @param reason a one-line human explanation, e.g. {@code "status 503 is not in 200-399"}
 * @param finishedAt when the result was known
 */
public record ProbeResult(ProbeTarget target, String url, ProbeOutcome outcome, int status, Duration latency,
        String reason, Instant finishedAt) {

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException when the status is neither 0 nor 100-999, or the latency is negative
     */
    public ProbeResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (status != 0 && (status < 100 || status > 999)) {
            throw new IllegalArgumentException("status (" + status + ") must be 0 (none) or 100-999");
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency (" + latency + ") must not be negative");
        }
    }

    /** @return whether the probe passed */
    public boolean passed() {
        return outcome.isSuccess();
    }

    /** @return whether an HTTP response (any status) was received */
    public boolean hasStatus() {
        return status != 0;
    }

    /** @return e.g. {@code app1.hospital.org:7001 SUCCESS 200 in 3 ms} or the failure reason */
    @Override
    public String toString() {
        return target + " " + outcome + (hasStatus() ? " " + status : "") + " in " + latency.toMillis() + " ms"
                + (passed() ? "" : ": " + reason);
    }
}
