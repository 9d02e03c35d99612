package io.hakit.f5.sim;

import io.hakit.model.DeviceException;

/**
 * The {@link F5Simulator} refused a change made through its direct state methods
 * ({@link F5Simulator#create}, {@link F5Simulator#modify}, {@link F5Simulator#delete}), exactly as
 * it would refuse the same request over HTTP. {@link #status()} is the HTTP status and
 * {@link #vendorMessage()} the BIG-IP message, e.g.
 * {@code 01070265:3: The Pool (/Common/web) cannot be deleted because it is in use by a Virtual Server (/Common/vs).}
 */
public final class SimulatorException extends DeviceException {
    private static final long serialVersionUID = 1L;

    /**
     * @param status the HTTP status the simulator would answer
     * @param vendorCode the mcpd error id such as {@code 01020066}, or {@code ""}
     * @param message the BIG-IP message
     * @param resource the path the change was about
     * @param request the method and path
     */
    public SimulatorException(int status, String vendorCode, String message, String resource, String request) {
        super(status, vendorCode, message, resource, request);
    }
}
