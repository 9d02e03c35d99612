package io.hakit.hl7;

/**
 * An endpoint could not be reached or the connection to it failed: refused or failed
 * connect, reset, end of stream before the acknowledgement, or a time-out.
 *
 * <p>Carries the endpoint concerned. Thread-safe (immutable).
 */
public class MllpTransportException extends Hl7Exception {

    private static final long serialVersionUID = 1L;

    private final transient MllpEndpoint endpoint;

    /**
     * Creates an exception.
     *
     * @param endpoint the endpoint that failed
     * @param message what went wrong; the endpoint is prefixed to it
     * @param cause the underlying failure, may be {@code null}
     */
    public MllpTransportException(MllpEndpoint endpoint, String message, Throwable cause) {
        super(endpoint + ": " + message, cause);
        this.endpoint = endpoint;
    }

    /**
     * The endpoint that failed.
     *
     * @return the endpoint
     */
    public MllpEndpoint endpoint() {
        return endpoint;
    }
}
