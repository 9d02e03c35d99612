package io.hakit.f5.sim.internal;

import io.hakit.f5.sim.F5Simulator;
import io.hakit.model.Vendor;
import io.hakit.sim.DeviceSimulator;
import io.hakit.sim.spi.SimulatorProvider;
import io.hakit.sim.spi.SimulatorSettings;

/** Starts {@link F5Simulator}s for test tooling found through {@link java.util.ServiceLoader}. */
public final class F5SimulatorProvider implements SimulatorProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public F5SimulatorProvider() {
    }

    @Override
    public Vendor vendor() {
        return Vendor.F5;
    }

    @Override
    public Class<F5Simulator> simulatorType() {
        return F5Simulator.class;
    }

    @Override
    public DeviceSimulator start(SimulatorSettings settings) {
        F5Simulator.Builder b = F5Simulator.builder().credentials(settings.user(), settings.password());
        settings.tls().ifPresent(id -> b.tls(id.chain(), id.key()));
        return b.start();
    }
}
