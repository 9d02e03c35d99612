package io.hakit.health;

import io.hakit.model.tls.TlsSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.health.testing.RawTlsServer;
import io.hakit.health.testing.TestHttpsServer;
import io.hakit.model.HealthTest;
import io.hakit.model.StatusCodes;
import io.hakit.test.ThrowawayCa;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Probes against real HTTPS servers on loopback, with certificates made in the test. */
class HealthProberTest {

    static final String APP1 = "app1.hospital.test";
    static final ThrowawayCa CA = ThrowawayCa.create("hakit health test CA");
    static final ThrowawayCa.Issued APP1_CERT = CA.issueServer(APP1);
    static final HealthTest IDENTITY = HealthTest.builder().path("/identityserver")
            .statusCodes(StatusCodes.range(200, 399)).responseMatch("IdentityServer4")
            .timeout(Duration.ofMillis(700)).build();

    static HealthProber prober;

    @BeforeAll
    static void start() {
        prober = HealthProber.builder()
                .tls(t -> t.trust(CA.chain()))
                .resolver(HostResolver.mapped(Map.of(APP1, "127.0.0.1", "other.hospital.test", "127.0.0.1")))
                .connectTimeout(Duration.ofMillis(700))
                .build();
    }

    @AfterAll
    static void stop() {
        prober.close();
    }

    private static ProbeResult probe(int port, HealthTest test) {
        return prober.probeNow(ProbeTarget.https(APP1, port), test);
    }

    @Test
    void healthyMemberPasses() {
        try (TestHttpsServer s = TestHttpsServer.start("127.0.0.1", APP1_CERT.serverContext())
                .answer(200, "<html>IdentityServer4 is running</html>")) {
            ProbeResult r = probe(s.port(), IDENTITY);
            assertThat(r.outcome()).isEqualTo(ProbeOutcome.SUCCESS);
            assertThat(r.passed()).isTrue();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.url()).isEqualTo("https://" + APP1 + ":" + s.port() + "/identityserver");
            assertThat(s.hosts()).containsExactly(APP1 + ":" + s.port());
            assertThat(s.methods()).containsExactly("GET");
        }
    }

    @Test
    void matchAfterManyKilobytesOfBodyIsFound() {
        String body = "x".repeat(40_000) + " IdentityServer4";
        try (TestHttpsServer s = TestHttpsServer.start("127.0.0.1", APP1_CERT.serverContext()).answer(200, body)) {
            ProbeResult r = probe(s.port(), IDENTITY);
            assertThat(r.outcome()).as(r.reason()).isEqualTo(ProbeOutcome.SUCCESS);
        }
    }

    @Test
    void matchBeyondTheBodyLimitIsAMismatchThatSaysHowMuchWasRead() {
        String body = "x".repeat(HealthProber.DEFAULT_MAX_BODY_BYTES + 10) + " IdentityServer4";
        try (TestHttpsServer s = TestHttpsServer.start("127.0.0.1", APP1_CERT.serverContext()).answer(200, body)) {
            ProbeResult r = probe(s.port(), IDENTITY);
            assertThat(r.outcome()).isEqualTo(ProbeOutcome.RESPONSE_MISMATCH);
            assertThat(r.reason()).contains("first " + HealthProber.DEFAULT_MAX_BODY_BYTES + " bytes read");
        }
    }

    @Test
    void wrongStatusIsAStatusMismatch() {
        try (TestHttpsServer s = TestHttpsServer.start("127.0.0.1", APP1_CERT.serverContext())
                .answer(503, "IdentityServer4 is down")) {
            ProbeResult r = probe(s.port(), IDENTITY);
            assertThat(r.outcome()).isEqualTo(ProbeOutcome.STATUS_MISMATCH);
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.reason()).isEqualTo("status 503 is not in 200-399");
        }
    }

    @Test
    void responseMatchIsCaseSensitiveLikeArr() {
        try (TestHttpsServer s = TestHttpsServer.start("127.0.0.1", APP1_CERT.serverContext())
                .answer(200, "identityserver4 (lower case)")) {
            ProbeResult r = probe(s.port(), IDENTITY);
            assertThat(r.outcome()).isEqualTo(ProbeOutcome.RESPONSE_MISMATCH);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.reason()).contains("does not contain 'IdentityServer4'").contains("case-sensitive");
        }
    }

    @Test
    void missingResponseMatchFailsOnEmptyBody() {
        try (TestHttpsServer s = TestHttpsServer.start("127.0.0.1", APP1_CERT.serverContext()).answer(200, "")) {
            assertThat(probe(s.port(), IDENTITY).outcome()).isEqualTo(ProbeOutcome.RESPONSE_MISMATCH);
        }
    }

    @Test
    void slowResponsePastTheTimeoutIsAResponseTimeout() {
        try (TestHttpsServer s = TestHttpsServer.start("127.0.0.1", APP1_CERT.serverContext())
                .answer(200, "IdentityServer4", Duration.ofSeconds(3))) {
            ProbeResult r = probe(s.port(), IDENTITY);
            assertThat(r.outcome()).isEqualTo(ProbeOutcome.RESPONSE_TIMEOUT);
            assertThat(r.status()).isZero();
            assertThat(r.reason()).contains("700 ms");
        }
    }

    @Test
    void stallAfterTheRequestIsAResponseTimeoutNotAConnectTimeout() {
        try (RawTlsServer s = new RawTlsServer("127.0.0.1", APP1_CERT.serverContext(),
                RawTlsServer.Mode.STALL_AFTER_REQUEST)) {
            assertThat(probe(s.port(), IDENTITY).outcome()).isEqualTo(ProbeOutcome.RESPONSE_TIMEOUT);
        }
    }

    @Test
    void stallBeforeTheHandshakeIsAConnectTimeout() {
        try (RawTlsServer s = new RawTlsServer("127.0.0.1", APP1_CERT.serverContext(),
                RawTlsServer.Mode.STALL_BEFORE_HANDSHAKE)) {
            ProbeResult r = probe(s.port(), IDENTITY);
            assertThat(r.outcome()).isEqualTo(ProbeOutcome.CONNECT_TIMEOUT);
            assertThat(r.outcome().layer()).isEqualTo(ProbeOutcome.Layer.NETWORK);
        }
    }

    @Test
    void connectionResetIsReported() {
        try (RawTlsServer s = new RawTlsServer("127.0.0.1", APP1_CERT.serverContext(),
                RawTlsServer.Mode.RESET_AFTER_REQUEST)) {
            ProbeResult r = probe(s.port(), IDENTITY);
            assertThat(r.outcome()).isEqualTo(ProbeOutcome.CONNECTION_RESET);
            assertThat(r.status()).isZero();
        }
    }

    @Test
    void refusedPortIsReported() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        ProbeResult r = probe(port, IDENTITY);
        assertThat(r.outcome()).isEqualTo(ProbeOutcome.CONNECTION_REFUSED);
        assertThat(r.reason()).isEqualTo("connection refused by " + APP1 + ":" + port + " at 127.0.0.1");
    }

    @Test
    void expiredCertificateIsReportedAsExpired() {
        ThrowawayCa.Issued expired = CA.issue(c -> c.commonName(APP1).dnsNames(APP1).expired(Duration.ofDays(3)));
        try (TestHttpsServer s = TestHttpsServer.start("127.0.0.1", expired.serverContext())) {
            ProbeResult r = probe(s.port(), IDENTITY);
            assertThat(r.outcome()).isEqualTo(ProbeOutcome.CERTIFICATE_EXPIRED);
            assertThat(r.reason()).contains("CN=" + APP1).contains("expired on");
        }
    }

    @Test
    void notYetValidCertificateIsReported() {
        ThrowawayCa.Issued future = CA.issue(c -> c.commonName(APP1).dnsNames(APP1).notYetValid(Duration.ofDays(3)));
        try (TestHttpsServer s = TestHttpsServer.start("127.0.0.1", future.serverContext())) {
            assertThat(probe(s.port(), IDENTITY).outcome()).isEqualTo(ProbeOutcome.CERTIFICATE_NOT_YET_VALID);
        }
    }

    @Test
    void certificateForAnotherNameIsReportedAsWrongName() {
        ThrowawayCa.Issued other = CA.issueServer("other.hospital.test");
        try (TestHttpsServer s = TestHttpsServer.start("127.0.0.1", other.serverContext())) {
            ProbeResult r = probe(s.port(), IDENTITY);
            assertThat(r.outcome()).isEqualTo(ProbeOutcome.CERTIFICATE_WRONG_NAME);
            assertThat(r.reason()).contains(APP1).contains("other.hospital.test");
        }
    }

    @Test
    void untrustedCaIsReportedAsUntrusted() {
        ThrowawayCa stranger = ThrowawayCa.create("stranger CA");
        try (TestHttpsServer s = TestHttpsServer.start("127.0.0.1", stranger.issueServer(APP1).serverContext())) {
            ProbeResult r = probe(s.port(), IDENTITY);
            assertThat(r.outcome()).isEqualTo(ProbeOutcome.CERTIFICATE_UNTRUSTED);
            assertThat(r.reason()).contains("CN=stranger CA").contains("does not chain to a trusted CA");
        }
    }

    @Test
    void selfSignedCertificateIsUntrusted() {
        ThrowawayCa.Issued self = ThrowawayCa.selfSigned(c -> c.commonName(APP1).dnsNames(APP1));
        try (TestHttpsServer s = TestHttpsServer.start("127.0.0.1", self.serverContext())) {
            assertThat(probe(s.port(), IDENTITY).outcome()).isEqualTo(ProbeOutcome.CERTIFICATE_UNTRUSTED);
        }
    }

    @Test
    void unknownNameIsUnresolvedWithoutTouchingDns() {
        ProbeResult r = prober.probeNow(ProbeTarget.https("nowhere.hospital.test", 7001), IDENTITY);
        assertThat(r.outcome()).isEqualTo(ProbeOutcome.UNRESOLVED);
        assertThat(r.reason()).isEqualTo("cannot resolve nowhere.hospital.test");
    }

    @Test
    void resolvedNameKeepsTheFqdnForSniAndHostAndReusesTheConnection() {
        try (RawTlsServer s = new RawTlsServer("127.0.0.1", APP1_CERT.serverContext(), RawTlsServer.Mode.KEEP_ALIVE)) {
            HealthTest ok = IDENTITY.copy(b -> b.responseMatch("OK"));
            for (int i = 0; i < 6; i++) {
                assertThat(probe(s.port(), ok).outcome()).isEqualTo(ProbeOutcome.SUCCESS);
            }
            assertThat(s.sniNames()).containsOnly(APP1);
            assertThat(s.hosts()).containsOnly(APP1 + ":" + s.port()).hasSize(6);
            // keep-alive: connections are reused (at most one per pooled slot is opened)
            assertThat(s.connections()).isLessThanOrEqualTo(HealthProber.DEFAULT_MAX_CONNECTIONS_PER_TARGET);
        }
    }

    @Test
    void headRequestsAreSent() {
        try (TestHttpsServer s = TestHttpsServer.start("127.0.0.1", APP1_CERT.serverContext()).answer(200, "")) {
            ProbeResult r = probe(s.port(), HealthTest.builder().method("HEAD").path("/").build());
            assertThat(r.outcome()).isEqualTo(ProbeOutcome.SUCCESS);
            assertThat(s.methods()).containsExactly("HEAD");
        }
    }

    @Test
    void clientCertificateIsPresentedWhenConfigured() {
        ThrowawayCa clientCa = ThrowawayCa.create("client CA");
        ThrowawayCa.Issued client = clientCa.issue(c -> c.commonName("hakit-probe").serverAuth(false).clientAuth(true));
        try (TestHttpsServer s = TestHttpsServer.startWithClientAuth("127.0.0.1",
                APP1_CERT.context(clientCa.trustStore())).answer(200, "IdentityServer4");
                HealthProber withCert = HealthProber.builder()
                        .tls(t -> t.trust(CA.chain()).clientCertificate(client.privateKey(), client.chain().certificates()))
                        .resolver(HostResolver.mapped(Map.of(APP1, "127.0.0.1"))).build()) {
            assertThat(withCert.probeNow(ProbeTarget.https(APP1, s.port()), IDENTITY).outcome())
                    .isEqualTo(ProbeOutcome.SUCCESS);
            ProbeResult without = probe(s.port(), IDENTITY);
            assertThat(without.passed()).isFalse();
            assertThat(without.outcome().layer()).isIn(ProbeOutcome.Layer.TLS, ProbeOutcome.Layer.NETWORK);
        }
    }

    @Test
    void closedProberReportsCancelledInsteadOfThrowing() {
        HealthProber p = HealthProber.builder().resolver(HostResolver.mapped(Map.of())).build();
        p.close();
        ProbeResult r = p.probeNow(ProbeTarget.https("127.0.0.1", 1), IDENTITY);
        assertThat(r.outcome()).as(r.reason()).isEqualTo(ProbeOutcome.CANCELLED);
    }

    @Test
    void builderMisuseNamesTheField() {
        assertThatThrownBy(() -> HealthProber.builder().connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> HealthProber.builder().ioThreads(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ioThreads");
        assertThatThrownBy(() -> HealthProber.builder().resolver(null))
                .isInstanceOf(NullPointerException.class).hasMessage("resolver");
        assertThatThrownBy(() -> prober.probe(null, IDENTITY)).isInstanceOf(NullPointerException.class).hasMessage("target");
        assertThatThrownBy(() -> ProbeTarget.https(APP1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
        assertThatThrownBy(() -> TlsSettings.builder().platformTrust(false).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("platformTrust");
        assertThat(List.of(ProbeOutcome.values())).filteredOn(ProbeOutcome::isSuccess).containsExactly(ProbeOutcome.SUCCESS);
    }
}
