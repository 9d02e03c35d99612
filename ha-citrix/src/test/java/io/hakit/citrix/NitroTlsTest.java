package io.hakit.citrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.model.tls.TlsSettings;
import io.hakit.model.TransportException;
import io.hakit.test.ThrowawayCa;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** TLS to the management address is verified: chain and host name. */
class NitroTlsTest {

    private static final ThrowawayCa CA = ThrowawayCa.create("hakit test management CA");

    private static CitrixSimulator simWith(ThrowawayCa.Issued cert) {
        return CitrixSimulator.builder().tls(cert.chain().certificates().toArray(new X509Certificate[0]),
                cert.privateKey()).start();
    }

    private static NitroClient client(CitrixSimulator sim, TlsSettings tls) {
        return NitroClient.builder().url(sim.url()).credentials("admin", "admin").tls(tls)
                .connectTimeout(Duration.ofSeconds(2)).responseTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void aCertificateSignedByTheGivenCaForTheAddressIsAccepted() {
        try (CitrixSimulator sim = simWith(CA.issueServer("127.0.0.1"));
                NitroClient c = client(sim, TlsSettings.builder().trust(CA.chain()).build())) {
            assertThat(sim.url().getScheme()).isEqualTo("https");
            assertThat(c.list("server")).isEmpty();
        }
    }

    @Test
    void anUntrustedCertificateIsRefused() {
        try (CitrixSimulator sim = simWith(CA.issueServer("127.0.0.1"));
                NitroClient c = client(sim, TlsSettings.defaults())) {
            assertThatThrownBy(() -> c.list("server")).isInstanceOf(TransportException.class)
                    .hasMessageContaining("not trusted").hasMessageContaining("--ca");
            assertThat(sim.requests()).isEmpty();
        }
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        try (CitrixSimulator sim = simWith(CA.issueServer("adc.elsewhere.org"));
                NitroClient c = client(sim, TlsSettings.builder().trust(CA.chain()).build())) {
            assertThatThrownBy(() -> c.list("server")).isInstanceOf(TransportException.class)
                    .hasMessageContaining("127.0.0.1").hasMessageContaining("does not name");
            assertThat(sim.requests()).isEmpty();
        }
    }
}
