/**
 * What the hakit device simulators share: a loopback HTTP(S) server, the recorded request with
 * secrets redacted, the simulator's exception, numbered fault schedules, a clock a test moves,
 * and the SPI through which {@code ha-test} starts a simulator.
 */
module io.hakit.sim {
    requires transitive io.hakit.model;
    requires transitive jdk.httpserver;
    requires transitive com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.hakit.sim;
    exports io.hakit.sim.spi;
}
