package io.hakit.f5.sim.internal;

import java.util.Map;

/**
 * One request as the device sees it.
 *
 * @param method the HTTP method
 * @param path the percent-decoded path
 * @param rawPath the path as sent (percent-encoding kept)
 * @param rawQuery the raw query string, or {@code ""}
 * @param query the decoded query parameters
 * @param headers request headers, case-insensitive names, first value each
 * @param body the body bytes
 * @param remote the client address
 */
public record SimRequest(String method, String path, String rawPath, String rawQuery, Map<String, String> query,
        Map<String, String> headers, byte[] body, String remote) {

    /**
     * @param name a header name (any case)
     * @return its first value, or {@code null}
     */
    public String header(String name) {
        return headers.get(name);
    }
}
