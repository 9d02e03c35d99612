package io.hakit.health;

import io.hakit.model.Member;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a probe goes: a host name (or IP literal) and port, over HTTPS or plain HTTP. The
 * host is what the probe sends as SNI and {@code Host} and checks the certificate against;
 * a {@link HostResolver} decides the address it connects to. Immutable and thread-safe.
 *
 * @param host the host name or IP literal, e.g. {@code app1.hospital.org}
 * @param port the port, 1-65535
 * @param tls whether to speak HTTPS (true) or HTTP
 */
public record ProbeTarget(String host, int port, boolean tls) {

    /**
     * @throws NullPointerException when {@code host} is null
     * @throws IllegalArgumentException when the host is blank or the port is out of range
     */
    public ProbeTarget {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || host.contains("/") || host.contains(" ")) {
            throw new IllegalArgumentException("host '" + host + "' is not a host name or IP address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port (" + port + ") must be 1-65535");
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    /**
     * @param host host name or IP literal
     * @param port port
     * @return an HTTPS target
     */
    public static ProbeTarget https(String host, int port) {
        return new ProbeTarget(host, port, true);
    }

    /**
     * @param host host name or IP literal
     * @param port port
     * @return a plain HTTP target
     */
    public static ProbeTarget http(String host, int port) {
        return new ProbeTarget(host, port, false);
    }

    /**
     * @param member a farm member from the model
     * @return the target for it
     */
    public static ProbeTarget of(Member member) {
        Objects.requireNonNull(member, "member");
        return new ProbeTarget(member.server(), member.port(), member.tls());
    }

    /**
     * @param path the path, starting with {@code /}
     * @return the URL a probe of {@code path} requests, e.g. {@code https://app1.hospital.org:7001/identityserver}
     */
    public String url(String path) {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "https" : "http") + "://" + h + ":" + port + path;
    }

    /** @return {@code host:port} */
    @Override
    public String toString() {
        return host + ":" + port;
    }
}
