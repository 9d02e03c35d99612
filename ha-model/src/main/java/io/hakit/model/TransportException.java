package io.hakit.model;

/** A device or server could not be reached, or its answer could not be read. */
public class TransportException extends HakitException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the endpoint
     * @param cause the underlying failure
     */
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param message what failed, naming the endpoint
     */
    public TransportException(String message) {
        super(message);
    }
}
