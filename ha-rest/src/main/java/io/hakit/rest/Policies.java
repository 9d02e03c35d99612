package io.hakit.rest;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import io.hakit.model.Retry;
import io.hakit.model.TransportException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries and waits as Failsafe policies, built once from values, instead of loops written by hand: a
 * {@link Retry} becomes a policy that sends a request again while the device's answer says "not processed"
 * (503, busy), and {@link #poll(Duration, Duration, Predicate)} a policy that asks again until a state is
 * reached or a deadline passes. {@link #run(RetryPolicy, Supplier)} runs one and turns an interrupt into a
 * {@link TransportException} with the interrupt flag set again.
 */
public final class Policies {

    private static final Logger LOG = LoggerFactory.getLogger(Policies.class);

    private Policies() {
    }

    /**
     * @param retry how often and how long to wait
     * @param again whether an answer means "send it again" (e.g. HTTP 503)
     * @param <T> the answer type
     * @return the policy: at most {@code retry.maxRetries()} more attempts, the wait doubling from
     *     {@code retry.delay()} up to {@code retry.maxDelay()}; exceptions are not retried. When the retries are
     *     spent, the last answer is returned for the caller to judge.
     */
    public static <T> RetryPolicy<T> retryWhen(Retry retry, Predicate<T> again) {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(again, "again");
        RetryPolicyBuilder<T> b = RetryPolicy.<T>builder().handleResultIf(again::test).abortOn(Throwable.class)
                .withMaxRetries(retry.maxRetries())
                .onRetry(e -> LOG.debug("retry {} of {} after {}", e.getAttemptCount(), retry.maxRetries(),
                        e.getLastResult()));
        if (!retry.delay().isZero()) {
            if (retry.maxDelay().compareTo(retry.delay()) > 0) {
                b.withBackoff(retry.delay(), retry.maxDelay());
            } else {
                b.withDelay(retry.delay());
            }
        }
        return b.build();
    }

    /**
     * @param retry how often and how long to wait
     * @param again whether a failure means "try again" (e.g. a device's "busy" error)
     * @param <T> the result type
     * @return the policy: at most {@code retry.maxRetries()} more attempts after such a failure, the wait doubling
     *     from {@code retry.delay()} up to {@code retry.maxDelay()}; when the retries are spent, the last failure
     *     is thrown unchanged
     */
    public static <T> RetryPolicy<T> retryOnFailure(Retry retry, Predicate<RuntimeException> again) {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(again, "again");
        RetryPolicyBuilder<T> b = RetryPolicy.<T>builder()
                .handleIf(e -> e instanceof RuntimeException r && again.test(r))
                .withMaxRetries(retry.maxRetries())
                .onRetry(e -> LOG.debug("retry {} of {} after {}", e.getAttemptCount(), retry.maxRetries(),
                        e.getLastException() == null ? null : e.getLastException().getMessage()));
        if (!retry.delay().isZero()) {
            if (retry.maxDelay().compareTo(retry.delay()) > 0) {
                b.withBackoff(retry.delay(), retry.maxDelay());
            } else {
                b.withDelay(retry.delay());
            }
        }
        return b.build();
    }

    /**
     * @param every the wait between two looks
     * @param timeout how long to keep looking
     * @param notYet whether a look's result means "not there yet"
     * @param <T> the result type
     * @return a policy that looks again every {@code every} while {@code notYet} holds, for at most
     *     {@code timeout}; the last result is returned when time is up
     */
    public static <T> RetryPolicy<T> poll(Duration every, Duration timeout, Predicate<T> notYet) {
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(timeout, "timeout");
        RetryPolicyBuilder<T> b = RetryPolicy.<T>builder().handleResultIf(notYet::test).abortOn(Throwable.class);
        if (every.isZero() || timeout.compareTo(every) <= 0) {
            long looks = every.isZero() ? 1 : Math.max(1, timeout.toNanos() / Math.max(1, every.toNanos()));
            b.withMaxRetries((int) Math.min(Integer.MAX_VALUE, looks));
            if (!every.isZero()) {
                b.withDelay(every);
            }
        } else {
            b.withMaxRetries(-1).withDelay(every).withMaxDuration(timeout);
        }
        return b.build();
    }

    /**
     * @param every the wait between two looks
     * @param looks how many looks at most after the first
     * @param notYet whether a look's result means "not there yet"
     * @param <T> the result type
     * @return a policy that looks at most {@code looks} more times, {@code every} apart
     */
    public static <T> RetryPolicy<T> poll(Duration every, int looks, Predicate<T> notYet) {
        RetryPolicyBuilder<T> b = RetryPolicy.<T>builder().handleResultIf(notYet::test).abortOn(Throwable.class)
                .withMaxRetries(looks);
        if (!every.isZero()) {
            b.withDelay(every);
        }
        return b.build();
    }

    /**
     * Runs an action under a policy.
     *
     * @param policy the retry or poll policy
     * @param action the action; its unchecked exceptions pass through unchanged
     * @param <T> the result type
     * @return the first result the policy accepts, or the last one when it gives up
     * @throws TransportException when interrupted while waiting (the interrupt flag is set again)
     */
    public static <T> T run(RetryPolicy<T> policy, Supplier<T> action) {
        try {
            return Failsafe.with(policy).get(action::get);
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                Thread.currentThread().interrupt();
                throw new TransportException("interrupted while waiting to retry", e.getCause());
            }
            throw e;
        }
    }
}
