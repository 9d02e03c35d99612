package io.hakit.health;

import java.net.InetAddress;
import java.net.UnknownHostException;
import io.hakit.health.internal.IpLiterals;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Maps a host name to the addresses a probe connects to. The probe still sends the host
 * name as TLS SNI and in the {@code Host} header, and verifies the server certificate
 * against it: only the TCP destination changes. This is what lets {@code hakit health}
 * check {@code app1.hospital.org} before DNS knows it, like curl's {@code --resolve}.
 *
 * <p>Implementations must be thread-safe. An empty list means "unknown name"; the probe
 * then reports {@link ProbeOutcome#UNRESOLVED}.
 *
 * <pre>{@code
 * HostResolver r = HostResolver.parse(List.of("app1.hospital.org=127.0.0.2")).orElse(HostResolver.system());
 * }</pre>
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * @param host a host name or IP literal, as it appears in the URL
     * @return the addresses to try, in order; empty when the name is unknown
     */
    List<InetAddress> resolve(String host);

    /**
     * @param fallback asked when this resolver does not know a name
     * @return a resolver that asks this one first, then {@code fallback}
     * @throws NullPointerException when {@code fallback} is null
     */
    default HostResolver orElse(HostResolver fallback) {
        Objects.requireNonNull(fallback, "fallback");
        return host -> {
            List<InetAddress> first = resolve(host);
            return first.isEmpty() ? fallback.resolve(host) : first;
        };
    }

    /**
     * The platform resolver (system DNS, hosts file). IP literals are parsed without a lookup.
     *
     * @return the system resolver
     */
    static HostResolver system() {
        return host -> {
            Objects.requireNonNull(host, "host");
            try {
                return List.of(InetAddress.getAllByName(host));
            } catch (UnknownHostException e) {
                return List.of();
            }
        };
    }

    /**
     * A fixed table of names to addresses that never touches system DNS: names are matched
     * case-insensitively, IP literals resolve to themselves, every other name is unknown.
     *
     * @param table host name to IP literal, e.g. {@code app1.hospital.org -> 127.0.0.2}
     * @return the resolver
     * @throws NullPointerException when {@code table} or an entry is null
     * @throws IllegalArgumentException when a value is not an IP literal
     */
    static HostResolver mapped(Map<String, String> table) {
        Objects.requireNonNull(table, "table");
        Map<String, InetAddress> copy = new LinkedHashMap<>();
        table.forEach((name, address) -> {
            Objects.requireNonNull(name, "host name");
            Objects.requireNonNull(address, "address of " + name);
            copy.put(name.toLowerCase(Locale.ROOT), IpLiterals.parse(address)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "address '" + address + "' for '" + name + "' is not an IP literal")));
        });
        Map<String, InetAddress> frozen = Map.copyOf(copy);
        return host -> {
            Objects.requireNonNull(host, "host");
            InetAddress a = frozen.get(host.toLowerCase(Locale.ROOT));
            if (a != null) {
                return List.of(a);
            }
            return IpLiterals.parse(host).map(List::of).orElse(List.of());
        };
    }

    /**
     * Parses curl-like resolve entries into a {@link #mapped(Map)} resolver. Each entry is
     * {@code HOST=ADDR} or curl's own {@code HOST:PORT:ADDR} (the port is ignored: the
     * mapping applies to every port).
     *
     * @param entries the entries, e.g. {@code ["app1.hospital.org=127.0.0.2"]}
     * @return the resolver
     * @throws IllegalArgumentException naming the entry when it is malformed or its address is not an IP literal
     */
    static HostResolver parse(List<String> entries) {
        Objects.requireNonNull(entries, "entries");
        Map<String, String> table = new LinkedHashMap<>();
        for (String e : entries) {
            Objects.requireNonNull(e, "entry");
            String host;
            String addr;
            int eq = e.indexOf('=');
            if (eq > 0) {
                host = e.substring(0, eq).strip();
                addr = e.substring(eq + 1).strip();
            } else {
                String[] parts = e.split(":", 3);
                if (parts.length != 3 || !parts[1].strip().matches("\\d+|\\*")) {
                    throw new IllegalArgumentException("--resolve '" + e + "': write HOST=ADDR, e.g. app1.hospital.org=10.0.0.11");
                }
                host = parts[0].strip();
                addr = parts[2].strip();
            }
            if (addr.startsWith("[") && addr.endsWith("]")) {
                addr = addr.substring(1, addr.length() - 1);
            }
            if (host.isEmpty() || IpLiterals.parse(addr).isEmpty()) {
                throw new IllegalArgumentException("--resolve '" + e + "': '" + addr
                        + "' is not an IP address; write HOST=ADDR, e.g. app1.hospital.org=10.0.0.11");
            }
            table.put(host, addr);
        }
        return mapped(table);
    }

}
