package io.hakit.f5.sim.internal;

import java.util.regex.Pattern;

/** Name, path and address rules of iControl REST URLs and values. */
public final class Names {
    /** Host part of every {@code selfLink}, as a BIG-IP writes it. */
    public static final String SELF = "https://localhost/mgmt/tm/";
    /** The TMOS version the simulator reports. */
    public static final String VERSION = "17.1.2.1";

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private Names() {
    }

    /**
     * @param fullPath e.g. {@code /Common/10.0.0.1%2}
     * @return the URL form, e.g. {@code ~Common~10.0.0.1%252}
     */
    public static String tilde(String fullPath) {
        return fullPath.replace("%", "%25").replace('/', '~');
    }

    /**
     * @param id an item id from a URL, already percent-decoded: {@code ~Common~name} or a bare name
     * @return the full path, e.g. {@code /Common/name}
     */
    public static String fullPath(String id) {
        if (id.startsWith("~")) {
            return id.replace('~', '/');
        }
        return "/Common/" + id;
    }

    /**
     * @param ref a reference value: {@code /Common/x} or {@code x}
     * @param partition the partition to use for a bare name
     * @return the full path
     */
    public static String qualify(String ref, String partition) {
        String r = ref.trim();
        return r.startsWith("/") ? r : "/" + partition + "/" + r;
    }

    /**
     * @param fullPath {@code /P/name}
     * @return {@code P}
     */
    public static String partitionOf(String fullPath) {
        int i = fullPath.indexOf('/', 1);
        return i < 0 ? "Common" : fullPath.substring(1, i);
    }

    /**
     * @param fullPath {@code /P/name}
     * @return {@code name}
     */
    public static String nameOf(String fullPath) {
        return fullPath.substring(fullPath.lastIndexOf('/') + 1);
    }

    /**
     * @param s text
     * @return whether it is an IPv4 or IPv6 literal, optionally with a {@code %N} route domain
     */
    public static boolean isAddress(String s) {
        String a = s;
        int pct = a.indexOf('%');
        if (pct >= 0) {
            String rd = a.substring(pct + 1);
            if (rd.isEmpty() || !rd.chars().allMatch(Character::isDigit)) {
                return false;
            }
            a = a.substring(0, pct);
        }
        java.util.regex.Matcher m = IPV4.matcher(a);
        if (m.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(m.group(i)) > 255) {
                    return false;
                }
            }
            return true;
        }
        return a.contains(":") && IPV6.matcher(a).matches() && a.chars().filter(c -> c == ':').count() >= 2;
    }

    /**
     * Splits {@code address:port} (IPv4, {@code %} route domains) or {@code address.port} (IPv6).
     *
     * @param s the value
     * @return {address, port}, or {@code null} when it is not that form
     */
    public static String[] splitAddressPort(String s) {
        int colons = (int) s.chars().filter(c -> c == ':').count();
        int cut = colons > 1 ? s.lastIndexOf('.') : s.lastIndexOf(':');
        if (cut <= 0 || cut == s.length() - 1) {
            return null;
        }
        String host = s.substring(0, cut);
        String port = s.substring(cut + 1);
        if (port.equals("any")) {
            port = "0";
        }
        if (!port.chars().allMatch(Character::isDigit) || port.length() > 5 || Integer.parseInt(port) > 65535) {
            return null;
        }
        return new String[] {host, port};
    }

    /**
     * Percent-decodes a URL path (a {@code +} stays a plus).
     *
     * @param raw the raw path
     * @return the decoded path
     */
    public static String decodePath(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()
                    && Character.digit(raw.charAt(i + 1), 16) >= 0 && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
