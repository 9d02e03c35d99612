package io.hakit.model;

/**
 * One published port of a farm: the port the load balancer listens on, the port the
 * application servers answer on, and whether it speaks TLS.
 *
 * @param lbPort the load balancer's port
 * @param serverPort the application servers' port
 * @param tls whether the port speaks TLS (HTTPS), as opposed to HTTP or MLLP
 */
public record PortMapping(int lbPort, int serverPort, boolean tls) {
}
