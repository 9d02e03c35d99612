package io.hakit.model;

/** The object already exists, or the device's state conflicts with the change. */
public class ConflictException extends DeviceException {
    private static final long serialVersionUID = 1L;

    /**
     * @param status the HTTP status (usually 409)
     * @param vendorCode the vendor's error code, or {@code ""}
     * @param vendorMessage the vendor's message, or {@code ""}
     * @param resource the object the request was about
     * @param request the method and path
     */
    public ConflictException(int status, String vendorCode, String vendorMessage, String resource, String request) {
        super(status, vendorCode, vendorMessage, resource, request);
    }
}
