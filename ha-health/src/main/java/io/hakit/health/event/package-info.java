/**
 * Typed events a {@link io.hakit.health.HealthMonitor} publishes: every probe, every member
 * state change and every farm health change.
 */
package io.hakit.health.event;
