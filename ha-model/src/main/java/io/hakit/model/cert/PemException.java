package io.hakit.model.cert;

import io.hakit.model.HakitException;

/** A PEM file could not be read, or holds no certificate. The message names the file. */
public class PemException extends HakitException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the file
     */
    public PemException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file
     * @param cause the underlying failure
     */
    public PemException(String message, Throwable cause) {
        super(message, cause);
    }
}
