package io.hakit.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request to a device's management API.
 *
 * @param method the HTTP method
 * @param path the path from the root, with its query, e.g. {@code /nitro/v1/config/lbvserver?count=yes}; may
 *     hold a token (it is never logged: see {@link Redaction#path(String)})
 * @param headers request headers (secret ones are never logged)
 * @param body the body, or null
 * @param contentType the body's media type, e.g. {@code application/json}; ignored without a body
 */
public record RestRequest(String method, String path, Map<String, String> headers, byte[] body, String contentType) {

    /** JSON, the media type of NITRO and iControl REST bodies. */
    public static final String JSON = "application/json";

    /** Checks the values; the header map is copied, its order kept. */
    public RestRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + Redaction.path(path));
        }
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
        contentType = contentType == null ? JSON : contentType;
    }

    /**
     * @param method the HTTP method
     * @param path the path with query
     * @return a request without headers or body
     */
    public static RestRequest of(String method, String path) {
        return new RestRequest(method, path, Map.of(), null, JSON);
    }

    /**
     * @param name a header name
     * @param value its value
     * @return a copy with the header set
     */
    public RestRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new RestRequest(method, path, h, body, contentType);
    }

    /**
     * @param content the body
     * @param type its media type
     * @return a copy with the body set
     */
    public RestRequest withBody(byte[] content, String type) {
        return new RestRequest(method, path, headers, content, type);
    }

    /** @return method and path as they may be shown: {@code DELETE /mgmt/shared/authz/tokens/***} */
    public String describe() {
        return method + " " + Redaction.path(path);
    }

    @Override
    public String toString() {
        return "RestRequest[" + describe() + (body == null ? "" : ", " + body.length + " bytes") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RestRequest r && method.equals(r.method) && path.equals(r.path) && headers.equals(r.headers)
                && java.util.Arrays.equals(body, r.body) && contentType.equals(r.contentType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, headers, java.util.Arrays.hashCode(body), contentType);
    }
}
