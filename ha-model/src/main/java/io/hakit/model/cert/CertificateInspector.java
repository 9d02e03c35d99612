package io.hakit.model.cert;

import java.net.IDN;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers the questions the guide asks of a certificate (TLS-001..TLS-007): which names
 * it covers, whether it is self-signed, whether it chains to a trust CA, whether it is
 * valid now or soon expires, and whether it may authenticate a TLS server.
 *
 * <p>Thread-safe (stateless).
 */
public final class CertificateInspector {

    /** The OID of the TLS server authentication extended key usage. */
    public static final String EKU_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    /** The OID of the "any extended key usage" value. */
    public static final String EKU_ANY = "2.5.29.37.0";
    /** How close to expiry a certificate draws a warning (TLS-006): 30 days. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private CertificateInspector() {
    }

    /**
     * @param cert a certificate
     * @return its DNS and IP subject alternative names, in order
     */
    public static List<String> subjectAlternativeNames(X509Certificate cert) {
        return names(cert, true);
    }

    /**
     * @param cert a certificate
     * @return its DNS subject alternative names only, in order (no IP addresses)
     */
    public static List<String> dnsNames(X509Certificate cert) {
        return names(cert, false);
    }

    private static List<String> names(X509Certificate cert, boolean withIp) {
        Objects.requireNonNull(cert, "cert");
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int kind = (Integer) san.get(0);
                    if (kind == SAN_DNS || (withIp && kind == SAN_IP)) {
                        names.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return List.of();
        }
        return List.copyOf(names);
    }

    /**
     * Whether the certificate's SANs cover a host name (RFC 6125: a wildcard covers exactly
     * one left-most label; names compare case-insensitively). The subject CN is not
     * consulted: modern clients ignore it.
     *
     * @param cert a certificate
     * @param host a host name or IP address
     * @return whether a SAN covers it
     */
    public static boolean covers(X509Certificate cert, String host) {
        Objects.requireNonNull(host, "host");
        return subjectAlternativeNames(cert).stream().anyMatch(san -> nameCovers(san, host));
    }

    /**
     * Whether one subject alternative name covers a host name, by the rule of
     * {@link #covers(X509Certificate, String)}: equal ignoring case and a trailing dot, or a
     * wildcard {@code *.example.org} standing for exactly one left-most label.
     *
     * @param san a subject alternative name, e.g. {@code *.hospital.org}
     * @param host a host name or IP address
     * @return whether {@code san} covers {@code host}
     */
    public static boolean nameCovers(String san, String host) {
        Objects.requireNonNull(san, "san");
        String wanted = normalize(Objects.requireNonNull(host, "host"));
        String name = normalize(san);
        if (name.equals(wanted)) {
            return true;
        }
        return name.startsWith("*.") && wanted.indexOf('.') > 0
                && wanted.substring(wanted.indexOf('.')).equals(name.substring(1));
    }

    private static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        try {
            return IDN.toASCII(n, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return n;
        }
    }

    /**
     * @param cert a certificate
     * @return whether it is issued by itself and its signature verifies with its own key
     */
    public static boolean isSelfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * Whether a chain leads, signature by signature, to one of the trusted CAs. Validity
     * dates are not part of this check; see {@link #validity}.
     *
     * @param chain the chain, leaf first, possibly with intermediates
     * @param trust the trusted CA certificate(s)
     * @return whether the leaf chains to a trusted CA
     */
    public static boolean chainsTo(CertificateChain chain, CertificateChain trust) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(trust, "trust");
        X509Certificate current = chain.leaf();
        List<X509Certificate> pool = chain.certificates();
        for (int depth = 0; depth <= pool.size(); depth++) {
            for (X509Certificate anchor : trust.certificates()) {
                if (signedBy(current, anchor)) {
                    return true;
                }
            }
            Optional<X509Certificate> issuer = Optional.empty();
            for (X509Certificate candidate : pool) {
                if (candidate != current && signedBy(current, candidate)) {
                    issuer = Optional.of(candidate);
                    break;
                }
            }
            if (issuer.isEmpty()) {
                return false;
            }
            current = issuer.get();
        }
        return false;
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Where a certificate stands in time. */
    public enum Validity {
        /** Valid, and for more than {@link #EXPIRY_WARNING}. */
        VALID,
        /** Valid, but expires within {@link #EXPIRY_WARNING}. */
        EXPIRING_SOON,
        /** Past its notAfter. */
        EXPIRED,
        /** Before its notBefore. */
        NOT_YET_VALID
    }

    /**
     * @param cert a certificate
     * @param now the moment to judge at
     * @return where it stands
     */
    public static Validity validity(X509Certificate cert, Instant now) {
        Instant notBefore = cert.getNotBefore().toInstant();
        Instant notAfter = cert.getNotAfter().toInstant();
        if (now.isBefore(notBefore)) {
            return Validity.NOT_YET_VALID;
        }
        if (now.isAfter(notAfter)) {
            return Validity.EXPIRED;
        }
        if (now.plus(EXPIRY_WARNING).isAfter(notAfter)) {
            return Validity.EXPIRING_SOON;
        }
        return Validity.VALID;
    }

    /**
     * Whether a certificate may authenticate a TLS server (TLS-007): its extended key usage,
     * when present, includes serverAuth (or any), and its key usage, when present, allows
     * digitalSignature or keyEncipherment.
     *
     * @param cert a certificate
     * @return whether it may authenticate a TLS server
     */
    public static boolean allowsServerAuth(X509Certificate cert) {
        try {
            List<String> eku = cert.getExtendedKeyUsage();
            if (eku != null && !eku.contains(EKU_SERVER_AUTH) && !eku.contains(EKU_ANY)) {
                return false;
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        boolean[] ku = cert.getKeyUsage();
        return ku == null || ku[0] || ku[2];
    }

    /**
     * @param cert a certificate
     * @return a short description: subject, issuer, expiry (for messages)
     */
    public static String describe(X509Certificate cert) {
        return "'" + cert.getSubjectX500Principal().getName() + "' issued by '"
                + cert.getIssuerX500Principal().getName() + "', valid until " + cert.getNotAfter().toInstant();
    }
}
