package io.hakit.test;

import io.hakit.test.ThrowawayCa.KeyType;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The Bouncy Castle side of {@link ThrowawayCa}: key pairs, the CA certificate and leaf certificates. */
final class CertificateMinter {
    static final SecureRandom RANDOM = new SecureRandom();

    private CertificateMinter() {
    }

    static KeyPair generate(KeyType type) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(type.algorithm());
            if (type == KeyType.EC) {
                g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            } else {
                g.initialize(2048, RANDOM);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + type.name() + " key pair", e);
        }
    }

    static X509Certificate caCertificate(X500Principal name, KeyPair pair, KeyType keyType, Duration backdate,
            Duration validity) throws IOException, GeneralSecurityException {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now.minus(backdate)), Date.from(now.plus(validity)), name, pair.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
        return sign(b, pair.getPrivate(), keyType);
    }

    static X509Certificate leaf(ThrowawayCa.LeafSpec s, X500Principal subject, BigInteger serialNumber, KeyPair pair,
            X500Principal issuer, KeyPair issuerPair, KeyType issuerType, X509Certificate issuerCert) {
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serialNumber,
                    Date.from(s.notBefore), Date.from(s.notAfter), subject, pair.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            if (issuerCert != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerCert));
            }
            if (s.keyUsage) {
                b.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            }
            List<KeyPurposeId> purposes = new ArrayList<>();
            if (s.serverAuth) {
                purposes.add(KeyPurposeId.id_kp_serverAuth);
            }
            if (s.clientAuth) {
                purposes.add(KeyPurposeId.id_kp_clientAuth);
            }
            if (purposes.isEmpty()) {
                purposes.add(KeyPurposeId.id_kp_codeSigning);
            }
            b.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(purposes.toArray(new KeyPurposeId[0])));
            List<GeneralName> sans = new ArrayList<>();
            for (String dns : s.dnsNames) {
                sans.add(new GeneralName(GeneralName.dNSName, dns));
            }
            for (String ip : s.ipAddresses) {
                sans.add(new GeneralName(GeneralName.iPAddress, ip));
            }
            if (!sans.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(sans.toArray(new GeneralName[0])));
            }
            return sign(b, issuerPair.getPrivate(), issuerType);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a certificate for '" + s.commonName + "'", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key, KeyType type)
            throws GeneralSecurityException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(type.signature()).build(key);
            return new JcaX509CertificateConverter().getCertificate(b.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot create a " + type.signature() + " signer", e);
        }
    }
}
