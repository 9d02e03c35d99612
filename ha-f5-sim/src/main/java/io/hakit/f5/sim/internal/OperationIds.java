package io.hakit.f5.sim.internal;

/** The {@code restOperationId} numbers restjavad puts in its error bodies, one counter per device. */
final class OperationIds {
    private long last = 100_700_000;

    /** @return the next id */
    long next() {
        return ++last;
    }

}
