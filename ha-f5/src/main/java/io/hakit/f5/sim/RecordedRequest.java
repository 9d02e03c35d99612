package io.hakit.f5.sim;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One request the {@link F5Simulator} received, as it arrived, with secrets redacted: the
 * {@code X-F5-Auth-Token} and {@code Authorization} header values, a token inside a
 * {@code /mgmt/shared/authz/tokens/} path, every {@code password} / {@code passphrase} in a
 * JSON body, and uploaded file contents are replaced by {@code <redacted>} or a byte count.
 *
 * @param method the HTTP method, upper case
 * @param path the path as sent, percent-encoding kept, e.g. {@code /mgmt/tm/ltm/node/~Common~10.0.0.1%252}
 * @param query the raw query string, {@code ""} when there was none
 * @param headers the request headers (names case-insensitive, first value of each)
 * @param body the request body as text, {@code ""} when empty
 * @param status the HTTP status answered, {@code 0} when the connection was reset without an answer
 */
public record RecordedRequest(String method, String path, String query, Map<String, String> headers, String body,
        int status) {

    /**
     * Copies the headers into an unmodifiable case-insensitive map.
     *
     * @param method the HTTP method
     * @param path the path as sent
     * @param query the raw query string
     * @param headers the headers
     * @param body the body text
     * @param status the status answered
     */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Objects.requireNonNullElse(query, "");
        body = Objects.requireNonNullElse(body, "");
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            h.putAll(headers);
        }
        headers = Collections.unmodifiableMap(h);
    }

    /**
     * @param name a header name, any case
     * @return its value, or {@code null}
     */
    public String header(String name) {
        return headers.get(name);
    }
}
