package io.hakit.hl7;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an MLLP receiver listens: a host name (used for TLS host-name verification and in
 * messages) and a port, optionally pinned to an address (like curl's {@code --resolve}).
 *
 * <p>Immutable and thread-safe. Equality is by host, port and pinned address.
 */
public final class MllpEndpoint {

    private final String host;
    private final int port;
    private final InetAddress address;

    private MllpEndpoint(String host, int port, InetAddress address) {
        this.host = host;
        this.port = port;
        this.address = address;
    }

    /**
     * An endpoint by host name (or literal address) and port.
     *
     * @param host the host name or literal address
     * @param port the TCP port, 1 to 65535
     * @return the endpoint
     * @throws NullPointerException if {@code host} is null
     * @throws IllegalArgumentException if {@code host} is blank or {@code port} is out of range
     */
    public static MllpEndpoint of(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        return new MllpEndpoint(host.strip(), port, null);
    }

    /**
     * Parses {@code HOST:PORT} (an IPv6 literal in brackets: {@code [::1]:2244}).
     *
     * @param text the endpoint text
     * @return the endpoint
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if it is not {@code HOST:PORT} with a valid port
     */
    public static MllpEndpoint parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("endpoint must be HOST:PORT, was '" + text + "'");
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("endpoint port must be a number, was '" + text + "'", e);
        }
        return of(host, port);
    }

    /**
     * This endpoint, connecting to {@code address} instead of resolving the host name.
     * The host name is still used for TLS verification.
     *
     * @param address the address to connect to
     * @return a new endpoint
     * @throws NullPointerException if {@code address} is null
     */
    public MllpEndpoint withAddress(InetAddress address) {
        return new MllpEndpoint(host, port, Objects.requireNonNull(address, "address"));
    }

    /**
     * The host name.
     *
     * @return the host name or literal address
     */
    public String host() {
        return host;
    }

    /**
     * The TCP port.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The pinned address, if any.
     *
     * @return the address to connect to instead of resolving the host, or empty
     */
    public Optional<InetAddress> address() {
        return Optional.ofNullable(address);
    }

    /**
     * The socket address to connect to; resolves the host name unless an address is pinned.
     *
     * @return the socket address (possibly unresolved when the name cannot be resolved)
     */
    public InetSocketAddress socketAddress() {
        return address != null ? new InetSocketAddress(address, port) : new InetSocketAddress(host, port);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MllpEndpoint && ((MllpEndpoint) o).host.equals(host)
                && ((MllpEndpoint) o).port == port && Objects.equals(((MllpEndpoint) o).address, address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, address);
    }

    /**
     * {@code host:port}, followed by the pinned address in parentheses when there is one.
     *
     * @return the endpoint as text
     */
    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return address == null ? h + ":" + port : h + ":" + port + " (" + address.getHostAddress() + ")";
    }
}
