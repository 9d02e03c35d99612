package io.hakit.health;

import static io.hakit.health.HealthMonitorTest.await;
import static io.hakit.health.HealthMonitorTest.fast;
import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.health.event.FarmHealthChanged;
import io.hakit.health.testing.TestHttpsServer;
import io.hakit.test.ThrowawayCa;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link HealthMonitor#metrics()} against real HTTPS members and a real HTTPS stand-in for
 * the load balancer's name, on loopback.
 */
class HealthMonitorMetricsTest {

    static final String APP1 = "app1.hospital.test";
    static final String APP2 = "app2.hospital.test";
    static final String LB = "patientsecure.hospital.test";
    static final ThrowawayCa CA = ThrowawayCa.create("monitor metrics test CA");
    static final ThrowawayCa.Issued CERT = CA.issueServer(APP1, APP2, LB);
    static HealthProber prober;

    @BeforeAll
    static void start() {
        prober = HealthProber.builder().tls(t -> t.trust(CA.chain()))
                .resolver(HostResolver.mapped(Map.of(APP1, "127.0.0.1", APP2, "127.0.0.2", LB, "127.0.0.3")))
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterAll
    static void stop() {
        prober.close();
    }

    @Test
    void everySeriesIsRegisteredWithItsTagsAndValues() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (TestHttpsServer app1 = TestHttpsServer.start("127.0.0.1", CERT.serverContext());
                TestHttpsServer app2 = TestHttpsServer.start("127.0.0.2", CERT.serverContext());
                TestHttpsServer lb = TestHttpsServer.start("127.0.0.3", CERT.serverContext());
                HealthMonitor m = monitor(app1, app2, lb, new CopyOnWriteArrayList<>())) {
            m.metrics().bindTo(registry);
            // before any probe: every member UNKNOWN, so the farm is UNHEALTHY and no member is up
            assertThat(farmState(registry, "UNHEALTHY")).isEqualTo(1);
            assertThat(memberUp(registry, APP1)).isZero();
            m.start();
            await(() -> m.farm("web-services").orElseThrow().state() == FarmState.HEALTHY
                    && m.farm("web-services").orElseThrow().viaLb().get(0).state() == MemberState.UP, "farm healthy");

            assertThat(farmState(registry, "HEALTHY")).isEqualTo(1);
            assertThat(farmState(registry, "DEGRADED")).isZero();
            assertThat(farmState(registry, "UNHEALTHY")).isZero();
            assertThat(registry.find("hakit.farm.state").gauges()).hasSize(3);
            assertThat(memberUp(registry, APP1)).isEqualTo(1);
            assertThat(memberUp(registry, APP2)).isEqualTo(1);
            assertThat(registry.find("hakit.member.up").tag("server", LB).gauge())
                    .as("the load balancer's name is not a member").isNull();

            Timer direct = registry.get("hakit.probe").tags("service", "web-services", "server", APP1, "path", "direct")
                    .timer();
            Timer viaLb = registry.get("hakit.probe").tags("service", "web-services", "server", LB, "path", "lb").timer();
            assertThat(direct.count()).isPositive();
            assertThat(viaLb.count()).isPositive();
            assertThat(direct.takeSnapshot().histogramCounts()).hasSize(HealthMonitor.PROBE_BUCKETS.size());
            assertThat(registry.find("hakit.probe").tag("path", "lb").tag("server", APP1).timer()).isNull();

            Counter success = registry.get("hakit.probes").tags("service", "web-services", "server", APP2,
                    "outcome", "SUCCESS").counter();
            assertThat(success.count()).isPositive();
            assertThat(registry.find("hakit.probes").tag("outcome", "CONNECTION_REFUSED").counter()).isNull();
        }
    }

    @Test
    void aMemberStoppingFlipsTheGaugesAndChangesTheFarmOnce() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        List<FarmHealthChanged> changes = new CopyOnWriteArrayList<>();
        try (TestHttpsServer app1 = TestHttpsServer.start("127.0.0.1", CERT.serverContext());
                TestHttpsServer app2 = TestHttpsServer.start("127.0.0.2", CERT.serverContext());
                HealthMonitor m = monitor(app1, app2, null, changes)) {
            m.metrics().bindTo(registry);
            m.start();
            // the event follows the gauge (the monitor updates its state, then publishes): wait for both
            await(() -> farmState(registry, "HEALTHY") == 1 && !changes.isEmpty()
                    && changes.get(changes.size() - 1).state() == FarmState.HEALTHY, "farm healthy");
            int before = changes.size(); // the start's UNHEALTHY -> DEGRADED -> HEALTHY

            app2.close();
            await(() -> farmState(registry, "DEGRADED") == 1, "farm degraded");
            assertThat(farmState(registry, "HEALTHY")).isZero();
            assertThat(farmState(registry, "UNHEALTHY")).isZero();
            assertThat(memberUp(registry, APP1)).isEqualTo(1);
            assertThat(memberUp(registry, APP2)).isZero();
            Counter refused = registry.get("hakit.probes").tags("server", APP2, "outcome", "CONNECTION_REFUSED").counter();
            double atChange = refused.count();
            // more failing probes of the stopped member: the farm stays DEGRADED and changes no more
            await(() -> refused.count() >= atChange + 3, "three more refused probes");
            assertThat(changes.subList(before, changes.size())).extracting(FarmHealthChanged::state)
                    .containsExactly(FarmState.DEGRADED);
        }
    }

    @Test
    void aFailingCheckThroughTheLoadBalancerMakesTheFarmUnhealthy() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (TestHttpsServer app1 = TestHttpsServer.start("127.0.0.1", CERT.serverContext());
                TestHttpsServer app2 = TestHttpsServer.start("127.0.0.2", CERT.serverContext());
                TestHttpsServer lb = TestHttpsServer.start("127.0.0.3", CERT.serverContext());
                HealthMonitor m = monitor(app1, app2, lb, new CopyOnWriteArrayList<>())) {
            lb.answer(503, "no service group member");
            m.metrics().bindTo(registry);
            m.start();
            await(() -> registry.find("hakit.probes").tags("server", LB, "outcome", "STATUS_MISMATCH").counter() != null
                    && m.farm("web-services").orElseThrow().upMembers() == 2, "members up, LB failing");

            assertThat(farmState(registry, "UNHEALTHY")).isEqualTo(1);
            assertThat(farmState(registry, "HEALTHY")).isZero();
            assertThat(memberUp(registry, APP1)).isEqualTo(1);
            assertThat(m.farm("web-services").orElseThrow().healthy()).isFalse();
        }
    }

    private static HealthMonitor monitor(TestHttpsServer app1, TestHttpsServer app2, TestHttpsServer lb,
            List<FarmHealthChanged> changes) {
        MonitoredFarm farm = new MonitoredFarm("web-services", fast(1),
                List.of(ProbeTarget.https(APP1, app1.port()), ProbeTarget.https(APP2, app2.port())),
                lb == null ? List.of() : List.of(ProbeTarget.https(LB, lb.port())));
        return HealthMonitor.builder().prober(prober).profile(MonitorProfile.ARR).jitter(0).deployment("ps-test")
                .farm(farm).onFarmHealthChanged(changes::add).build();
    }

    private static double farmState(MeterRegistry registry, String state) {
        return registry.get("hakit.farm.state").tags("deployment", "ps-test", "service", "web-services", "state", state)
                .gauge().value();
    }

    private static double memberUp(MeterRegistry registry, String server) {
        return registry.get("hakit.member.up").tags("deployment", "ps-test", "service", "web-services", "server", server)
                .gauge().value();
    }
}
