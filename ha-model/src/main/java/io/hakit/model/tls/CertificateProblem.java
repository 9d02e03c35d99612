package io.hakit.model.tls;

import java.security.cert.CertificateException;
import java.util.Objects;

/**
 * A server certificate rejected during the TLS handshake for a reason hakit reports precisely:
 * expired, not yet valid, or not chaining to a trusted CA. It is thrown by the trust managers
 * {@link TlsSettings#sslContext()} builds and is found again in the cause chain of the
 * handshake failure, so every client (health probes, device APIs, MLLP) names the same reason.
 */
public final class CertificateProblem extends CertificateException {
    private static final long serialVersionUID = 1L;

    /** Why a certificate was rejected. */
    public enum Reason {
        /** The certificate or an issuer is past its notAfter date. */
        EXPIRED,
        /** The certificate or an issuer is before its notBefore date. */
        NOT_YET_VALID,
        /** The chain does not lead to a trusted CA. */
        UNTRUSTED
    }

    private final Reason reason;

    /**
     * @param reason why the certificate was rejected
     * @param message the sentence a user reads: which certificate and why
     * @param cause the trust manager's own exception
     */
    public CertificateProblem(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the certificate was rejected */
    public Reason reason() {
        return reason;
    }

    /**
     * Finds a certificate problem in a cause chain.
     *
     * @param t any exception, typically a handshake failure
     * @return the first {@code CertificateProblem} among {@code t} and its causes, or null
     */
    public static CertificateProblem in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CertificateProblem) {
                return (CertificateProblem) c;
            }
        }
        return null;
    }
}
