package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An answer the simulated BIG-IP gives instead of doing what was asked: the HTTP status and
 * the JSON error body in one of the two shapes a BIG-IP uses (TMOS or restjavad).
 */
public final class SimulatedF5Error extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ObjectNode body;

    private SimulatedF5Error(int status, String message, ObjectNode body) {
        super(message, null, false, false);
        this.status = status;
        this.body = body;
    }

    /**
     * A TMOS error body: {@code {"code":N,"message":"...","errorStack":[],"apiError":N}}.
     *
     * @param status the HTTP status
     * @param message the TMOS message, e.g. {@code 01020036:3: ...}
     * @param apiError the {@code apiError} number
     * @return the error
     */
    public static SimulatedF5Error tmos(int status, String message, int apiError) {
        ObjectNode b = F5SimJson.object();
        b.put("code", status);
        b.put("message", message);
        b.putArray("errorStack");
        b.put("apiError", apiError);
        return new SimulatedF5Error(status, message, b);
    }

    /**
     * A restjavad error body: {@code {"code":N,"message":"...","referer":..,"restOperationId":..,"kind":":resterrorresponse"}}.
     *
     * @param status the HTTP status
     * @param message the message
     * @param referer the client address
     * @param operationId the REST operation id
     * @return the error
     */
    public static SimulatedF5Error rest(int status, String message, String referer, long operationId) {
        ObjectNode b = F5SimJson.object();
        b.put("code", status);
        b.put("message", message);
        b.put("referer", referer);
        b.put("restOperationId", operationId);
        b.put("kind", ":resterrorresponse");
        return new SimulatedF5Error(status, message, b);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return a copy of the JSON body */
    public ObjectNode body() {
        return body.deepCopy();
    }

    /** @return the vendor code (the part before the first {@code :} when it is an mcpd id), or {@code ""} */
    public String vendorCode() {
        String m = getMessage();
        int colon = m.indexOf(':');
        if (colon == 8 && m.substring(0, 8).chars().allMatch(Character::isLetterOrDigit)) {
            return m.substring(0, 8);
        }
        return "";
    }
}
