/**
 * hakit test support: JUnit 5 extensions that start a device simulator and inject it with a
 * ready adapter ({@link io.hakit.test.CitrixSimulatorTest}, {@link io.hakit.test.F5SimulatorTest}),
 * {@link io.hakit.test.ThrowawayCa}, and the reference topologies as resources
 * ({@link io.hakit.test.ReferenceTopologies}, {@link io.hakit.test.ThrowawayDeployment}), and
 * {@link io.hakit.test.ForeignObjects} to load another application's objects through a device's REST API.
 */
module io.hakit.test {
    requires transitive io.hakit.model;
    requires transitive io.hakit.sim;
    requires transitive org.junit.jupiter.api;
    requires java.net.http;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;

    exports io.hakit.test;

    uses io.hakit.model.spi.AdapterProvider;
    uses io.hakit.sim.spi.SimulatorProvider;
}
