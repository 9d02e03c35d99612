/**
 * The shared core of the device simulators ({@code ha-citrix-sim}, {@code ha-f5-sim}): it holds
 * the plumbing every simulator needs so that each simulator keeps only its device's behaviour.
 */
package io.hakit.sim;
