package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads uploaded PEM files the way {@code sys file ssl-cert} / {@code ssl-key} installs describe them. */
final class Pem {
    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("MMM dd HH:mm:ss yyyy 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private Pem() {
    }

    static void describeCertificate(String fp, byte[] bytes, ObjectNode o) {
        Collection<? extends Certificate> certs;
        try {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        } catch (CertificateException e) {
            certs = java.util.List.of();
        }
        if (certs.isEmpty()) {
            throw SimulatedF5Error.tmos(400, "Caught SSL exception: the file for " + fp
                    + " is not a PEM certificate.", 3);
        }
        X509Certificate c = (X509Certificate) certs.iterator().next();
        o.put("isBundle", certs.size() > 1 ? "true" : "false");
        o.put("subject", c.getSubjectX500Principal().getName());
        o.put("issuer", c.getIssuerX500Principal().getName());
        o.put("serialNumber", c.getSerialNumber().toString());
        String sans = subjectAlternativeNames(c);
        if (!sans.isEmpty()) {
            // as a BIG-IP shows it: "DNS:a.example.org, DNS:b.example.org, IP Address:10.0.0.1"
            o.put("subjectAlternativeName", sans);
        }
        o.put("version", c.getVersion());
        Instant notAfter = c.getNotAfter().toInstant();
        o.put("expirationDate", notAfter.getEpochSecond());
        o.put("expirationString", EXPIRY.format(notAfter));
        if (c.getPublicKey() instanceof RSAPublicKey rsa) {
            o.put("keyType", "rsa-public");
            o.put("certificateKeySize", rsa.getModulus().bitLength());
            o.put("certificateKeyCurveName", "none");
        } else if (c.getPublicKey() instanceof ECPublicKey ec) {
            o.put("keyType", "ec-public");
            o.put("certificateKeySize", ec.getParams().getCurve().getField().getFieldSize());
            o.put("certificateKeyCurveName", curve(ec.getParams().getCurve().getField().getFieldSize()));
        } else {
            o.put("keyType", c.getPublicKey().getAlgorithm().toLowerCase(Locale.ROOT) + "-public");
        }
    }

    private static String subjectAlternativeNames(X509Certificate c) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        try {
            Collection<java.util.List<?>> names = c.getSubjectAlternativeNames();
            if (names != null) {
                for (java.util.List<?> n : names) {
                    int type = (Integer) n.get(0);
                    if (type == 2) {
                        parts.add("DNS:" + n.get(1));
                    } else if (type == 7) {
                        parts.add("IP Address:" + n.get(1));
                    }
                }
            }
        } catch (java.security.cert.CertificateParsingException e) {
            return "";
        }
        return String.join(", ", parts);
    }

    static void describeKey(String fp, byte[] bytes, boolean hasPassphrase, ObjectNode o) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        Matcher m = BLOCK.matcher(text);
        if (!m.find() || !m.group(1).endsWith("PRIVATE KEY")) {
            throw SimulatedF5Error.tmos(400, "Caught SSL exception: the file for " + fp
                    + " is not a PEM private key.", 3);
        }
        String label = m.group(1);
        o.put("securityType", label.startsWith("ENCRYPTED") || hasPassphrase ? "password" : "normal");
        o.put("curveName", "none");
        if (label.equals("RSA PRIVATE KEY")) {
            o.put("keyType", "rsa-private");
            return;
        }
        if (label.equals("EC PRIVATE KEY")) {
            o.put("keyType", "ec-private");
            return;
        }
        if (label.equals("PRIVATE KEY")) {
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(2).trim());
            } catch (IllegalArgumentException e) {
                throw SimulatedF5Error.tmos(400, "Caught SSL exception: the file for " + fp
                        + " is not a PEM private key.", 3);
            }
            for (String alg : new String[] {"RSA", "EC"}) {
                try {
                    PrivateKey k = KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
                    if (k instanceof RSAPrivateKey rsa) {
                        o.put("keyType", "rsa-private");
                        o.put("keySize", rsa.getModulus().bitLength());
                    } else if (k instanceof ECPrivateKey ec) {
                        int size = ec.getParams().getCurve().getField().getFieldSize();
                        o.put("keyType", "ec-private");
                        o.put("keySize", size);
                        o.put("curveName", curve(size));
                    }
                    return;
                } catch (java.security.GeneralSecurityException e) {
                    // try the next algorithm
                }
            }
            throw SimulatedF5Error.tmos(400, "Caught SSL exception: the file for " + fp
                    + " holds a private key of an unsupported type.", 3);
        }
        o.put("keyType", "unknown");
    }

    private static String curve(int bits) {
        switch (bits) {
            case 256:
                return "prime256v1";
            case 384:
                return "secp384r1";
            case 521:
                return "secp521r1";
            default:
                return "none";
        }
    }
}
