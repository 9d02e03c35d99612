package io.hakit.citrix.sim;

import io.hakit.model.HakitException;

/**
 * The simulator refused a change, exactly as a NITRO device would: carries the NITRO error code,
 * its message and the HTTP status the device answers with. Thrown by the direct state methods
 * of {@link CitrixSimulator}; over HTTP the same refusal is the response body
 * {@code {"errorcode":N,"message":"...","severity":"ERROR"}}.
 */
public final class SimulatorException extends HakitException {
    private static final long serialVersionUID = 1L;

    private final int errorcode;
    private final int httpStatus;
    private final String nitroMessage;

    /**
     * @param httpStatus the HTTP status a device answers with, e.g. 409
     * @param errorcode the NITRO error code, e.g. 273
     * @param nitroMessage the NITRO message, e.g. {@code Resource already exists}
     */
    public SimulatorException(int httpStatus, int errorcode, String nitroMessage) {
        super("NITRO error " + errorcode + " (HTTP " + httpStatus + "): " + nitroMessage);
        this.errorcode = errorcode;
        this.httpStatus = httpStatus;
        this.nitroMessage = nitroMessage;
    }

    /** @return the NITRO error code */
    public int errorcode() {
        return errorcode;
    }

    /** @return the HTTP status a device answers this refusal with */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the NITRO message, as in the response body */
    public String nitroMessage() {
        return nitroMessage;
    }
}
