package io.hakit.f5.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.model.TransportException;
import io.hakit.rest.RestRequest;
import io.hakit.rest.RestTransport;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The iControl REST view of the shared transport (ha-rest's {@link RestTransport}): sets the
 * authentication header, the transaction's {@code X-F5-REST-Coordination-Id} and an upload's
 * {@code Content-Range}. TLS, time-outs, the failure mapping and keeping secrets out of logs are the
 * transport's. Thread-safe.
 */
public final class Http implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestTransport transport;

    /**
     * @param transport the device's transport (owned: closed with this)
     */
    public Http(RestTransport transport) {
        this.transport = transport;
    }

    /** What the device answered. */
    public record Response(int status, String contentType, byte[] body) {

        /** @return whether the body is JSON */
        public boolean isJson() {
            return contentType != null && contentType.toLowerCase().contains("json");
        }

        /** @return the body as text */
        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        /**
         * @param method the request method (for messages)
         * @param path the request path (for messages)
         * @return the body as JSON, an empty object when there is none
         * @throws TransportException when the body is not JSON
         */
        public JsonNode json(String method, String path) {
            if (body.length == 0) {
                return JSON.createObjectNode();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new TransportException(method + " " + path + " answered HTTP " + status + " with a body that "
                        + "is not JSON (" + (contentType == null ? "no content type" : contentType) + "): "
                        + Errors.excerpt(text()));
            }
        }
    }

    /**
     * Sends one request; never retries.
     *
     * @param method the method
     * @param path the path with query (a token in it is never logged)
     * @param body the body, or null
     * @param authHeader the authentication header name, or null
     * @param authValue its value, or null
     * @param coordinationId the transaction id, or null
     * @param contentRange the {@code Content-Range} of an upload (octet-stream), or null for JSON
     * @return the answer
     * @throws TransportException naming the host and the time-out that fired
     */
    public Response execute(String method, String path, byte[] body, String authHeader, String authValue,
            String coordinationId, String contentRange) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (authHeader != null && authValue != null) {
            headers.put(authHeader, authValue);
        }
        if (coordinationId != null) {
            headers.put("X-F5-REST-Coordination-Id", coordinationId);
        }
        String type = RestRequest.JSON;
        if (body != null && contentRange != null) {
            headers.put("Content-Range", contentRange);
            type = "application/octet-stream";
        }
        var r = transport.execute(new RestRequest(method, path, headers, body, type));
        return new Response(r.status(), r.contentType(), r.body());
    }

    @Override
    public void close() {
        transport.close();
    }
}
