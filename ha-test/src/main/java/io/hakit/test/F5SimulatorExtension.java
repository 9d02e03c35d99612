package io.hakit.test;

import io.hakit.model.Vendor;

/**
 * The extension behind {@link F5SimulatorTest}; use the annotation rather than this class.
 * Thread-safe: its state lives in JUnit's extension context.
 */
public final class F5SimulatorExtension extends SimulatorExtension {

    /** Called by JUnit. */
    public F5SimulatorExtension() {
        super(Vendor.F5);
    }

    @Override
    Options options(Class<?> testClass) {
        F5SimulatorTest a = annotation(testClass, F5SimulatorTest.class);
        return new Options(a.user(), a.password(), a.tls(), a.lifecycle());
    }
}
