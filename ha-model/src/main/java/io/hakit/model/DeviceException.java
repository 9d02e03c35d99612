package io.hakit.model;

import java.util.Objects;

/**
 * The device answered, and said no. Carries the HTTP status, the vendor's own error code,
 * the vendor's message, and the resource and request that failed (never a secret).
 */
public class DeviceException extends HakitException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String vendorCode;
    private final String vendorMessage;
    private final String resource;
    private final String request;

    /**
     * @param status the HTTP status the device answered with
     * @param vendorCode the vendor's error code ({@code ""} when it gave none)
     * @param vendorMessage the vendor's message ({@code ""} when it gave none)
     * @param resource the object the request was about, e.g. {@code lbvserver/ps-web}
     * @param request the method and path, e.g. {@code POST /nitro/v1/config/lbvserver}
     */
    public DeviceException(int status, String vendorCode, String vendorMessage, String resource, String request) {
        super(describe(status, vendorCode, vendorMessage, resource, request));
        this.status = status;
        this.vendorCode = Objects.requireNonNullElse(vendorCode, "");
        this.vendorMessage = Objects.requireNonNullElse(vendorMessage, "");
        this.resource = Objects.requireNonNullElse(resource, "");
        this.request = Objects.requireNonNullElse(request, "");
    }

    private static String describe(int status, String code, String message, String resource, String request) {
        StringBuilder b = new StringBuilder();
        b.append(request == null || request.isEmpty() ? "request" : request).append(" failed with HTTP ").append(status);
        if (code != null && !code.isEmpty()) {
            b.append(" (error ").append(code).append(')');
        }
        if (resource != null && !resource.isEmpty()) {
            b.append(" on ").append(resource);
        }
        if (message != null && !message.isEmpty()) {
            b.append(": ").append(message);
        }
        return b.toString();
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the vendor's error code, or {@code ""} */
    public String vendorCode() {
        return vendorCode;
    }

    /** @return the vendor's message, or {@code ""} */
    public String vendorMessage() {
        return vendorMessage;
    }

    /** @return the resource the request was about, or {@code ""} */
    public String resource() {
        return resource;
    }

    /** @return the method and path of the request, or {@code ""} */
    public String request() {
        return request;
    }
}
