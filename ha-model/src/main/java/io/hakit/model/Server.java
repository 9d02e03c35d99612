package io.hakit.model;

import io.hakit.model.cert.CertificateChain;
import java.util.Objects;
import java.util.Optional;

/**
 * An application server, named by its fully qualified domain name (TOP-002), with the
 * certificate its HTTPS services present. Immutable and thread-safe.
 */
public final class Server {
    private final String fqdn;
    private final CertificateChain certificate;

    private Server(String fqdn, CertificateChain certificate) {
        this.fqdn = Objects.requireNonNull(fqdn, "fqdn");
        this.certificate = certificate;
    }

    /**
     * @param fqdn the server's fully qualified domain name
     * @return a server with no certificate declared
     */
    public static Server of(String fqdn) {
        return new Server(fqdn, null);
    }

    /**
     * @param fqdn the server's fully qualified domain name
     * @param certificate the chain its services present, or {@code null} when not declared
     * @return the server
     */
    public static Server of(String fqdn, CertificateChain certificate) {
        return new Server(fqdn, certificate);
    }

    /** @return the fully qualified domain name */
    public String fqdn() {
        return fqdn;
    }

    /** @return the certificate chain its HTTPS services present, if declared */
    public Optional<CertificateChain> certificate() {
        return Optional.ofNullable(certificate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Server && ((Server) o).fqdn.equals(fqdn)
                && Objects.equals(((Server) o).certificate, certificate);
    }

    @Override
    public int hashCode() {
        return fqdn.hashCode();
    }

    @Override
    public String toString() {
        return "Server[" + fqdn + "]";
    }
}
