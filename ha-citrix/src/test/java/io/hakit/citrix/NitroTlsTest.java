package io.hakit.citrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.model.tls.TlsSettings;
import io.hakit.model.TransportException;
import io.hakit.test.CitrixSimulatorTest;
import io.hakit.test.ConfigureSimulator;
import io.hakit.test.ThrowawayCa;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** TLS to the management address is verified: chain and host name. */
@CitrixSimulatorTest
class NitroTlsTest {

    private static final ThrowawayCa CA = ThrowawayCa.create("hakit test management CA");

    private static void serve(CitrixSimulator.Builder sim, ThrowawayCa.Issued cert) {
        sim.tls(cert.chain().certificates().toArray(new X509Certificate[0]), cert.privateKey());
    }

    private static NitroClient client(CitrixSimulator sim, TlsSettings tls) {
        return NitroClient.builder().url(sim.url()).credentials("admin", "admin").tls(tls)
                .connectTimeout(Duration.ofSeconds(2)).responseTimeout(Duration.ofSeconds(5)).build();
    }

    /** The simulator presents a certificate from the CA for its address, 127.0.0.1. */
    @Nested
    class CertificateForTheAddress {

        @ConfigureSimulator
        static void simulator(CitrixSimulator.Builder sim) {
            serve(sim, CA.issueServer("127.0.0.1"));
        }

        @Test
        void aCertificateSignedByTheGivenCaForTheAddressIsAccepted(CitrixSimulator sim) {
            try (NitroClient c = client(sim, TlsSettings.builder().trust(CA.chain()).build())) {
                assertThat(sim.url().getScheme()).isEqualTo("https");
                assertThat(c.list("server")).isEmpty();
            }
        }

        @Test
        void anUntrustedCertificateIsRefused(CitrixSimulator sim) {
            try (NitroClient c = client(sim, TlsSettings.defaults())) {
                assertThatThrownBy(() -> c.list("server")).isInstanceOf(TransportException.class)
                        .hasMessageContaining("not trusted").hasMessageContaining("--ca");
                assertThat(sim.requests()).isEmpty();
            }
        }
    }

    /** The simulator presents a certificate from the CA for another name. */
    @Nested
    class CertificateForAnotherName {

        @ConfigureSimulator
        static void simulator(CitrixSimulator.Builder sim) {
            serve(sim, CA.issueServer("adc.elsewhere.org"));
        }

        @Test
        void aCertificateForAnotherNameIsRefused(CitrixSimulator sim) {
            try (NitroClient c = client(sim, TlsSettings.builder().trust(CA.chain()).build())) {
                assertThatThrownBy(() -> c.list("server")).isInstanceOf(TransportException.class)
                        .hasMessageContaining("127.0.0.1").hasMessageContaining("does not name");
                assertThat(sim.requests()).isEmpty();
            }
        }
    }
}
