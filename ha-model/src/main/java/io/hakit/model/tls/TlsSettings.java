package io.hakit.model.tls;

import io.hakit.model.cert.CertificateChain;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How probes do TLS: whom to trust, and which client certificate (if any) to present.
 * Certificates and host names are always verified: a server certificate must chain to a
 * trusted CA, be within its validity window, and name the host probed. There is no switch
 * to turn that off.
 *
 * <p>Trust comes from PEM certificates (for example the topology's {@code trust.ca}), from
 * key stores, and from the platform's default trust store. When no certificate or key store
 * is given, the platform trust store is used; when one is given, the platform is trusted
 * too only with {@link Builder#platformTrust(boolean) platformTrust(true)}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows a private key or password.
 *
 * <pre>{@code
 * TlsSettings tls = TlsSettings.builder().trust(Pem.read(Path.of("certs/ca.pem"))).build();
 * }</pre>
 */
public final class TlsSettings {

    private static final TlsSettings DEFAULTS = builder().build();

    private final List<X509Certificate> trustedCertificates;
    private final List<KeyStore> trustStores;
    private final boolean platformTrust;
    private final KeyStore clientKeyStore;
    private final char[] clientKeyPassword;

    private TlsSettings(Builder b) {
        this.trustedCertificates = List.copyOf(b.trustedCertificates);
        this.trustStores = List.copyOf(b.trustStores);
        this.platformTrust = b.platformTrust != null ? b.platformTrust
                : trustedCertificates.isEmpty() && trustStores.isEmpty();
        if (!platformTrust && trustedCertificates.isEmpty() && trustStores.isEmpty()) {
            throw new IllegalStateException("platformTrust(false) needs trusted certificates or a trust store");
        }
        this.clientKeyStore = b.clientKeyStore;
        this.clientKeyPassword = b.clientKeyPassword == null ? null : b.clientKeyPassword.clone();
    }

    /** @return the platform defaults: trust the platform's CAs, no client certificate */
    public static TlsSettings defaults() {
        return DEFAULTS;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these settings */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.trustedCertificates.addAll(trustedCertificates);
        b.trustStores.addAll(trustStores);
        b.platformTrust = platformTrust;
        b.clientKeyStore = clientKeyStore;
        b.clientKeyPassword = clientKeyPassword == null ? null : clientKeyPassword.clone();
        return b;
    }

    /** @return CA certificates trusted in addition to the trust stores */
    public List<X509Certificate> trustedCertificates() {
        return trustedCertificates;
    }

    /** @return key stores whose certificate entries are trusted */
    public List<KeyStore> trustStores() {
        return trustStores;
    }

    /** @return whether the platform's default trust store is trusted */
    public boolean platformTrust() {
        return platformTrust;
    }

    /** @return the key store holding the client certificate and key, if one is presented */
    public Optional<KeyStore> clientKeyStore() {
        return Optional.ofNullable(clientKeyStore);
    }

    /**
     * @return a copy of the client key password, if a client certificate is presented
     */
    public Optional<char[]> clientKeyPassword() {
        return Optional.ofNullable(clientKeyPassword).map(char[]::clone);
    }

    /**
     * A client TLS context for these settings, for any HTTPS client (the device adapters use it for
     * NITRO and iControl REST). Its trust manager names what is wrong with a rejected certificate:
     * untrusted, expired, not yet valid. Host names are verified by the HTTP client, not here.
     *
     * @return a new context
     * @throws IllegalArgumentException when the key or trust material cannot be used
     */
    public SSLContext sslContext() {
        return io.hakit.model.internal.TlsContexts.clientContext(this);
    }

    @Override
    public String toString() {
        return "TlsSettings[trust " + trustedCertificates.size() + " certificate(s), " + trustStores.size()
                + " store(s)" + (platformTrust ? ", platform" : "") + (clientKeyStore == null ? "" : ", client certificate")
                + ", host names verified]";
    }

    /** Builds {@link TlsSettings}. Not thread-safe. */
    public static final class Builder {
        private final List<X509Certificate> trustedCertificates = new ArrayList<>();
        private final List<KeyStore> trustStores = new ArrayList<>();
        private Boolean platformTrust;
        private KeyStore clientKeyStore;
        private char[] clientKeyPassword;

        private Builder() {
        }

        /**
         * Trusts every certificate of a chain as a CA (e.g. the topology's {@code trust.ca}).
         *
         * @param chain the CA certificate(s)
         * @return this builder
         */
        public Builder trust(CertificateChain chain) {
            Objects.requireNonNull(chain, "chain");
            trustedCertificates.addAll(chain.certificates());
            return this;
        }

        /**
         * @param certificates CA certificates to trust
         * @return this builder
         */
        public Builder trust(List<X509Certificate> certificates) {
            Objects.requireNonNull(certificates, "certificates");
            certificates.forEach(c -> trustedCertificates.add(Objects.requireNonNull(c, "certificate")));
            return this;
        }

        /**
         * @param trustStore a key store whose certificate entries are trusted
         * @return this builder
         */
        public Builder trustStore(KeyStore trustStore) {
            trustStores.add(Objects.requireNonNull(trustStore, "trustStore"));
            return this;
        }

        /**
         * @param platformTrust whether to trust the platform's default CAs as well; by default only
         *        when no other trust is given
         * @return this builder
         */
        public Builder platformTrust(boolean platformTrust) {
            this.platformTrust = platformTrust;
            return this;
        }

        /**
         * Presents a client certificate when the server asks for one (mutual TLS).
         *
         * @param keyStore holds the client key and certificate chain
         * @param password the key's password
         * @return this builder
         */
        public Builder clientCertificate(KeyStore keyStore, char[] password) {
            this.clientKeyStore = Objects.requireNonNull(keyStore, "keyStore");
            this.clientKeyPassword = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        /**
         * Presents a client certificate when the server asks for one (mutual TLS).
         *
         * @param key the client's private key
         * @param chain the client certificate, then its issuers
         * @return this builder
         * @throws IllegalArgumentException when the chain is empty
         */
        public Builder clientCertificate(PrivateKey key, List<X509Certificate> chain) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(chain, "chain");
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("clientCertificate: the chain is empty");
            }
            char[] pw = "hakit-client".toCharArray();
            try {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("client", key, pw, chain.toArray(new X509Certificate[0]));
                return clientCertificate(ks, pw);
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                throw new IllegalArgumentException("clientCertificate: cannot hold this key and chain: " + e.getMessage(), e);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }

        /**
         * @return the settings
         * @throws IllegalStateException when {@code platformTrust(false)} is set with nothing else to trust
         */
        public TlsSettings build() {
            return new TlsSettings(this);
        }
    }
}
