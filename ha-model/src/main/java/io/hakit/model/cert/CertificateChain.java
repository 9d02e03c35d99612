package io.hakit.model.cert;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * An X.509 chain as a PEM file holds it: the leaf first, then its issuers. Immutable and
 * thread-safe. Carries where it came from (a file name) so findings can name it; never
 * carries a private key.
 */
public final class CertificateChain {

    private final List<X509Certificate> certificates;
    private final String source;

    private CertificateChain(List<X509Certificate> certificates, String source) {
        this.certificates = List.copyOf(certificates);
        if (this.certificates.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least one certificate (" + source + ")");
        }
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * @param certificates leaf first, then issuers
     * @param source where the chain came from, for messages (a path, or a short description)
     * @return the chain
     * @throws IllegalArgumentException when {@code certificates} is empty
     */
    public static CertificateChain of(List<X509Certificate> certificates, String source) {
        Objects.requireNonNull(certificates, "certificates");
        return new CertificateChain(certificates, source);
    }

    /** @return the leaf (end-entity) certificate */
    public X509Certificate leaf() {
        return certificates.get(0);
    }

    /** @return every certificate, leaf first */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    /** @return where the chain came from */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateChain && ((CertificateChain) o).certificates.equals(certificates);
    }

    @Override
    public int hashCode() {
        return certificates.hashCode();
    }

    @Override
    public String toString() {
        return "CertificateChain[" + leaf().getSubjectX500Principal().getName() + ", " + certificates.size()
                + " certificate(s) from " + source + "]";
    }
}
