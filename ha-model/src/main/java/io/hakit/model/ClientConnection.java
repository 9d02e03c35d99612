package io.hakit.model;

/**
 * What clients connect with (URL-002): the Web Services URL's FQDN and port.
 *
 * @param fqdn the load balancer's FQDN
 * @param port the Web Services load-balancer port
 */
public record ClientConnection(String fqdn, int port) {

    /** @return {@code fqdn:port} */
    @Override
    public String toString() {
        return fqdn + ":" + port;
    }
}
