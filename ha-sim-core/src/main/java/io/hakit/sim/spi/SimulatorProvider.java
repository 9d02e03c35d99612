package io.hakit.sim.spi;

import io.hakit.model.Vendor;
import io.hakit.sim.DeviceSimulator;

/**
 * Starts one kind of simulator. Each simulator module provides one (in its {@code module-info}
 * and in {@code META-INF/services} for the class path), so test tooling finds it with
 * {@link java.util.ServiceLoader} without depending on the simulator at compile time.
 * Implementations are stateless and thread-safe.
 */
public interface SimulatorProvider {

    /** @return the device the simulators started by this provider stand in for */
    Vendor vendor();

    /** @return the class of the simulators {@link #start} returns, e.g. {@code CitrixSimulator.class} */
    Class<? extends DeviceSimulator> simulatorType();

    /**
     * @param settings the user, password and TLS identity
     * @return a running simulator on an ephemeral loopback port; the caller closes it
     * @throws io.hakit.model.TransportException when no port can be bound
     */
    DeviceSimulator start(SimulatorSettings settings);
}
