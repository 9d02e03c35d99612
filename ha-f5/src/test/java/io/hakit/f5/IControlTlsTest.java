package io.hakit.f5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.f5.sim.F5Simulator;
import io.hakit.model.TransportException;
import io.hakit.model.tls.TlsSettings;
import io.hakit.test.ConfigureSimulator;
import io.hakit.test.F5SimulatorTest;
import io.hakit.test.ThrowawayCa;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** TLS to the iControl REST address is verified (chain and host name); skipping it is one explicit opt-in. */
@F5SimulatorTest
class IControlTlsTest {

    private static final ThrowawayCa CA = ThrowawayCa.create("Device CA");

    private static void serve(F5Simulator.Builder bigip, ThrowawayCa.Issued cert) {
        bigip.tls(cert.chain().certificates().toArray(new X509Certificate[0]), cert.privateKey());
    }

    /** The simulator presents a certificate from the CA for another name. */
    @Nested
    class CertificateForAnotherName {

        @ConfigureSimulator
        static void simulator(F5Simulator.Builder bigip) {
            serve(bigip, CA.issueServer("bigip.hospital.org"));
        }

        @Test
        void tlsIsVerifiedUntrustedAndWrongNameAreRefused(F5Simulator sim) {
            try (IControlClient c = IControlClient.builder().url(sim.url()).credentials("admin", "admin").build()) {
                assertThatThrownBy(() -> c.get("/mgmt/tm/sys/version")).isInstanceOf(TransportException.class)
                        .hasMessageContaining("not trusted");
            }
            try (IControlClient c = IControlClient.builder().url(sim.url()).credentials("admin", "admin")
                    .tls(TlsSettings.builder().trust(CA.chain()).build()).build()) {
                assertThatThrownBy(() -> c.get("/mgmt/tm/sys/version")).isInstanceOf(TransportException.class)
                        .hasMessageContaining("does not match");
            }
        }
    }

    /** The simulator presents a certificate from the CA for its address, 127.0.0.1. */
    @Nested
    class CertificateForTheAddress {

        @ConfigureSimulator
        static void simulator(F5Simulator.Builder bigip) {
            serve(bigip, CA.issue(s -> s.commonName("127.0.0.1").ipAddresses("127.0.0.1").dnsNames("localhost")));
        }

        @Test
        void tlsIsVerifiedACertificateFromTheTrustedCaForTheAddressIsAccepted(F5Simulator sim) {
            try (IControlClient c = IControlClient.builder().url(sim.url()).credentials("admin", "admin")
                    .tls(TlsSettings.builder().trust(CA.chain()).build()).build()) {
                assertThat(c.get("/mgmt/tm/sys/version").toString()).contains("version");
            }
        }
    }

    /** The simulator presents a certificate from a CA nobody trusts, for another name. */
    @Nested
    class SelfMadeCertificate {

        @ConfigureSimulator
        static void simulator(F5Simulator.Builder bigip) {
            serve(bigip, ThrowawayCa.create("Unknown CA").issueServer("some-other-box.example"));
        }

        @Test
        void skippingVerificationIsOnlyTheExplicitInsecureOptIn(F5Simulator sim) {
            try (IControlClient c = IControlClient.builder().url(sim.url()).credentials("admin", "admin")
                    .insecureSkipVerify(false).build()) {
                assertThatThrownBy(() -> c.get("/mgmt/tm/sys/version")).isInstanceOf(TransportException.class)
                        .hasMessageContaining("not trusted");
            }
            try (IControlClient c = IControlClient.builder().url(sim.url()).credentials("admin", "admin")
                    .insecureSkipVerify(true).build()) {
                assertThat(c.get("/mgmt/tm/sys/version").toString()).contains("version");
            }
        }
    }
}
