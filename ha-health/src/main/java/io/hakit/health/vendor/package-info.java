/**
 * Mappings from a vendor-neutral {@link io.hakit.model.HealthTest} to each load balancer's
 * monitor (ARR healthCheck, Citrix lbmonitor, F5 https monitor), each reporting what the
 * vendor cannot carry.
 */
package io.hakit.health.vendor;
