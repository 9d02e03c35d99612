/**
 * How test tooling starts a simulator without a compile-time dependency on it: each simulator
 * module provides a {@link io.hakit.sim.spi.SimulatorProvider}, found with
 * {@link java.util.ServiceLoader}.
 */
package io.hakit.sim.spi;
