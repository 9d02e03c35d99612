package io.hakit.model;

/**
 * One application server at one port of a farm.
 *
 * @param server the server's FQDN
 * @param port the port the service answers on
 * @param tls whether the port speaks TLS
 */
public record Member(String server, int port, boolean tls) {

    /** @return {@code server:port} */
    @Override
    public String toString() {
        return server + ":" + port;
    }
}
