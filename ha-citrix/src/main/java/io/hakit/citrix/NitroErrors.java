package io.hakit.citrix;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.model.AuthenticationException;
import io.hakit.model.ConflictException;
import io.hakit.model.DeviceException;
import io.hakit.model.NotFoundException;

/** Reads NITRO error bodies ({@code errorcode}, {@code message}, {@code severity}) into typed exceptions. */
final class NitroErrors {

    private NitroErrors() {
    }

    /**
     * @param r the answer
     * @return whether it is an error: a status of 300 or more, or an errorcode other than 0 that is not a warning
     */
    static boolean failed(NitroSession.NitroResponse r) {
        return r.status() >= 300 || (r.body() != null && r.body().path("errorcode").asInt(0) != 0
                && !"WARNING".equalsIgnoreCase(r.body().path("severity").asText()));
    }

    /**
     * @param r the failed answer
     * @param resource the resource, for the exception
     * @param request method and path, for the exception
     * @return the typed exception
     */
    static DeviceException of(NitroSession.NitroResponse r, String resource, String request) {
        int code = r.errorcode();
        String message = r.body() == null ? "" : r.body().path("message").asText("");
        String severity = r.body() == null ? "" : r.body().path("severity").asText("");
        String vendorCode = code == 0 ? "" : String.valueOf(code);
        String msg = severity.isEmpty() || severity.equalsIgnoreCase("ERROR") ? message
                : message + " (severity " + severity + ")";
        int status = r.status();
        if (status == 401 || status == 403 || code == 354 || code == 355 || code == 1025 || code == 1026
                || code == 352 || code == 1244 || NitroError.SESSION_EXPIRED.contains(code)) {
            return new AuthenticationException(status, vendorCode, msg, resource, request);
        }
        if (NitroError.NOT_FOUND.contains(code) || (code == 0 && status == 404)) {
            return new NotFoundException(status, vendorCode, msg, resource, request);
        }
        if (NitroError.EXISTS.contains(code) || (code == 0 && status == 409)) {
            return new ConflictException(status, vendorCode, msg, resource, request);
        }
        return new DeviceException(status, vendorCode, msg, resource, request);
    }

    /**
     * @param n one item of a bulk answer, or the answer itself
     * @return its error (errorcode 0 for success)
     */
    static NitroError errorOf(JsonNode n) {
        return new NitroError(n.path("errorcode").asInt(0), n.path("message").asText(""),
                n.path("severity").asText(n.path("errorcode").asInt(0) == 0 ? "NONE" : "ERROR"));
    }

    /**
     * @param e a device error
     * @return whether it says another save or operation is running (293, 1461)
     */
    static boolean busy(RuntimeException e) {
        return e instanceof DeviceException d
                && NitroError.BUSY.stream().anyMatch(c -> String.valueOf(c).equals(d.vendorCode()));
    }

    static String stripQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }
}
