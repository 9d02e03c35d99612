/**
 * A stateful BIG-IP iControl REST simulator on loopback, for tests. It depends on the domain and
 * the shared simulator core only, never on the F5 client, so the wire format it speaks is checked
 * independently of the code that sends it.
 */
module io.hakit.f5.sim {
    requires transitive io.hakit.sim;
    requires org.slf4j;

    exports io.hakit.f5.sim;

    provides io.hakit.sim.spi.SimulatorProvider with io.hakit.f5.sim.internal.F5SimulatorProvider;
}
