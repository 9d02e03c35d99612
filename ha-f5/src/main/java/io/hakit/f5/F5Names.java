package io.hakit.f5;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * F5's naming rules in one place: full paths ({@code /Common/name}), item URLs ({@code ~Common~name}, with
 * {@code %} written {@code %25} for route domains), and virtual-server destinations ({@code 10.0.0.1:443},
 * {@code 10.0.0.1%2:443}, IPv6 {@code 2001:db8::1.443}). Stateless.
 */
public final class F5Names {

    /** The partition hakit uses unless told otherwise. */
    public static final String COMMON = "Common";

    private F5Names() {
    }

    /**
     * @param partition the partition, e.g. {@code Common}
     * @param name the object's name
     * @return the full path, e.g. {@code /Common/ps-web-7002}
     */
    public static String fullPath(String partition, String name) {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(name, "name");
        return "/" + partition + "/" + name;
    }

    /**
     * A reference as BIG-IP returns it: a bare name gets the {@code /Common/} prefix; full paths stay.
     *
     * @param reference a name or full path
     * @return the full path
     */
    public static String qualify(String reference) {
        Objects.requireNonNull(reference, "reference");
        return reference.startsWith("/") ? reference : "/" + COMMON + "/" + reference;
    }

    /**
     * @param collection the collection path, e.g. {@code /mgmt/tm/ltm/pool}
     * @param partition the partition
     * @param name the object's name (may hold {@code %}, {@code :} or {@code /} for sub-folders)
     * @return the item URL path, e.g. {@code /mgmt/tm/ltm/pool/~Common~ps-web-7002}
     */
    public static String itemPath(String collection, String partition, String name) {
        Objects.requireNonNull(collection, "collection");
        return collection + "/~" + encodeSegment(partition) + "~" + encodeSegment(name).replace("%2F", "~");
    }

    /**
     * Percent-encodes a path segment as BIG-IP expects: {@code %} becomes {@code %25}, spaces and other
     * reserved characters are escaped, {@code :} and {@code .} stay.
     *
     * @param segment the raw segment
     * @return the encoded segment
     */
    public static String encodeSegment(String segment) {
        Objects.requireNonNull(segment, "segment");
        StringBuilder b = new StringBuilder(segment.length() + 8);
        for (byte c : segment.getBytes(StandardCharsets.UTF_8)) {
            int ch = c & 0xff;
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-'
                    || ch == '_' || ch == '.' || ch == ':' || ch == '~' || ch == '@' || ch == '!' || ch == '$'
                    || ch == '\'' || ch == '(' || ch == ')' || ch == '*' || ch == '+' || ch == ',' || ch == ';'
                    || ch == '=') {
                b.append((char) ch);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(ch >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(ch & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /**
     * A virtual server's or pool member's {@code address:port}: IPv6 addresses use {@code .} before the port,
     * route domains stay ({@code 10.0.0.1%2:443}).
     *
     * @param address an IPv4 / IPv6 address (optionally with {@code %rd}) or a node name
     * @param port the port, 0 to 65535
     * @return e.g. {@code 10.20.0.50:443} or {@code 2001:db8::1.443}
     */
    public static String addressPort(String address, int port) {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        String bare = address.contains("%") ? address.substring(0, address.indexOf('%')) : address;
        return address + (bare.contains(":") ? "." : ":") + port;
    }

    /**
     * @param partition the partition
     * @param address the virtual address
     * @param port the port
     * @return a virtual server's destination, e.g. {@code /Common/10.20.0.50:443}
     */
    public static String destination(String partition, String address, int port) {
        return "/" + partition + "/" + addressPort(address, port);
    }

    /**
     * @param destination a destination as BIG-IP returns it, e.g. {@code /Common/10.1.1.1%2:443}
     * @return its port, or -1 when it has none
     */
    public static int portOf(String destination) {
        Objects.requireNonNull(destination, "destination");
        String d = destination.substring(destination.lastIndexOf('/') + 1);
        int sep = Math.max(d.lastIndexOf(':'), d.lastIndexOf('.'));
        if (d.indexOf(':') == d.lastIndexOf(':') && d.contains(":")) {
            sep = d.lastIndexOf(':');
        } else if (d.chars().filter(ch -> ch == ':').count() > 1) {
            sep = d.lastIndexOf('.');
        }
        if (sep < 0) {
            return -1;
        }
        try {
            return Integer.parseInt(d.substring(sep + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * @param destination a destination as BIG-IP returns it
     * @return its address part without partition or port, e.g. {@code 10.1.1.1%2}
     */
    public static String addressOf(String destination) {
        Objects.requireNonNull(destination, "destination");
        String d = destination.substring(destination.lastIndexOf('/') + 1);
        int port = portOf(destination);
        if (port < 0) {
            return d;
        }
        return d.substring(0, d.length() - String.valueOf(port).length() - 1);
    }
}
