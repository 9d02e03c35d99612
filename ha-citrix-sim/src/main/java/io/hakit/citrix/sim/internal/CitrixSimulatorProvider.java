package io.hakit.citrix.sim.internal;

import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.model.Vendor;
import io.hakit.sim.DeviceSimulator;
import io.hakit.sim.spi.SimulatorProvider;
import io.hakit.sim.spi.SimulatorSettings;

/** Starts {@link CitrixSimulator}s for test tooling found through {@link java.util.ServiceLoader}. */
public final class CitrixSimulatorProvider implements SimulatorProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public CitrixSimulatorProvider() {
    }

    @Override
    public Vendor vendor() {
        return Vendor.CITRIX;
    }

    @Override
    public Class<CitrixSimulator> simulatorType() {
        return CitrixSimulator.class;
    }

    @Override
    public DeviceSimulator start(SimulatorSettings settings) {
        CitrixSimulator.Builder b = CitrixSimulator.builder().credentials(settings.user(), settings.password());
        settings.tls().ifPresent(id -> b.tls(id.chain(), id.key()));
        return b.start();
    }
}
