package io.hakit.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.health.testing.TestHttpsServer;
import io.hakit.model.Deployment;
import io.hakit.model.HealthTest;
import io.hakit.model.Server;
import io.hakit.model.Service;
import io.hakit.model.ServiceType;
import io.hakit.model.Vendor;
import io.hakit.test.ThrowawayCa;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The troubleshooting flow against two application servers and a load-balancer stand-in on loopback. */
class DeploymentVerifierTest {

    static final ThrowawayCa CA = ThrowawayCa.create("verify test CA");
    static final String APP1 = "app1.hospital.test";
    static final String APP2 = "app2.hospital.test";
    static final String LB = "ps.hospital.test";

    TestHttpsServer app1;
    TestHttpsServer app2;
    TestHttpsServer lb;
    HealthProber prober;
    Deployment deployment;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
            port = probe.getLocalPort();
        }
        String body = "<html>IdentityServer4 Success</html>";
        app1 = TestHttpsServer.start("127.0.0.2", port, CA.issueServer(APP1).serverContext()).answer(200, body);
        app2 = TestHttpsServer.start("127.0.0.3", port, CA.issueServer(APP2).serverContext()).answer(200, body);
        lb = TestHttpsServer.start("127.0.0.4", port, CA.issueServer(LB).serverContext()).answer(200, body);
        prober = HealthProber.builder().tls(t -> t.trust(CA.chain()))
                .resolver(HostResolver.mapped(Map.of(APP1, "127.0.0.2", APP2, "127.0.0.3", LB, "127.0.0.4")))
                .connectTimeout(Duration.ofSeconds(2)).build();
        HealthTest fast = ServiceType.WEB_SERVICES.healthTest().orElseThrow().copy(b -> b.timeout(Duration.ofSeconds(2)));
        deployment = Deployment.builder().name("verify-test")
                .loadBalancer(l -> l.vendor(Vendor.CITRIX).fqdn(LB))
                .server(Server.of(APP1)).server(Server.of(APP2))
                .service(Service.builder(ServiceType.WEB_SERVICES).port(port).healthTest(fast).build())
                .build();
    }

    @AfterEach
    void stop() {
        prober.close();
        app1.close();
        app2.close();
        lb.close();
    }

    private FarmVerdict verify(DeploymentVerifier.Mode mode) {
        VerifyReport report = DeploymentVerifier.create(prober).verify(deployment, mode);
        assertThat(report.farms()).hasSize(1);
        return report.farm("web-services").orElseThrow();
    }

    @Test
    void webServicesGetTheHealthTestAndTheDirectSuccessCheck() {
        List<HealthTest> checks = DeploymentVerifier.checks(deployment.farms().get(0));
        assertThat(checks).extracting(HealthTest::path).containsExactly("/psws/api/public/status", "/psws/api");
        assertThat(checks.get(1).responseMatch()).contains("Success");
    }

    @Test
    void everythingHealthy() {
        FarmVerdict v = verify(DeploymentVerifier.Mode.BOTH);
        assertThat(v.healthy()).isTrue();
        assertThat(v.state()).isEqualTo(FarmState.HEALTHY);
        assertThat(v.fault()).isEqualTo(Fault.NONE);
        assertThat(v.members()).extracting(m -> m.target().host()).containsExactly(APP1, APP2);
        assertThat(v.members()).allMatch(MemberCheck::up);
        assertThat(v.viaLb()).singleElement().satisfies(m -> assertThat(m.target().host()).isEqualTo(LB));
        assertThat(app1.hosts()).allMatch(h -> h.startsWith(APP1 + ":"));
        assertThat(lb.hosts()).allMatch(h -> h.startsWith(LB + ":"));
        assertThat(lb.requests()).isEqualTo(2);
    }

    @Test
    void aFailingServerIsNamedAndTheFarmStaysHealthyAboveMinServers() {
        app2.answer(503, "Service Unavailable");
        FarmVerdict v = verify(DeploymentVerifier.Mode.BOTH);
        assertThat(v.fault()).isEqualTo(Fault.APPLICATION_SERVER);
        assertThat(v.healthy()).isTrue();
        assertThat(v.state()).isEqualTo(FarmState.DEGRADED);
        assertThat(v.diagnosis()).startsWith("DEGRADED, high availability lost");
        assertThat(v.members().get(1).state()).isEqualTo(MemberState.DOWN);
        assertThat(v.members().get(1).decisive().status()).isEqualTo(503);
        assertThat(v.diagnosis()).contains("PatientSecure Web Services").contains(APP2).contains("STATUS_MISMATCH")
                .doesNotContain(APP1 + ":");
    }

    @Test
    void directPassButBalancedFailBlamesTheLoadBalancer() {
        lb.answer(502, "Bad Gateway");
        FarmVerdict v = verify(DeploymentVerifier.Mode.BOTH);
        assertThat(v.fault()).isEqualTo(Fault.LOAD_BALANCER);
        assertThat(v.healthy()).isFalse();
        assertThat(v.state()).isEqualTo(FarmState.UNHEALTHY);
        assertThat(v.diagnosis()).contains("load-balancer configuration of farm 'PatientSecure Web Services'")
                .contains(LB).contains("502");
    }

    @Test
    void allServersDownIsTheServersFaultEvenThoughTheBalancedCheckFails() {
        app1.answer(500, "boom");
        app2.answer(500, "boom");
        lb.answer(503, "no server available");
        FarmVerdict v = verify(DeploymentVerifier.Mode.BOTH);
        assertThat(v.fault()).isEqualTo(Fault.APPLICATION_SERVER);
        assertThat(v.healthy()).isFalse();
        assertThat(v.diagnosis()).contains("0 of min 1").contains(APP1).contains(APP2).contains("as a consequence");
    }

    @Test
    void missingDirectMarkerFailsTheMember() {
        app1.answer(200, "<html>blank</html>");
        FarmVerdict v = verify(DeploymentVerifier.Mode.DIRECT);
        assertThat(v.viaLb()).isEmpty();
        assertThat(lb.requests()).isZero();
        assertThat(v.members().get(0).decisive().outcome()).isEqualTo(ProbeOutcome.RESPONSE_MISMATCH);
        assertThat(v.members().get(0).decisive().url()).endsWith("/psws/api");
        assertThat(v.fault()).isEqualTo(Fault.APPLICATION_SERVER);
    }

    @Test
    void viaLbOnlyCannotTellTheLayer() {
        lb.answer(502, "Bad Gateway");
        FarmVerdict v = verify(DeploymentVerifier.Mode.VIA_LB);
        assertThat(v.members()).isEmpty();
        assertThat(app1.requests()).isZero();
        assertThat(v.fault()).isEqualTo(Fault.UNDETERMINED);
        assertThat(v.healthy()).isFalse();
    }
}
