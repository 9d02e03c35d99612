package io.hakit.rest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a device client may show of a request: paths with tokens replaced, secret header values and
 * secret body fields masked. The one place that knows which parts of NITRO and iControl REST traffic
 * are secret; the clients log and put in exceptions only what passes through here, and a simulator's
 * request recorder may use it too.
 */
public final class Redaction {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    /** Header names whose values are secrets (compared ignoring case). */
    public static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-f5-auth-token", "x-nitro-pass", "x-auth-token");

    private static final Pattern TOKEN_IN_PATH = Pattern.compile("(?i)(/authz/tokens/)[^/?#]+");
    private static final Pattern JSON_SECRET = Pattern.compile(
            "(?i)(\"(?:password|passwd|passphrase|token|sessionid|oldpassword|newpassword)\"\\s*:\\s*\")"
                    + "((?:[^\"\\\\]|\\\\.)*)(\")");
    private static final Pattern NITRO_COOKIE = Pattern.compile("(?i)(NITRO_AUTH_TOKEN=)[^;\\s\"]+");
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN ([A-Z ]*)PRIVATE KEY-----.*?(?:-----END \\1PRIVATE KEY-----|\\z)", Pattern.DOTALL);

    private Redaction() {
    }

    /**
     * @param path a request path, perhaps with a query
     * @return the path with any token in it (iControl's {@code /mgmt/shared/authz/tokens/<token>}) masked
     */
    public static String path(String path) {
        return path == null ? null : TOKEN_IN_PATH.matcher(path).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }

    /**
     * @param name a header name
     * @return whether its value is a secret (credentials, a session cookie or token)
     */
    public static boolean isSecretHeader(String name) {
        return name != null && SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * @param name a header name
     * @param value its value
     * @return the value, or {@link #MASK} when the header is a secret
     */
    public static String header(String name, String value) {
        return isSecretHeader(name) ? MASK : value;
    }

    /**
     * Masks secrets in free text such as a request or response body: JSON fields named password, token or
     * sessionid, {@code NITRO_AUTH_TOKEN=} cookies, tokens in paths, and PEM private keys (the whole block).
     *
     * @param text any text, or null
     * @return the text without secrets
     */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = PRIVATE_KEY.matcher(text).replaceAll(Matcher.quoteReplacement("-----" + MASK + " PRIVATE KEY-----"));
        s = JSON_SECRET.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
        s = NITRO_COOKIE.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        return path(s);
    }
}
