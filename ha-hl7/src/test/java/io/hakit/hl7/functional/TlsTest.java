package io.hakit.hl7.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.hl7.AckCode;
import io.hakit.hl7.MllpClient;
import io.hakit.hl7.MllpEndpoint;
import io.hakit.hl7.MllpListener;
import io.hakit.hl7.MllpTransportException;
import io.hakit.hl7.TestMessages;
import io.hakit.hl7.TestNet;
import io.hakit.model.tls.TlsSettings;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MLLP over TLS with verification on: a certificate made for the test by the JDK's keytool. */
class TlsTest {

    @TempDir
    static Path dir;
    static KeyStore keyStore;
    static final char[] PASSWORD = "changeit".toCharArray();

    @BeforeAll
    static void makeCertificate() throws Exception {
        Path store = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-dname", "CN=hl7.test.local", "-ext", "san=dns:hl7.test.local", "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD);
        }
    }

    static TlsSettings serverContext() {
        return TlsSettings.builder().clientCertificate(keyStore, PASSWORD).build();
    }

    static TlsSettings clientContext() throws Exception {
        return TlsSettings.builder().trust(List.of((X509Certificate) keyStore.getCertificate("server"))).build();
    }

    @Test
    void sendsOverTlsWhenTheCertificateMatchesTheHostName() throws Exception {
        try (MllpListener listener = TestNet.listener().tls(serverContext()).build().start();
             MllpClient client = MllpClient.builder()
                     .endpoint(MllpEndpoint.of("hl7.test.local", listener.port()).withAddress(TestNet.LOOPBACK))
                     .tls(clientContext()).ackTimeout(Duration.ofSeconds(10)).build()) {
            assertThat(client.send(TestMessages.adtA01("TLS1")).code()).isEqualTo(AckCode.AA);
        }
    }

    @Test
    void refusesACertificateForAnotherHostName() throws Exception {
        try (MllpListener listener = TestNet.listener().tls(serverContext()).build().start();
             MllpClient client = MllpClient.builder()
                     .endpoint(MllpEndpoint.of("other.test.local", listener.port()).withAddress(TestNet.LOOPBACK))
                     .tls(clientContext()).ackTimeout(Duration.ofSeconds(10)).build()) {
            assertThatThrownBy(() -> client.send(TestMessages.adtA01("TLS2")))
                    .isInstanceOf(MllpTransportException.class)
                    .hasMessageContaining("other.test.local");
        }
    }

    @Test
    void aListenerRefusesTlsSettingsWithoutACertificateToPresent() throws Exception {
        assertThatThrownBy(() -> TestNet.listener().tls(clientContext()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("presents a certificate");
    }
}
