/**
 * A stateful NITRO simulator of a Citrix ADC for tests: {@link io.hakit.citrix.sim.CitrixSimulator}
 * and its {@link io.hakit.citrix.sim.CitrixFaults}; requests are logged as {@link io.hakit.sim.RecordedRequest}s.
 */
package io.hakit.citrix.sim;
