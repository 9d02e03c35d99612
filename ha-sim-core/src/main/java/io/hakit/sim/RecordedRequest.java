package io.hakit.sim;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One request a simulator received, as it arrived, with secrets replaced by {@link Redaction#MARK}
 * (which headers, path parts and body fields are secret is each simulator's to say).
 *
 * @param method the HTTP method, upper case, e.g. {@code POST}
 * @param path the raw path, percent-encoding kept, e.g. {@code /nitro/v1/config/lbvserver}
 * @param query the raw query string without {@code ?}, {@code ""} when there was none
 * @param headers the request headers, first value of each; names are matched case-insensitively
 * @param body the request body as text, {@code ""} when empty
 * @param status the HTTP status answered, {@code 0} when the connection was closed without an answer
 */
public record RecordedRequest(String method, String path, String query, Map<String, String> headers, String body,
        int status) {

    /**
     * Copies the headers into an unmodifiable case-insensitive map.
     *
     * @param method the HTTP method
     * @param path the raw path
     * @param query the raw query, or {@code null} for none
     * @param headers the redacted headers, or {@code null} for none
     * @param body the redacted body, or {@code null} for none
     * @param status the status answered, or 0
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
