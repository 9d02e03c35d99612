package io.hakit.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.health.testing.RawTlsServer;
import io.hakit.model.HealthTest;
import io.hakit.test.ThrowawayCa;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ConnectTo}: a probe of a published host and port (here 443, which a test cannot bind
 * without root) reaches a server on an ephemeral port, while SNI, the certificate check and the
 * {@code Host} header keep the published name and port.
 */
class ConnectToTest {

    static final String LB = "patientsecure.hospital.test";
    static final ThrowawayCa CA = ThrowawayCa.create("hakit connect-to test CA");
    static final HealthTest OK = HealthTest.builder().path("/").responseMatch("OK").timeout(Duration.ofSeconds(5)).build();

    @Test
    void publishedPortIsMappedWhileSniCertificateAndHostKeepThePublishedName() {
        try (RawTlsServer s = new RawTlsServer("127.0.0.1", CA.issueServer(LB).serverContext(), RawTlsServer.Mode.KEEP_ALIVE);
                HealthProber prober = proberSendingPort443To(s.port())) {
            ProbeResult r = prober.probeNow(ProbeTarget.https(LB, 443), OK);

            assertThat(r.outcome()).as(r.reason()).isEqualTo(ProbeOutcome.SUCCESS);
            assertThat(r.url()).isEqualTo("https://" + LB + ":443/");
            assertThat(s.sniNames()).containsOnly(LB);
            assertThat(s.hosts()).containsOnly(LB + ":443");
        }
    }

    @Test
    void anotherPortOfTheSameHostIsNotMapped() {
        try (RawTlsServer s = new RawTlsServer("127.0.0.1", CA.issueServer(LB).serverContext(), RawTlsServer.Mode.KEEP_ALIVE);
                HealthProber prober = proberSendingPort443To(s.port())) {
            ProbeResult r = prober.probeNow(ProbeTarget.https(LB, 8443), OK);

            assertThat(r.outcome()).isEqualTo(ProbeOutcome.UNRESOLVED);
            assertThat(s.connections()).isZero();
        }
    }

    @Test
    void certificateIsStillCheckedAgainstThePublishedName() {
        try (RawTlsServer s = new RawTlsServer("127.0.0.1", CA.issueServer("other.hospital.test").serverContext(),
                RawTlsServer.Mode.KEEP_ALIVE);
                HealthProber prober = proberSendingPort443To(s.port())) {
            ProbeResult r = prober.probeNow(ProbeTarget.https(LB, 443), OK);

            assertThat(r.passed()).isFalse();
            assertThat(r.outcome().layer()).isEqualTo(ProbeOutcome.Layer.TLS);
        }
    }

    /** A prober that trusts the CA, resolves no name, and sends the LB's port 443 to {@code port} on loopback. */
    private static HealthProber proberSendingPort443To(int port) {
        return HealthProber.builder().tls(t -> t.trust(CA.chain())).resolver(HostResolver.mapped(Map.of()))
                .connectTo(ConnectTo.parse(LB + ":443:127.0.0.1:" + port)).build();
    }

    @Test
    void parsesCurlSyntaxAndSaysWhatIsExpected() throws Exception {
        ConnectTo c = ConnectTo.parse("App1.Hospital.org:443:[::1]:8443");
        assertThat(c.host()).isEqualTo("app1.hospital.org");
        assertThat(c.port()).isEqualTo(443);
        assertThat(c.address()).isEqualTo(InetAddress.getByName("::1"));
        assertThat(c.addressPort()).isEqualTo(8443);
        assertThat(c.matches("APP1.hospital.org", 443)).isTrue();
        assertThat(c.matches("app1.hospital.org", 80)).isFalse();
        assertThat(ConnectTo.parse("a.b:80:127.0.0.1:8080")).hasToString("a.b:80:127.0.0.1:8080");

        assertThatThrownBy(() -> ConnectTo.parse("a.b:443:127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOST:PORT:ADDR:PORT");
        assertThatThrownBy(() -> ConnectTo.parse("a.b:443:somewhere.example:8443"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ADDR must be an IP address");
        assertThatThrownBy(() -> ConnectTo.parse("a.b:0:127.0.0.1:8443"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'0' is not a port");
        assertThatThrownBy(() -> HealthProber.builder().connectTo((ConnectTo) null))
                .isInstanceOf(NullPointerException.class);
    }
}
