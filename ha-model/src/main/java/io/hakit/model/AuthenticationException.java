package io.hakit.model;

/** The device refused the credentials (the exception never carries them). */
public class AuthenticationException extends DeviceException {
    private static final long serialVersionUID = 1L;

    /**
     * @param status the HTTP status (usually 401)
     * @param vendorCode the vendor's error code, or {@code ""}
     * @param vendorMessage the vendor's message, or {@code ""}
     * @param resource the object the request was about
     * @param request the method and path
     */
    public AuthenticationException(int status, String vendorCode, String vendorMessage, String resource, String request) {
        super(status, vendorCode, vendorMessage, resource, request);
    }
}
