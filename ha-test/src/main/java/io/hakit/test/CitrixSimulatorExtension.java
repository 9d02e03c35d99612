package io.hakit.test;

import io.hakit.model.Vendor;

/**
 * The extension behind {@link CitrixSimulatorTest}; use the annotation rather than this class.
 * Thread-safe: its state lives in JUnit's extension context.
 */
public final class CitrixSimulatorExtension extends SimulatorExtension {

    /** Called by JUnit. */
    public CitrixSimulatorExtension() {
        super(Vendor.CITRIX);
    }

    @Override
    Options options(Class<?> testClass) {
        CitrixSimulatorTest a = annotation(testClass, CitrixSimulatorTest.class);
        return new Options(a.user(), a.password(), a.tls(), a.lifecycle());
    }
}
