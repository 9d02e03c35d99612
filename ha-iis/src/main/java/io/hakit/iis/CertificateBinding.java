package io.hakit.iis;

import java.util.Locale;
import java.util.Objects;

/**
 * The certificate HTTP.sys serves on an HTTPS binding. IIS keeps it outside applicationHost.config
 * (the {@code binding} element has no certificate attribute), so hakit writes it as
 * {@code netsh http add sslcert} / {@code New-IISSiteBinding} lines. Immutable.
 *
 * @param thumbprint the certificate's SHA-1 thumbprint, 40 upper-case hex digits
 * @param storeName the certificate store, e.g. {@code MY} (LocalMachine\My)
 */
public record CertificateBinding(String thumbprint, String storeName) {

    /** The store IIS binds from by default: LocalMachine\My. */
    public static final String DEFAULT_STORE = "MY";

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException when the thumbprint is not 40 hex digits
     */
    public CertificateBinding {
        Objects.requireNonNull(thumbprint, "thumbprint");
        thumbprint = thumbprint.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!thumbprint.matches("[0-9A-F]{40}")) {
            throw new IllegalArgumentException("thumbprint '" + thumbprint + "' is not 40 hex digits (SHA-1)");
        }
        Checks.nonEmpty("storeName", storeName);
    }
}
