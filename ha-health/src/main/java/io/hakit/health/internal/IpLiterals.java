package io.hakit.health.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP literal parsing that never performs a name lookup. */
public final class IpLiterals {
    private static final Pattern V4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpLiterals() {
    }

    /**
     * @param s a string that may be an IPv4 or IPv6 literal
     * @return the address, or empty when {@code s} is not a literal (no lookup is made)
     */
    public static Optional<InetAddress> parse(String s) {
        String t = s.strip();
        if (!V4.matcher(t).matches() && !V6.matcher(t).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t)); // a literal: no lookup
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
