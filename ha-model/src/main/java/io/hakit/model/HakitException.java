package io.hakit.model;

/**
 * The one unchecked root of every exception hakit throws. Subclasses say who failed:
 * {@link TransportException} (could not reach or parse), {@link DeviceException} (the
 * device said no), and the few cases callers branch on.
 *
 * <p>Messages never contain secrets.
 */
public class HakitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the place
     */
    public HakitException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the place
     * @param cause the underlying failure
     */
    public HakitException(String message, Throwable cause) {
        super(message, cause);
    }
}
