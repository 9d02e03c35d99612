package io.hakit.test;

import io.hakit.model.cert.CertificateChain;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;


/**
 * A certificate authority that lives only in memory, made with Bouncy Castle, for tests and
 * demos: it issues server and client certificates with chosen subject alternative names,
 * validity windows and key usages, and hands them out as PEM text, {@link CertificateChain}s,
 * {@link KeyStore}s and {@link SSLContext}s. Nothing is ever written to disk by this class.
 *
 * <pre>{@code
 * ThrowawayCa ca = ThrowawayCa.create("Test CA");
 * ThrowawayCa.Issued app1 = ca.issue(c -> c.commonName("app1.hospital.org").dnsNames("app1.hospital.org"));
 * SSLContext server = app1.serverContext();   // for an HTTPS test server
 * SSLContext client = ca.clientContext();     // trusts only this CA
 * }</pre>
 *
 * <p>Thread-safe: the CA and every issued certificate are immutable, apart from the serial
 * number counter, which is atomic. {@link #toString()} never shows a private key.
 */
public final class ThrowawayCa {

    /** Lifetime of the CA and of issued certificates when none is given: 1 day. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(1);
    /** How far back {@code notBefore} is set by default, to absorb clock skew: 1 hour. */
    public static final Duration DEFAULT_BACKDATE = Duration.ofHours(1);
    /** Key algorithm when none is given. */
    public static final KeyType DEFAULT_KEY_TYPE = KeyType.EC;
    /** Password used for the key stores this class builds (they never leave memory). */
    /** The key algorithm of a CA or certificate. */
    public enum KeyType {
        /** Elliptic curve P-256, signed with SHA256withECDSA: fast to generate. */
        EC("EC", "SHA256withECDSA"),
        /** RSA 2048, signed with SHA256withRSA. */
        RSA("RSA", "SHA256withRSA");

        private final String algorithm;
        private final String signature;
        KeyType(String algorithm, String signature) {
            this.algorithm = algorithm;
            this.signature = signature;
        }

        String algorithm() {
            return algorithm;
        }

        String signature() {
            return signature;
        }
    }

    private final KeyType keyType;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final AtomicLong serial = new AtomicLong(2);

    private ThrowawayCa(KeyType keyType, KeyPair keyPair, X509Certificate certificate) {
        this.keyType = keyType;
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /**
     * Creates a CA with an {@link #DEFAULT_KEY_TYPE EC} key valid for {@link #DEFAULT_VALIDITY}.
     *
     * @param commonName the CA's common name, e.g. {@code "hakit test CA"}
     * @return a new CA
     * @throws NullPointerException when {@code commonName} is null
     */
    public static ThrowawayCa create(String commonName) {
        return create(commonName, DEFAULT_KEY_TYPE);
    }

    /**
     * Creates a CA valid for {@link #DEFAULT_VALIDITY}.
     *
     * @param commonName the CA's common name
     * @param keyType the key algorithm
     * @return a new CA
     * @throws NullPointerException when an argument is null
     */
    public static ThrowawayCa create(String commonName, KeyType keyType) {
        return create(commonName, keyType, DEFAULT_VALIDITY);
    }

    /**
     * Creates a CA valid from {@link #DEFAULT_BACKDATE} ago for {@code validity}: a CA that
     * outlives the 30-day expiry warning (TLS-006) needs more than the default day.
     *
     * @param commonName the CA's common name
     * @param keyType the key algorithm
     * @param validity how long the CA certificate is valid from now
     * @return a new CA
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when {@code validity} is not positive
     */
    public static ThrowawayCa create(String commonName, KeyType keyType, Duration validity) {
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(validity, "validity");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity (" + validity + ") must be positive");
        }
        KeyPair pair = CertificateMinter.generate(keyType);
        X500Principal name = new X500Principal("CN=" + escape(commonName));
        try {
            return new ThrowawayCa(keyType, pair,
                    CertificateMinter.caCertificate(name, pair, keyType, DEFAULT_BACKDATE, validity));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the throwaway CA '" + commonName + "'", e);
        }
    }

    /**
     * Makes a self-signed leaf certificate (no CA): what a non-production server often has.
     *
     * @param spec what to put in the certificate
     * @return the certificate and its key
     * @throws NullPointerException when {@code spec} is null
     * @throws IllegalArgumentException when the spec names no common name
     */
    public static Issued selfSigned(Consumer<LeafSpec> spec) {
        Objects.requireNonNull(spec, "spec");
        LeafSpec s = new LeafSpec();
        spec.accept(s);
        s.check();
        KeyPair pair = CertificateMinter.generate(s.keyType);
        X500Principal subject = new X500Principal("CN=" + escape(s.commonName));
        X509Certificate cert = CertificateMinter.leaf(s, subject, BigInteger.ONE, pair, subject, pair, s.keyType, null);
        return new Issued(cert, pair.getPrivate(), List.of(cert));
    }

    /**
     * Issues a leaf certificate signed by this CA.
     *
     * @param spec what to put in the certificate (common name required; by default valid
     *        now for {@link #DEFAULT_VALIDITY}, server authentication, no SANs)
     * @return the certificate, its key and the chain (leaf, then this CA)
     * @throws NullPointerException when {@code spec} is null
     * @throws IllegalArgumentException when the spec names no common name, or its validity
     *         window ends before it starts
     */
    public Issued issue(Consumer<LeafSpec> spec) {
        Objects.requireNonNull(spec, "spec");
        LeafSpec s = new LeafSpec();
        spec.accept(s);
        s.check();
        KeyPair pair = CertificateMinter.generate(s.keyType);
        X500Principal subject = new X500Principal("CN=" + escape(s.commonName));
        X509Certificate cert = CertificateMinter.leaf(s, subject, BigInteger.valueOf(serial.getAndIncrement()), pair,
                certificate.getSubjectX500Principal(), keyPair, keyType, certificate);
        return new Issued(cert, pair.getPrivate(), List.of(cert, certificate));
    }

    /**
     * Issues a server certificate for the given names, valid now, for server authentication.
     * Each name that is an IP literal becomes an IP SAN, every other name a DNS SAN; the first
     * name is also the common name.
     *
     * @param names host names and/or IP literals, at least one
     * @return the certificate, its key and the chain
     * @throws IllegalArgumentException when no name is given
     */
    public Issued issueServer(String... names) {
        if (names == null || names.length == 0) {
            throw new IllegalArgumentException("issueServer needs at least one name");
        }
        return issue(c -> {
            c.commonName(names[0]);
            for (String n : names) {
                if (isIpLiteral(n)) {
                    c.ipAddresses(n);
                } else {
                    c.dnsNames(n);
                }
            }
        });
    }

    /** @return the CA's own (self-signed) certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return the CA certificate as a one-element chain, e.g. a topology's trust CA */
    public CertificateChain chain() {
        return CertificateChain.of(List.of(certificate), "throwaway CA " + subject(certificate));
    }

    /** @return the CA certificate as PEM text */
    public String certificatePem() {
        return TlsMaterial.pem(List.of(certificate));
    }

    /** @return a key store holding only the CA certificate as a trusted entry */
    public KeyStore trustStore() {
        return TlsMaterial.trustStore(certificate);
    }

    /** @return a client TLS context that trusts this CA only (no client certificate) */
    public SSLContext clientContext() {
        return TlsMaterial.context(null, trustStore());
    }


    private static String subject(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }

    private static String escape(String cn) {
        return cn.replace("\\", "\\\\").replace(",", "\\,").replace("+", "\\+").replace("=", "\\=")
                .replace("\"", "\\\"").replace("<", "\\<").replace(">", "\\>").replace(";", "\\;");
    }

    private static boolean isIpLiteral(String s) {
        return s.matches("\\d{1,3}(\\.\\d{1,3}){3}") || s.contains(":");
    }

    @Override
    public String toString() {
        return "ThrowawayCa[" + subject(certificate) + ", " + keyType + ", valid until "
                + certificate.getNotAfter().toInstant() + "]";
    }

    /**
     * What to put in an issued certificate. Mutable; used only inside
     * {@link ThrowawayCa#issue(Consumer)} and {@link ThrowawayCa#selfSigned(Consumer)}.
     * Defaults: valid from {@link ThrowawayCa#DEFAULT_BACKDATE} ago for
     * {@link ThrowawayCa#DEFAULT_VALIDITY}, key usage digitalSignature + keyEncipherment,
     * extended key usage serverAuth, no SANs, {@link ThrowawayCa#DEFAULT_KEY_TYPE} key.
     */
    public static final class LeafSpec {
        String commonName;
        final List<String> dnsNames = new ArrayList<>();
        final List<String> ipAddresses = new ArrayList<>();
        Instant notBefore = Instant.now().minus(DEFAULT_BACKDATE);
        Instant notAfter = Instant.now().plus(DEFAULT_VALIDITY);
        boolean serverAuth = true;
        boolean clientAuth;
        boolean keyUsage = true;
        KeyType keyType = DEFAULT_KEY_TYPE;

        private LeafSpec() {
        }

        /**
         * @param commonName the subject's common name (required)
         * @return this spec
         */
        public LeafSpec commonName(String commonName) {
            this.commonName = Objects.requireNonNull(commonName, "commonName");
            return this;
        }

        /**
         * @param names DNS subject alternative names to add (wildcards such as {@code *.example.org} allowed)
         * @return this spec
         */
        public LeafSpec dnsNames(String... names) {
            for (String n : names) {
                dnsNames.add(Objects.requireNonNull(n, "dnsNames"));
            }
            return this;
        }

        /**
         * @param addresses IP subject alternative names to add, as literals ({@code 127.0.0.2}, {@code ::1})
         * @return this spec
         * @throws IllegalArgumentException when an address is not an IP literal
         */
        public LeafSpec ipAddresses(String... addresses) {
            for (String a : addresses) {
                Objects.requireNonNull(a, "ipAddresses");
                if (!isIpLiteral(a)) {
                    throw new IllegalArgumentException("ipAddresses: '" + a + "' is not an IP literal");
                }
                try {
                    ipAddresses.add(InetAddress.getByName(a).getHostAddress());
                } catch (IOException e) {
                    throw new IllegalArgumentException("ipAddresses: '" + a + "' is not an IP literal", e);
                }
            }
            return this;
        }

        /**
         * @param notBefore start of validity; defaults to one hour ago
         * @param notAfter end of validity; defaults to one day from now
         * @return this spec
         */
        public LeafSpec validity(Instant notBefore, Instant notAfter) {
            this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
            this.notAfter = Objects.requireNonNull(notAfter, "notAfter");
            return this;
        }

        /**
         * Makes a certificate that expired {@code ago} (valid for the day before that).
         *
         * @param ago how long ago it expired
         * @return this spec
         */
        public LeafSpec expired(Duration ago) {
            Instant end = Instant.now().minus(Objects.requireNonNull(ago, "ago"));
            return validity(end.minus(Duration.ofDays(1)), end);
        }

        /**
         * Makes a certificate that becomes valid only {@code in} from now.
         *
         * @param in how long until it becomes valid
         * @return this spec
         */
        public LeafSpec notYetValid(Duration in) {
            Instant start = Instant.now().plus(Objects.requireNonNull(in, "in"));
            return validity(start, start.plus(Duration.ofDays(1)));
        }

        /**
         * @param serverAuth whether the extended key usage allows TLS server authentication; default true.
         *        With neither server nor client authentication the extended key usage is code signing
         *        only, so the certificate is unfit for TLS (TLS-007)
         * @return this spec
         */
        public LeafSpec serverAuth(boolean serverAuth) {
            this.serverAuth = serverAuth;
            return this;
        }

        /**
         * @param clientAuth whether the extended key usage allows TLS client authentication; default false
         * @return this spec
         */
        public LeafSpec clientAuth(boolean clientAuth) {
            this.clientAuth = clientAuth;
            return this;
        }

        /**
         * @param keyUsage whether to add the key usage extension (digitalSignature, keyEncipherment); default true
         * @return this spec
         */
        public LeafSpec keyUsage(boolean keyUsage) {
            this.keyUsage = keyUsage;
            return this;
        }

        /**
         * @param keyType the certificate's key algorithm; defaults to {@link ThrowawayCa#DEFAULT_KEY_TYPE}
         * @return this spec
         */
        public LeafSpec keyType(KeyType keyType) {
            this.keyType = Objects.requireNonNull(keyType, "keyType");
            return this;
        }

        private void check() {
            if (commonName == null || commonName.isBlank()) {
                throw new IllegalArgumentException("commonName is required for an issued certificate");
            }
            if (!notAfter.isAfter(notBefore)) {
                throw new IllegalArgumentException("validity: notAfter (" + notAfter + ") must be after notBefore ("
                        + notBefore + ")");
            }
        }
    }

    /**
     * An issued certificate with its private key and chain. Immutable and thread-safe.
     * {@link #toString()} names the subject and never shows the key.
     */
    public static final class Issued {
        private final X509Certificate certificate;
        private final PrivateKey privateKey;
        private final List<X509Certificate> chain;

        private Issued(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> chain) {
            this.certificate = certificate;
            this.privateKey = privateKey;
            this.chain = List.copyOf(chain);
        }

        /** @return the leaf certificate */
        public X509Certificate certificate() {
            return certificate;
        }

        /** @return the private key of the leaf */
        public PrivateKey privateKey() {
            return privateKey;
        }

        /** @return the chain, leaf first, then the issuing CA (just the leaf when self-signed) */
        public CertificateChain chain() {
            return CertificateChain.of(chain, "throwaway certificate " + subject(certificate));
        }

        /** @return the chain as PEM text, leaf first */
        public String chainPem() {
            return TlsMaterial.pem(chain);
        }

        /**
         * The private key as PKCS#8 PEM text. Write it only to temporary files; never check it in.
         *
         * @return the key as PEM
         */
        public String privateKeyPem() {
            try {
                return TlsMaterial.pem(List.of(new JcaPKCS8Generator(privateKey, null).generate()));
            } catch (PemGenerationException e) {
                throw new IllegalStateException("cannot encode the private key", e);
            }
        }

        /**
         * @return an in-memory PKCS#12 key store holding the key and chain under alias {@code "key"},
         *         protected by {@link #keyStorePassword()}
         */
        public KeyStore keyStore() {
            return TlsMaterial.keyStore(privateKey, chain);
        }

        /** @return the password of {@link #keyStore()} and of its key entry (a copy) */
        public char[] keyStorePassword() {
            return TlsMaterial.STORE_PASSWORD.clone();
        }

        /** @return a TLS context presenting this certificate, trusting the platform defaults */
        public SSLContext serverContext() {
            return TlsMaterial.context(keyStore(), null);
        }

        /**
         * @param trust whom to trust for the peer (e.g. a CA's {@link ThrowawayCa#trustStore()} for client certificates)
         * @return a TLS context presenting this certificate and trusting {@code trust}
         */
        public SSLContext context(KeyStore trust) {
            return TlsMaterial.context(keyStore(), Objects.requireNonNull(trust, "trust"));
        }

        @Override
        public String toString() {
            return "ThrowawayCa.Issued[" + subject(certificate) + ", issued by "
                    + certificate.getIssuerX500Principal().getName() + ", valid "
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant()
                    + ", private key hidden]";
        }
    }
}
