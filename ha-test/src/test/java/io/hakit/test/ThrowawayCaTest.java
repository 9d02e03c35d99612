package io.hakit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.model.cert.CertificateInspector;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

class ThrowawayCaTest {

    private static final ThrowawayCa CA = ThrowawayCa.create("hakit test CA");

    @Test
    void caCertificateIsSelfSignedCa() throws Exception {
        X509Certificate c = CA.certificate();
        assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=hakit test CA");
        assertThat(c.getIssuerX500Principal()).isEqualTo(c.getSubjectX500Principal());
        assertThat(c.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        c.verify(c.getPublicKey());
        assertThat(CA.chain().certificates()).containsExactly(c);
    }

    @Test
    void issuedLeafCarriesSansAndChainsToCa() throws Exception {
        ThrowawayCa.Issued leaf = CA.issue(s -> s.commonName("app1.hospital.org")
                .dnsNames("app1.hospital.org", "*.apps.hospital.org").ipAddresses("127.0.0.2"));
        X509Certificate c = leaf.certificate();
        c.verify(CA.certificate().getPublicKey());
        List<String> names = new ArrayList<>();
        for (List<?> san : c.getSubjectAlternativeNames()) {
            names.add(san.get(0) + ":" + san.get(1));
        }
        assertThat(names).containsExactlyInAnyOrder("2:app1.hospital.org", "2:*.apps.hospital.org", "7:127.0.0.2");
        assertThat(c.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(c.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.chain().certificates()).containsExactly(c, CA.certificate());
        assertThat(validate(c)).isNull();
    }

    @Test
    void issueServerSortsNamesIntoDnsAndIpSans() throws Exception {
        X509Certificate c = CA.issueServer("lb.hospital.org", "10.20.0.50").certificate();
        assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=lb.hospital.org");
        assertThat(c.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(2, "lb.hospital.org"), List.of(7, "10.20.0.50"));
    }

    @Test
    void expiredAndNotYetValidWindows() {
        X509Certificate expired = CA.issue(s -> s.commonName("old").expired(Duration.ofDays(2))).certificate();
        X509Certificate future = CA.issue(s -> s.commonName("new").notYetValid(Duration.ofDays(2))).certificate();
        assertThatThrownBy(expired::checkValidity).isInstanceOf(CertificateExpiredException.class);
        assertThatThrownBy(future::checkValidity).isInstanceOf(CertificateNotYetValidException.class);
        assertThat(validate(expired)).isNotNull();
    }

    @Test
    void withoutServerAuthTheEkuIsCodeSigningOnly() throws Exception {
        X509Certificate c = CA.issue(s -> s.commonName("signer").serverAuth(false)).certificate();
        assertThat(c.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.3");
        X509Certificate both = CA.issue(s -> s.commonName("both").clientAuth(true)).certificate();
        assertThat(both.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    }

    @Test
    void selfSignedLeafIsItsOwnIssuerAndNotTrustedByCa() throws Exception {
        ThrowawayCa.Issued self = ThrowawayCa.selfSigned(s -> s.commonName("dev.local").dnsNames("dev.local"));
        X509Certificate c = self.certificate();
        c.verify(c.getPublicKey());
        assertThat(c.getIssuerX500Principal()).isEqualTo(c.getSubjectX500Principal());
        assertThat(self.chain().certificates()).containsExactly(c);
        assertThat(validate(c)).isNotNull();
    }

    @Test
    void rsaKeysWork() throws Exception {
        ThrowawayCa rsa = ThrowawayCa.create("rsa CA", ThrowawayCa.KeyType.RSA);
        ThrowawayCa.Issued leaf = rsa.issue(s -> s.commonName("rsa.leaf").keyType(ThrowawayCa.KeyType.RSA));
        assertThat(leaf.certificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(rsa.certificate().getSigAlgName()).isEqualToIgnoringCase("SHA256withRSA");
        leaf.certificate().verify(rsa.certificate().getPublicKey());
    }

    @Test
    void pemRoundTripsThroughTheJdk() throws Exception {
        ThrowawayCa.Issued leaf = CA.issueServer("app2.hospital.org");
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        Collection<java.security.cert.Certificate> parsed = new ArrayList<>(cf.generateCertificates(
                new ByteArrayInputStream(leaf.chainPem().getBytes(StandardCharsets.US_ASCII))));
        assertThat(parsed).containsExactly(leaf.certificate(), CA.certificate());
        assertThat(CA.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");

        String keyPem = leaf.privateKeyPem();
        assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----");
        String body = keyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        assertThat(key.getEncoded()).isEqualTo(leaf.privateKey().getEncoded());
    }

    @Test
    void toStringNeverShowsThePrivateKey() {
        ThrowawayCa.Issued leaf = CA.issueServer("app3.hospital.org");
        String body = leaf.privateKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertThat(leaf.toString()).contains("CN=app3.hospital.org").contains("private key hidden")
                .doesNotContain(body.substring(0, 20)).doesNotContain("PRIVATE KEY");
        assertThat(CA.toString()).contains("hakit test CA").doesNotContain("PRIVATE");
    }

    @Test
    void keyStoreAndContextsCompleteAHandshake() throws Exception {
        ThrowawayCa.Issued leaf = CA.issueServer("app4.hospital.org");
        KeyStore ks = leaf.keyStore();
        assertThat(ks.isKeyEntry("key")).isTrue();
        assertThat(ks.getKey("key", leaf.keyStorePassword())).isEqualTo(leaf.privateKey());
        assertThat(CA.trustStore().isCertificateEntry("ca")).isTrue();

        handshake(leaf.serverContext(), CA.clientContext(), "app4.hospital.org");
    }

    @Test
    void untrustedServerFailsTheHandshake() {
        ThrowawayCa other = ThrowawayCa.create("another CA");
        ThrowawayCa.Issued leaf = other.issueServer("app5.hospital.org");
        assertThatThrownBy(() -> handshake(leaf.serverContext(), CA.clientContext(), "app5.hospital.org"))
                .isInstanceOf(SSLException.class);
    }

    @Test
    void misuseNamesTheField() {
        assertThatThrownBy(() -> CA.issue(s -> s.dnsNames("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commonName");
        assertThatThrownBy(() -> CA.issue(s -> s.commonName("x").ipAddresses("not-an-ip")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ipAddresses");
        assertThatThrownBy(() -> ThrowawayCa.create(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("commonName");
        assertThatThrownBy(() -> CA.issueServer()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CA.issue(s -> s.commonName("x").validity(
                java.time.Instant.now(), java.time.Instant.now().minusSeconds(5))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notAfter");
    }

    private static CertPathValidatorException validate(X509Certificate leaf) {
        try {
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(CA.certificate(), null)));
            params.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), params);
            return null;
        } catch (CertPathValidatorException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Drives a TLS handshake between two SSLEngines in memory. */
    private static void handshake(SSLContext serverCtx, SSLContext clientCtx, String host) throws Exception {
        SSLEngine client = clientCtx.createSSLEngine(host, 443);
        client.setUseClientMode(true);
        javax.net.ssl.SSLParameters p = client.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        client.setSSLParameters(p);
        SSLEngine server = serverCtx.createSSLEngine();
        server.setUseClientMode(false);
        int size = 1 << 17;
        java.nio.ByteBuffer c2s = java.nio.ByteBuffer.allocate(size);
        java.nio.ByteBuffer s2c = java.nio.ByteBuffer.allocate(size);
        java.nio.ByteBuffer app = java.nio.ByteBuffer.allocate(size);
        java.nio.ByteBuffer empty = java.nio.ByteBuffer.allocate(0);
        client.beginHandshake();
        server.beginHandshake();
        for (int i = 0; i < 200; i++) {
            step(client, empty, c2s, s2c, app);
            step(server, empty, s2c, c2s, app);
            if (client.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                    && server.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
                assertThat(client.getSession().getPeerCertificates()[0].getType()).isEqualTo("X.509");
                return;
            }
        }
        throw new AssertionError("handshake did not finish");
    }

    private static void step(SSLEngine e, java.nio.ByteBuffer empty, java.nio.ByteBuffer out,
            java.nio.ByteBuffer in, java.nio.ByteBuffer app) throws SSLException {
        switch (e.getHandshakeStatus()) {
            case NEED_WRAP -> e.wrap(empty, out);
            case NEED_UNWRAP -> {
                in.flip();
                e.unwrap(in, app);
                in.compact();
            }
            case NEED_TASK -> {
                Runnable r;
                while ((r = e.getDelegatedTask()) != null) {
                    r.run();
                }
            }
            default -> {
                // nothing to do
            }
        }
    }

    @Test
    void caValidityCanOutliveTheExpiryWarning() {
        ThrowawayCa ca = ThrowawayCa.create("long-lived CA", ThrowawayCa.KeyType.EC, Duration.ofDays(400));
        java.time.Instant notAfter = ca.certificate().getNotAfter().toInstant();
        assertThat(notAfter).isAfter(java.time.Instant.now().plus(Duration.ofDays(399)));
        assertThat(CertificateInspector.validity(ca.certificate(), java.time.Instant.now()))
                .isEqualTo(CertificateInspector.Validity.VALID);
        assertThatThrownBy(() -> ThrowawayCa.create("x", ThrowawayCa.KeyType.EC, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validity");
    }
}
