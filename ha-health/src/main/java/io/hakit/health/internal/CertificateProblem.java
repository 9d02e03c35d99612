package io.hakit.health.internal;

import io.hakit.health.ProbeOutcome;
import java.security.cert.CertificateException;

/**
 * A server certificate rejected for a reason the probe reports precisely. Thrown by
 * {@link ClassifyingTrustManager} inside the TLS handshake and found again in the cause
 * chain of the handshake failure.
 */
final class CertificateProblem extends CertificateException {
    private static final long serialVersionUID = 1L;

    private final transient ProbeOutcome outcome;

    CertificateProblem(ProbeOutcome outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
    }

    ProbeOutcome outcome() {
        return outcome;
    }
}
