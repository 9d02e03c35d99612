package io.hakit.model;

/** The object does not exist on the device. */
public class NotFoundException extends DeviceException {
    private static final long serialVersionUID = 1L;

    /**
     * @param status the HTTP status (usually 404)
     * @param vendorCode the vendor's error code, or {@code ""}
     * @param vendorMessage the vendor's message, or {@code ""}
     * @param resource the object the request was about
     * @param request the method and path
     */
    public NotFoundException(int status, String vendorCode, String vendorMessage, String resource, String request) {
        super(status, vendorCode, vendorMessage, resource, request);
    }
}
