package io.hakit.rest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A device's answer.
 *
 * @param status the HTTP status
 * @param contentType the body's media type, or null
 * @param headers the response headers by lower-case name, in order
 * @param body the body (empty when there is none)
 */
public record RestResponse(int status, String contentType, Map<String, List<String>> headers, byte[] body) {

    /** Checks the values. */
    public RestResponse {
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        body = body == null ? new byte[0] : body;
    }

    /**
     * @param name a header name (any case)
     * @return its values, in order; empty when absent
     */
    public List<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** @return the body as UTF-8 text */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return whether the body is declared JSON */
    public boolean isJson() {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    @Override
    public String toString() {
        return "RestResponse[" + status + ", " + contentType + ", " + body.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RestResponse r && status == r.status && Objects.equals(contentType, r.contentType)
                && headers.equals(r.headers) && java.util.Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, headers, java.util.Arrays.hashCode(body));
    }
}
