package io.hakit.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How a device client retries a request the device did not process (HTTP 503, "busy"): at most
 * {@code maxRetries} more attempts, waiting {@code delay} before the first and doubling the wait up to
 * {@code maxDelay}. A value: the adapters' builders take it ({@code retry(Retry)}) and the transport
 * turns it into a Failsafe retry policy, so no retry loop is written by hand.
 *
 * @param maxRetries how many times a request is sent again (0: never)
 * @param delay the wait before the first retry (zero: none)
 * @param maxDelay the longest wait between two retries
 */
public record Retry(int maxRetries, Duration delay, Duration maxDelay) {

    /** The longest wait between two retries when none is given: 30 seconds. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);

    /** Checks the values. */
    public Retry {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be at least 0, not " + maxRetries);
        }
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (delay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative: " + delay + ", " + maxDelay);
        }
        if (maxDelay.compareTo(delay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " is shorter than delay " + delay);
        }
    }

    /** @return no retry at all */
    public static Retry none() {
        return new Retry(0, Duration.ZERO, Duration.ZERO);
    }

    /**
     * @param maxRetries how many times a request is sent again
     * @param delay the first wait, doubled per retry up to {@link #DEFAULT_MAX_DELAY} (or {@code delay} when longer)
     * @return the policy
     */
    public static Retry backoff(int maxRetries, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        return new Retry(maxRetries, delay, delay.compareTo(DEFAULT_MAX_DELAY) > 0 ? delay : DEFAULT_MAX_DELAY);
    }
}
