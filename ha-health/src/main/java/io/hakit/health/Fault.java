package io.hakit.health;

/** Which layer a verification blames for a farm's trouble (GUIDE-RULES, troubleshooting flow). */
public enum Fault {
    /** Everything checked passes. */
    NONE,
    /** One or more application servers fail when checked directly. */
    APPLICATION_SERVER,
    /** The servers pass directly but the check through the load balancer fails: its configuration is at fault. */
    LOAD_BALANCER,
    /** The check through the load balancer fails and the servers were not checked directly. */
    UNDETERMINED
}
