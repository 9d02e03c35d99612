package io.hakit.health;

import io.hakit.health.internal.IpLiterals;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Sends the connections for one published host and port to another address and port, like curl's
 * {@code --connect-to HOST:PORT:ADDR:PORT}. Only the TCP destination changes: the probe still sends
 * {@code host} as TLS SNI and in the {@code Host} header (with the published {@code port}), and
 * verifies the server certificate against {@code host}. This lets a health check reach a service
 * published on port 443 through a stand-in, a tunnel or a port forward listening elsewhere, e.g. on
 * an unprivileged port.
 *
 * <p>Immutable and thread-safe. Host names match case-insensitively.
 *
 * <pre>{@code
 * HealthProber.builder().connectTo(ConnectTo.parse("patientsecure.hospital.org:443:127.0.0.1:8443"))
 * }</pre>
 *
 * @param host the published host name (or IP literal) as it appears in the probed URL
 * @param port the published port, 1 to 65535
 * @param address the IP address to connect to instead
 * @param addressPort the port to connect to instead, 1 to 65535
 */
public record ConnectTo(String host, int port, InetAddress address, int addressPort) {

    /**
     * @throws NullPointerException when {@code host} or {@code address} is null
     * @throws IllegalArgumentException when {@code host} is blank or a port is outside 1 to 65535
     */
    public ConnectTo {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(address, "address");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        host = host.strip().toLowerCase(Locale.ROOT);
        checkPort("port", port);
        checkPort("addressPort", addressPort);
    }

    /**
     * @param host the published host name
     * @param port the published port
     * @param to the socket address to connect to instead (must carry an address, not an unresolved name)
     * @return the mapping
     * @throws IllegalArgumentException when {@code to} is unresolved or a port is out of range
     */
    public static ConnectTo of(String host, int port, InetSocketAddress to) {
        Objects.requireNonNull(to, "to");
        if (to.isUnresolved()) {
            throw new IllegalArgumentException("connect-to address " + to + " is unresolved; give an IP address");
        }
        return new ConnectTo(host, port, to.getAddress(), to.getPort());
    }

    /**
     * Parses curl's syntax {@code HOST:PORT:ADDR:PORT}; an IPv6 {@code ADDR} is written in brackets,
     * e.g. {@code app1.hospital.org:443:[::1]:8443}. {@code ADDR} must be an IP address (no DNS lookup
     * is made).
     *
     * @param entry the entry
     * @return the mapping
     * @throws IllegalArgumentException naming the entry and the expected form when it is malformed
     */
    public static ConnectTo parse(String entry) {
        Objects.requireNonNull(entry, "entry");
        String e = entry.strip();
        int first = e.indexOf(':');
        int second = first < 0 ? -1 : e.indexOf(':', first + 1);
        int last = e.lastIndexOf(':');
        if (first <= 0 || second < 0 || last <= second) {
            throw malformed(entry, "write HOST:PORT:ADDR:PORT");
        }
        String host = e.substring(0, first);
        String port = e.substring(first + 1, second);
        String addr = e.substring(second + 1, last);
        String addrPort = e.substring(last + 1);
        if (addr.startsWith("[") && addr.endsWith("]")) {
            addr = addr.substring(1, addr.length() - 1);
        }
        InetAddress address = IpLiterals.parse(addr)
                .orElseThrow(() -> malformed(entry, "ADDR must be an IP address"));
        return new ConnectTo(host, parsePort(entry, port), address, parsePort(entry, addrPort));
    }

    /**
     * Parses every entry with {@link #parse(String)}.
     *
     * @param entries the entries
     * @return the mappings, in order
     * @throws IllegalArgumentException naming the first malformed entry
     */
    public static List<ConnectTo> parse(List<String> entries) {
        Objects.requireNonNull(entries, "entries");
        List<ConnectTo> out = new ArrayList<>();
        entries.forEach(s -> out.add(parse(s)));
        return List.copyOf(out);
    }

    /**
     * @param host a probed host name
     * @param port a probed port
     * @return whether this mapping applies to that host and port
     */
    public boolean matches(String host, int port) {
        return this.port == port && this.host.equalsIgnoreCase(host);
    }

    /** @return the socket address connections go to */
    public InetSocketAddress destination() {
        return new InetSocketAddress(address, addressPort);
    }

    /** @return curl's form, {@code HOST:PORT:ADDR:PORT} */
    @Override
    public String toString() {
        String a = address.getHostAddress();
        return host + ":" + port + ":" + (a.indexOf(':') >= 0 ? "[" + a + "]" : a) + ":" + addressPort;
    }

    private static int parsePort(String entry, String text) {
        try {
            int p = Integer.parseInt(text.strip());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw malformed(entry, "'" + text + "' is not a port from 1 to 65535");
    }

    private static void checkPort(String name, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " (" + port + ") must be from 1 to 65535");
        }
    }

    private static IllegalArgumentException malformed(String entry, String why) {
        return new IllegalArgumentException("--connect-to '" + entry + "': " + why
                + ", e.g. patientsecure.hospital.org:443:127.0.0.1:8443");
    }
}
