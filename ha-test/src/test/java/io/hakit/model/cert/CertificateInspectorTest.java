package io.hakit.model.cert;

import static io.hakit.model.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.test.ThrowawayCa;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateInspectorTest {

    static final ThrowawayCa ROOT = ThrowawayCa.create("inspector root");
    static final ThrowawayCa OTHER = ThrowawayCa.create("inspector other");


    @Test
    void listsDnsAndIpSans() {
        X509Certificate c = ROOT.issue(s -> s.commonName("lb").dnsNames("lb.hospital.org", "*.apps.hospital.org")
                .ipAddresses("10.20.0.50")).certificate();
        assertThat(CertificateInspector.subjectAlternativeNames(c))
                .containsExactly("lb.hospital.org", "*.apps.hospital.org", "10.20.0.50");
        assertThat(CertificateInspector.subjectAlternativeNames(ROOT.issue(s -> s.commonName("none")).certificate()))
                .isEmpty();
    }

    @Test
    void coversExactNamesCaseInsensitivelyAndIpSans() {
        X509Certificate c = ROOT.issue(s -> s.commonName("lb").dnsNames("lb.hospital.org").ipAddresses("10.20.0.50"))
                .certificate();
        assertThat(CertificateInspector.covers(c, "LB.Hospital.ORG")).isTrue();
        assertThat(CertificateInspector.covers(c, "lb.hospital.org.")).isTrue();
        assertThat(CertificateInspector.covers(c, "10.20.0.50")).isTrue();
        assertThat(CertificateInspector.covers(c, "lb2.hospital.org")).isFalse();
    }

    @Test
    void aWildcardCoversExactlyOneLeftmostLabel() {
        X509Certificate c = ROOT.issue(s -> s.commonName("w").dnsNames("*.hospital.org")).certificate();
        assertThat(CertificateInspector.covers(c, "patientsecure.hospital.org")).isTrue();
        assertThat(CertificateInspector.covers(c, "patientsecurehl7.hospital.org")).isTrue();
        assertThat(CertificateInspector.covers(c, "hospital.org")).isFalse();
        assertThat(CertificateInspector.covers(c, "a.b.hospital.org")).isFalse();
        assertThat(CertificateInspector.covers(c, "hospital.org.evil.com")).isFalse();
    }

    @Test
    void theCommonNameIsNotConsulted() {
        X509Certificate c = ROOT.issue(s -> s.commonName("lb.hospital.org")).certificate();
        assertThat(CertificateInspector.covers(c, "lb.hospital.org")).isFalse();
    }

    @Test
    void selfSigned() {
        X509Certificate self = ThrowawayCa.selfSigned(s -> s.commonName("self")).certificate();
        assertThat(CertificateInspector.isSelfSigned(self)).isTrue();
        assertThat(CertificateInspector.isSelfSigned(ROOT.certificate())).isTrue();
        assertThat(CertificateInspector.isSelfSigned(ROOT.issueServer("a.hospital.org").certificate())).isFalse();
    }

    @Test
    void aLeafChainsToItsCaAndNotToAnother() {
        ThrowawayCa.Issued leaf = ROOT.issueServer("app1.hospital.org");
        assertThat(CertificateInspector.chainsTo(leaf.chain(), ROOT.chain())).isTrue();
        assertThat(CertificateInspector.chainsTo(CertificateChain.of(List.of(leaf.certificate()), "leaf only"),
                ROOT.chain())).isTrue();
        assertThat(CertificateInspector.chainsTo(leaf.chain(), OTHER.chain())).isFalse();
        CertificateChain both = CertificateChain.of(List.of(OTHER.certificate(), ROOT.certificate()), "bundle");
        assertThat(CertificateInspector.chainsTo(leaf.chain(), both)).isTrue();
    }

    @Test
    void aCaWithTheSameNameButAnotherKeyIsNotTrusted() {
        ThrowawayCa impostor = ThrowawayCa.create("inspector root");
        ThrowawayCa.Issued leaf = ROOT.issueServer("app1.hospital.org");
        assertThat(CertificateInspector.chainsTo(leaf.chain(), impostor.chain())).isFalse();
    }

    /** In memory only: ThrowawayCa issues leaves, so the intermediate CA is made here with Bouncy Castle. */
    static X509Certificate cert(String subject, java.security.PublicKey key, String issuer,
            java.security.PrivateKey signer, boolean ca) throws Exception {
        var b = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
                new javax.security.auth.x500.X500Principal("CN=" + issuer), java.math.BigInteger.valueOf(
                        System.nanoTime()), java.util.Date.from(NOW.minus(Duration.ofDays(1))),
                java.util.Date.from(NOW.plus(Duration.ofDays(365))),
                new javax.security.auth.x500.X500Principal("CN=" + subject), key);
        b.addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                new org.bouncycastle.asn1.x509.BasicConstraints(ca));
        var contentSigner = new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                .build(signer);
        return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(b.build(contentSigner));
    }

    @Test
    void aChainThroughAnIntermediateReachesTheRoot() throws Exception {
        var gen = java.security.KeyPairGenerator.getInstance("EC");
        var rootKey = gen.generateKeyPair();
        var midKey = gen.generateKeyPair();
        var leafKey = gen.generateKeyPair();
        X509Certificate root = cert("root", rootKey.getPublic(), "root", rootKey.getPrivate(), true);
        X509Certificate mid = cert("issuing", midKey.getPublic(), "root", rootKey.getPrivate(), true);
        X509Certificate leaf = cert("app1.hospital.org", leafKey.getPublic(), "issuing", midKey.getPrivate(), false);
        CertificateChain trustRoot = CertificateChain.of(List.of(root), "root");
        assertThat(CertificateInspector.chainsTo(CertificateChain.of(List.of(leaf, mid), "leaf+mid"), trustRoot))
                .isTrue();
        // the intermediate in any position of the file is found
        assertThat(CertificateInspector.chainsTo(CertificateChain.of(List.of(leaf, root, mid), "any order"),
                trustRoot)).isTrue();
        // without the intermediate the leaf does not reach the root
        assertThat(CertificateInspector.chainsTo(CertificateChain.of(List.of(leaf), "leaf"), trustRoot)).isFalse();
        // trusting the intermediate alone is enough
        assertThat(CertificateInspector.chainsTo(CertificateChain.of(List.of(leaf), "leaf"),
                CertificateChain.of(List.of(mid), "mid"))).isTrue();
        // the wrong CA
        assertThat(CertificateInspector.chainsTo(CertificateChain.of(List.of(leaf, mid), "leaf+mid"), OTHER.chain()))
                .isFalse();
    }

    @Test
    void validityStatesAroundTheWindow() {
        X509Certificate c = ROOT.issue(s -> s.commonName("v").validity(NOW, NOW.plus(Duration.ofDays(100))))
                .certificate();
        assertThat(CertificateInspector.validity(c, NOW.minusSeconds(1)))
                .isEqualTo(CertificateInspector.Validity.NOT_YET_VALID);
        assertThat(CertificateInspector.validity(c, NOW)).isEqualTo(CertificateInspector.Validity.VALID);
        assertThat(CertificateInspector.validity(c, NOW.plus(Duration.ofDays(69))))
                .isEqualTo(CertificateInspector.Validity.VALID);
        assertThat(CertificateInspector.validity(c, NOW.plus(Duration.ofDays(71))))
                .isEqualTo(CertificateInspector.Validity.EXPIRING_SOON);
        assertThat(CertificateInspector.validity(c, NOW.plus(Duration.ofDays(100))))
                .isEqualTo(CertificateInspector.Validity.EXPIRING_SOON);
        assertThat(CertificateInspector.validity(c, NOW.plus(Duration.ofDays(100)).plusSeconds(1)))
                .isEqualTo(CertificateInspector.Validity.EXPIRED);
    }

    @Test
    void serverAuthWithAndWithoutExtendedKeyUsage() {
        assertThat(CertificateInspector.allowsServerAuth(ROOT.issueServer("a.b").certificate())).isTrue();
        assertThat(CertificateInspector.allowsServerAuth(
                ROOT.issue(s -> s.commonName("cs").serverAuth(false)).certificate())).isFalse();
        assertThat(CertificateInspector.allowsServerAuth(
                ROOT.issue(s -> s.commonName("client").serverAuth(false).clientAuth(true)).certificate())).isFalse();
        assertThat(CertificateInspector.allowsServerAuth(
                ROOT.issue(s -> s.commonName("both").clientAuth(true).keyUsage(false)).certificate())).isTrue();
        // a CA certificate: no EKU, key usage keyCertSign/cRLSign only
        assertThat(CertificateInspector.allowsServerAuth(ROOT.certificate())).isFalse();
    }

    @Test
    void describeNamesSubjectIssuerAndExpiry() {
        X509Certificate c = ROOT.issueServer("d.hospital.org").certificate();
        assertThat(CertificateInspector.describe(c)).isEqualTo("'CN=d.hospital.org' issued by 'CN=inspector root', "
                + "valid until " + c.getNotAfter().toInstant());
    }

    @Test
    void listsDnsNamesWithoutIpAddresses() {
        X509Certificate c = ROOT.issue(s -> s.commonName("lb").dnsNames("lb.hospital.org", "*.apps.hospital.org")
                .ipAddresses("10.20.0.50")).certificate();
        assertThat(CertificateInspector.dnsNames(c)).containsExactly("lb.hospital.org", "*.apps.hospital.org");
        assertThat(CertificateInspector.dnsNames(ROOT.issue(s -> s.commonName("none")).certificate())).isEmpty();
    }

    @Test
    void oneNameCoversAHostByTheSameRule() {
        assertThat(CertificateInspector.nameCovers("*.hospital.org", "PatientSecure.hospital.org")).isTrue();
        assertThat(CertificateInspector.nameCovers("*.hospital.org", "a.b.hospital.org")).isFalse();
        assertThat(CertificateInspector.nameCovers("*.hospital.org", "hospital.org")).isFalse();
        assertThat(CertificateInspector.nameCovers("lb.hospital.org.", "LB.hospital.org")).isTrue();
        assertThat(CertificateInspector.nameCovers("lb.hospital.org", "lb2.hospital.org")).isFalse();
    }
}
