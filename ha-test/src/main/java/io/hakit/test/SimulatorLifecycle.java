package io.hakit.test;

/** How long one simulator started by {@link CitrixSimulatorTest} or {@link F5SimulatorTest} lives. */
public enum SimulatorLifecycle {
    /** A fresh simulator (and adapter) for every test method: no state leaks between tests. The default. */
    PER_METHOD,
    /** One simulator (and adapter) for all the test methods of the class: faster, state is shared. */
    PER_CLASS
}
