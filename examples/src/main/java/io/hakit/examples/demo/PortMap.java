package io.hakit.examples.demo;

import io.hakit.health.ConnectTo;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the demo's stand-ins really listen: each published host and port (what the topology
 * says, e.g. {@code app1.hospital.org:443}) mapped to the loopback address and ephemeral port a
 * stand-in bound, so that the demo needs no privileged port. The demo's connections use it the way
 * curl's {@code --connect-to} does: health probes through {@link ConnectTo}, the load balancer
 * stand-in to reach its members. Thread-safe.
 */
final class PortMap {

    private final Map<String, InetSocketAddress> bound = new ConcurrentHashMap<>();

    /**
     * @param host the published host name
     * @param port the published port
     * @param where where a stand-in listens for it
     */
    void put(String host, int port, InetSocketAddress where) {
        bound.put(key(host, port), where);
    }

    /**
     * @param host a published host name
     * @param port a published port
     * @return where its stand-in listens, if one does
     */
    Optional<InetSocketAddress> get(String host, int port) {
        return Optional.ofNullable(bound.get(key(host, port)));
    }

    /** @return every mapping, as connect-to entries for a health prober */
    List<ConnectTo> connectTo() {
        List<ConnectTo> out = new ArrayList<>();
        bound.forEach((k, v) -> {
            int colon = k.lastIndexOf(':');
            out.add(ConnectTo.of(k.substring(0, colon), Integer.parseInt(k.substring(colon + 1)), v));
        });
        return out;
    }

    /** @return every port a stand-in listens on */
    List<Integer> listeningPorts() {
        return bound.values().stream().map(InetSocketAddress::getPort).toList();
    }

    private static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }
}
