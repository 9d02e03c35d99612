package io.hakit.model;

/** How a load balancer spreads a service's traffic. */
public enum ServiceMode {
    /** Every healthy member takes traffic. */
    BALANCED,
    /** Exactly one member is active; the others stand by (HL7-001). */
    FAILOVER
}
