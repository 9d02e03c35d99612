/**
 * A stateful NITRO simulator of a Citrix ADC on loopback, for tests. It depends on the domain and
 * the shared simulator core only, never on the Citrix client, so the wire format it speaks is
 * checked independently of the code that sends it.
 */
module io.hakit.citrix.sim {
    requires transitive io.hakit.sim;
    requires org.slf4j;

    exports io.hakit.citrix.sim;

    provides io.hakit.sim.spi.SimulatorProvider with io.hakit.citrix.sim.internal.CitrixSimulatorProvider;
}
