package io.hakit.model.ops;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a drain runs: how long it waits for connections to finish, how often it reads them, whether it may take
 * the last member up out of a farm, whether it forces the members offline after the wait, and who hears of its
 * progress. Immutable and thread-safe.
 */
public final class DrainOptions {

    /** How long a drain waits for connections to reach zero by default: 5 minutes. */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);
    /** How often a drain reads the connections by default: every second. */
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
    /** The defaults. */
    public static final DrainOptions DEFAULTS = builder().build();

    private final Duration waitFor;
    private final Duration poll;
    private final boolean force;
    private final boolean offline;
    private final DrainListener listener;

    private DrainOptions(Builder b) {
        this.waitFor = b.waitFor;
        this.poll = b.poll;
        this.force = b.force;
        this.offline = b.offline;
        this.listener = b.listener;
    }

    /** @return a new builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param change what to set
     * @return options built from the defaults and {@code change}
     */
    public static DrainOptions of(Consumer<Builder> change) {
        Builder b = builder();
        change.accept(b);
        return b.build();
    }

    /** @return how long to wait for connections to reach zero ({@link Duration#ZERO}: do not wait) */
    public Duration waitFor() {
        return waitFor;
    }

    /** @return how often to read the connections while waiting */
    public Duration poll() {
        return poll;
    }

    /** @return whether to drain even the last member up in a farm */
    public boolean force() {
        return force;
    }

    /** @return whether to force the members offline after the wait (F5 {@code user-down}) */
    public boolean offline() {
        return offline;
    }

    /** @return who hears of progress */
    public DrainListener listener() {
        return listener;
    }

    @Override
    public String toString() {
        return "DrainOptions[wait=" + waitFor + ", poll=" + poll + ", force=" + force + ", offline=" + offline + "]";
    }

    /** Builds {@link DrainOptions}. Not thread-safe. */
    public static final class Builder {
        private Duration waitFor = DEFAULT_WAIT;
        private Duration poll = DEFAULT_POLL;
        private boolean force;
        private boolean offline;
        private DrainListener listener = DrainListener.NONE;

        private Builder() {
        }

        /**
         * @param waitFor how long to wait for connections to reach zero; default {@link #DEFAULT_WAIT}
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder waitFor(Duration waitFor) {
            Objects.requireNonNull(waitFor, "waitFor");
            if (waitFor.isNegative()) {
                throw new IllegalArgumentException("waitFor (" + waitFor + ") must not be negative");
            }
            this.waitFor = waitFor;
            return this;
        }

        /**
         * @param poll how often to read the connections; default {@link #DEFAULT_POLL}
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder poll(Duration poll) {
            Objects.requireNonNull(poll, "poll");
            if (poll.isNegative() || poll.isZero()) {
                throw new IllegalArgumentException("poll (" + poll + ") must be positive");
            }
            this.poll = poll;
            return this;
        }

        /**
         * @param force drain even when the server is the last member up in a farm; default false
         * @return this builder
         */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /**
         * @param offline after the wait, force the members offline where the vendor has such a state (F5
         *     {@code user-down}); default false
         * @return this builder
         */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /**
         * @param listener who hears of progress; default {@link DrainListener#NONE}
         * @return this builder
         */
        public Builder listener(DrainListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @return the options */
        public DrainOptions build() {
            return new DrainOptions(this);
        }
    }
}
