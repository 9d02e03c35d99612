/**
 * A stateful NITRO simulator of a Citrix ADC for tests: {@link io.hakit.citrix.sim.CitrixSimulator},
 * its {@link io.hakit.citrix.sim.Faults} and {@link io.hakit.citrix.sim.RecordedRequest} log.
 */
package io.hakit.citrix.sim;
