package io.hakit.iis;

import java.time.Duration;
import java.util.Objects;

/**
 * A farm's {@code applicationRequestRouting/protocol} element (the farm's "Proxy" page), the
 * attributes hakit reads and writes. Schema defaults at farm level: {@code timeout} 30 s,
 * {@code keepAlive} true, {@code preserveHostHeader} true, {@code reverseRewriteHostInResponseHeaders}
 * false. Immutable.
 *
 * @param timeout the time-out for the forwarded request, 1..86400 s
 * @param keepAlive whether connections to the members are kept alive
 * @param preserveHostHeader whether the client's Host header is passed on
 * @param reverseRewriteHostInResponseHeaders whether host names in response headers are rewritten
 */
public record FarmProtocol(Duration timeout, boolean keepAlive, boolean preserveHostHeader,
        boolean reverseRewriteHostInResponseHeaders) {

    /** Schema default of {@code timeout} at farm level. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The schema's farm-level defaults. */
    public static final FarmProtocol DEFAULT = new FarmProtocol(DEFAULT_TIMEOUT, true, true, false);

    /**
     * @throws NullPointerException when {@code timeout} is null
     * @throws IllegalArgumentException when {@code timeout} is out of range
     */
    public FarmProtocol {
        Objects.requireNonNull(timeout, "timeout");
        Checks.seconds("protocol timeout", timeout, 1, 86_400);
    }

    /**
     * @param timeout the new time-out
     * @return a copy with it
     */
    public FarmProtocol timeout(Duration timeout) {
        return new FarmProtocol(timeout, keepAlive, preserveHostHeader, reverseRewriteHostInResponseHeaders);
    }
}
