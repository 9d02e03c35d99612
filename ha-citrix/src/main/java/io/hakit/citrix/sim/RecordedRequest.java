package io.hakit.citrix.sim;

import java.util.Map;
import java.util.Objects;

/**
 * One request the simulator received, with secrets removed.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the raw path, e.g. {@code /nitro/v1/config/lbvserver}
 * @param query the raw query string without {@code ?}, or {@code ""}
 * @param headers the request headers, names in lower case, first value of each; {@code x-nitro-pass},
 *        {@code authorization} and the values of {@code cookie} / {@code set-cookie} are redacted to {@code ***}
 * @param body the request body as text; in JSON bodies every password, passphrase, key or file
 *        content field is redacted to {@code ***}
 * @param status the HTTP status answered, or 0 when the connection was closed without an answer
 */
public record RecordedRequest(String method, String path, String query, Map<String, String> headers, String body,
        int status) {
    /**
     * Copies the headers.
     *
     * @param method the HTTP method
     * @param path the raw path
     * @param query the raw query, or {@code ""}
     * @param headers the redacted headers
     * @param body the redacted body
     * @param status the status answered, or 0
     */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? "" : query;
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }
}
