package io.hakit.sim;

import io.hakit.model.DeviceException;

/**
 * A simulator refused a change made through its direct state methods exactly as the device would
 * refuse the same request over HTTP: {@link #status()} is the HTTP status it answers with,
 * {@link #vendorCode()} the device's error code (a NITRO {@code errorcode} such as {@code 273}, or
 * an mcpd id such as {@code 01020066}) and {@link #vendorMessage()} the device's message. Over
 * HTTP the same refusal is the device's error body. The message never holds a secret.
 */
public final class SimulatorException extends DeviceException {
    private static final long serialVersionUID = 1L;

    /**
     * @param status the HTTP status the device answers with, e.g. 409
     * @param vendorCode the device's error code, or {@code ""}
     * @param vendorMessage the device's message
     * @param resource what the change was about (a path or resource type), or {@code null}
     * @param request the method and path, or {@code null}
     */
    public SimulatorException(int status, String vendorCode, String vendorMessage, String resource, String request) {
        super(status, vendorCode, vendorMessage, resource, request);
    }
}
