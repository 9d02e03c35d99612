package io.hakit.f5.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.model.AuthenticationException;
import io.hakit.model.ConflictException;
import io.hakit.model.DeviceException;
import io.hakit.model.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * F5's error bodies as exceptions: TMOS {@code {"code","message":"01020066:3: ...","errorStack","apiError"}},
 * restjavad {@code {"code","message","referer","restOperationId","kind":":resterrorresponse"}} and non-JSON
 * (Jetty HTML) pages. Tokens in messages are masked.
 */
public final class Errors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TMOS_CODE = Pattern.compile("^([0-9a-fA-F]{8}):(\\d+):\\s*");
    private static final Pattern TITLE = Pattern.compile("(?is)<title>(.*?)</title>");
    private static final Pattern TOKEN_IN_URI = Pattern.compile("(?i)(tokens/)[A-Z0-9]{8,}");

    private Errors() {
    }

    /**
     * @param r the answer
     * @param method the request method
     * @param path the request path
     * @param host the device host
     * @return the exception for it: 404 not found, 409 conflict, 401 authentication, else device
     */
    public static DeviceException of(Http.Response r, String method, String path, String host) {
        String cleanPath = mask(stripQuery(path));
        String request = method + " " + cleanPath;
        String code = "";
        String message;
        if (r.isJson() || looksJson(r.body())) {
            JsonNode body;
            try {
                body = JSON.readTree(r.body());
            } catch (java.io.IOException e) {
                body = null;
            }
            if (body != null && body.has("message")) {
                message = body.path("message").asText();
                Matcher m = TMOS_CODE.matcher(message);
                if (m.find()) {
                    code = m.group(1);
                } else if (body.has("apiError")) {
                    code = "apiError " + body.path("apiError").asText();
                }
                List<String> stack = new ArrayList<>();
                body.path("errorStack").forEach(s -> stack.add(s.asText()));
                if (!stack.isEmpty()) {
                    message = message + " [errorStack: " + String.join(" | ", stack) + "]";
                }
            } else {
                message = excerpt(r.text());
            }
        } else {
            Matcher t = TITLE.matcher(r.text());
            String what = t.find() ? t.group(1).strip() : excerpt(r.text());
            message = "non-JSON answer from " + host + " (" + (r.contentType() == null ? "no content type"
                    : r.contentType()) + "): " + what;
        }
        message = mask(message);
        String resource = resourceOf(cleanPath);
        switch (r.status()) {
            case 404:
                return new NotFoundException(404, code, message, resource, request);
            case 409:
                return new ConflictException(409, code, message, resource, request);
            case 401:
                return new AuthenticationException(401, code, message, resource, request);
            default:
                return new DeviceException(r.status(), code, message, resource, request);
        }
    }

    /**
     * @param r an answer
     * @return whether it is worth retrying: 503, or F5's busy / mcpd-lost messages
     */
    public static boolean retryable(Http.Response r) {
        if (r.status() == 503) {
            return true;
        }
        String text = r.text().toLowerCase(Locale.ROOT);
        return text.contains("there is an active asynchronous task executing")
                || text.contains("the connection to mcpd has been lost")
                || text.contains("configuration utility restarting");
    }

    /**
     * @param r a 401 answer
     * @return whether the token was rejected (expired, unknown, missing) rather than the user
     */
    public static boolean tokenRejected(Http.Response r) {
        String text = r.text().toLowerCase(Locale.ROOT);
        return text.contains("token") || text.contains("authorization failed") || text.contains("authentication");
    }

    /**
     * @param text any text
     * @return its first 200 characters on one line
     */
    public static String excerpt(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }

    /**
     * @param text a message or path
     * @return it with any token masked
     */
    public static String mask(String text) {
        return TOKEN_IN_URI.matcher(text).replaceAll("$1****");
    }

    private static boolean looksJson(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    private static String stripQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static String resourceOf(String path) {
        int tilde = path.indexOf("/~");
        if (tilde < 0) {
            return path;
        }
        String item = path.substring(tilde + 1);
        int slash = item.indexOf('/');
        String full = (slash < 0 ? item : item.substring(0, slash)).replace('~', '/').replace("%25", "%");
        return full;
    }
}
