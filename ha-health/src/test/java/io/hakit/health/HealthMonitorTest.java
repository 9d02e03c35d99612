package io.hakit.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.health.event.FarmHealthChanged;
import io.hakit.health.event.HealthEvent;
import io.hakit.health.event.MemberStateChanged;
import io.hakit.health.testing.TestHttpsServer;
import io.hakit.model.HealthTest;
import io.hakit.test.ThrowawayCa;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Monitors against real HTTPS members on loopback. */
class HealthMonitorTest {

    static final ThrowawayCa CA = ThrowawayCa.create("monitor test CA");
    static final ThrowawayCa.Issued CERT = CA.issueServer("app1.hospital.test", "app2.hospital.test");
    static HealthProber prober;

    @BeforeAll
    static void start() {
        prober = HealthProber.builder().tls(t -> t.trust(CA.chain()))
                .resolver(HostResolver.mapped(Map.of("app1.hospital.test", "127.0.0.1", "app2.hospital.test", "127.0.0.2")))
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterAll
    static void stop() {
        prober.close();
    }

    static HealthTest fast(int minServers) {
        return HealthTest.builder().path("/health").interval(Duration.ofMillis(20)).timeout(Duration.ofSeconds(2))
                .minServers(minServers).build();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void flappingMemberHonoursRiseAndFall() throws Exception {
        List<MemberStateChanged> changes = new CopyOnWriteArrayList<>();
        List<ProbeResult> probes = new CopyOnWriteArrayList<>();
        try (TestHttpsServer app1 = TestHttpsServer.start("127.0.0.1", CERT.serverContext())) {
            // rise 2, fall 3: a single pass from UNKNOWN is not enough, isolated failures do not mark DOWN
            app1.script(200, 503, 200, 200, 503, 503, 200, 503, 503, 503, 503, 200, 503, 200, 200);
            MonitoredFarm farm = new MonitoredFarm("web-services", fast(1),
                    List.of(ProbeTarget.https("app1.hospital.test", app1.port())));
            try (HealthMonitor m = HealthMonitor.builder().prober(prober).profile(MonitorProfile.of(2, 3)).jitter(0)
                    .farm(farm).onMemberStateChanged(changes::add).onProbeCompleted(e -> probes.add(e.result())).build()) {
                m.start();
                await(() -> probes.size() >= 16, "16 probes");
            }
        }
        List<Integer> statuses = probes.stream().limit(15).map(ProbeResult::status).toList();
        assertThat(statuses).containsExactly(200, 503, 200, 200, 503, 503, 200, 503, 503, 503, 503, 200, 503, 200, 200);
        assertThat(changes).extracting(c -> c.from() + ">" + c.to())
                .containsExactly("UNKNOWN>UP", "UP>DOWN", "DOWN>UP");
        // UP on the 4th probe (2nd pass in a row), DOWN on the 10th (3rd failure in a row), UP on the 15th
        assertThat(changes.get(0).cause()).isSameAs(probes.get(3));
        assertThat(changes.get(1).cause()).isSameAs(probes.get(9));
        assertThat(changes.get(2).cause()).isSameAs(probes.get(14));
        assertThat(changes.get(1).cause().outcome()).isEqualTo(ProbeOutcome.STATUS_MISMATCH);
    }

    @Test
    void oneOfTwoMembersDownIsDegradedNotHealthy() throws Exception {
        List<FarmHealthChanged> events = new CopyOnWriteArrayList<>();
        try (TestHttpsServer app1 = TestHttpsServer.start("127.0.0.1", CERT.serverContext());
                TestHttpsServer app2 = TestHttpsServer.start("127.0.0.2", CERT.serverContext())) {
            MonitoredFarm farm = new MonitoredFarm("identity-server", fast(1), List.of(
                    ProbeTarget.https("app1.hospital.test", app1.port()),
                    ProbeTarget.https("app2.hospital.test", app2.port())));
            try (HealthMonitor m = HealthMonitor.builder().prober(prober).profile(MonitorProfile.ARR)
                    .farm(farm).onFarmHealthChanged(events::add).build()) {
                assertThat(m.farm("identity-server").orElseThrow().state()).isEqualTo(FarmState.UNHEALTHY);
                m.start();
                await(() -> m.farm("identity-server").orElseThrow().state() == FarmState.HEALTHY, "farm healthy");
                app2.answer(503, "down for maintenance");
                await(() -> m.farm("identity-server").orElseThrow().state() == FarmState.DEGRADED, "farm degraded");
                FarmHealth h = m.farm("identity-server").orElseThrow();
                assertThat(h.healthy()).isTrue();
                assertThat(h.upMembers()).isEqualTo(1);
            }
        }
        assertThat(events).extracting(FarmHealthChanged::state).endsWith(FarmState.HEALTHY, FarmState.DEGRADED);
        assertThat(events.get(events.size() - 1).upMembers()).isEqualTo(1);
    }

    @Test
    void farmIsUnhealthyBelowMinServers() throws Exception {
        List<HealthEvent> farmEvents = new CopyOnWriteArrayList<>();
        try (TestHttpsServer app1 = TestHttpsServer.start("127.0.0.1", CERT.serverContext());
                TestHttpsServer app2 = TestHttpsServer.start("127.0.0.2", CERT.serverContext())) {
            MonitoredFarm farm = new MonitoredFarm("identity-server", fast(2), List.of(
                    ProbeTarget.https("app1.hospital.test", app1.port()),
                    ProbeTarget.https("app2.hospital.test", app2.port())));
            try (HealthMonitor m = HealthMonitor.builder().prober(prober).profile(MonitorProfile.ARR)
                    .farm(farm).onFarmHealthChanged(farmEvents::add).build()) {
                assertThat(m.farm("identity-server").orElseThrow().healthy()).isFalse();
                assertThat(m.farm("identity-server").orElseThrow().members())
                        .extracting(MemberHealth::state).containsOnly(MemberState.UNKNOWN);
                m.start();
                await(() -> m.farm("identity-server").orElseThrow().healthy(), "farm healthy");
                app2.answer(503, "down for maintenance");
                await(() -> !m.farm("identity-server").orElseThrow().healthy(), "farm unhealthy");
                FarmHealth h = m.farm("identity-server").orElseThrow();
                assertThat(h.upMembers()).isEqualTo(1);
                assertThat(h.minServers()).isEqualTo(2);
                assertThat(h.members()).extracting(MemberHealth::state).containsExactly(MemberState.UP, MemberState.DOWN);
                assertThat(h.members().get(1).lastResult().orElseThrow().status()).isEqualTo(503);
            }
        }
        assertThat(farmEvents).hasSize(2);
        FarmHealthChanged up = (FarmHealthChanged) farmEvents.get(0);
        FarmHealthChanged down = (FarmHealthChanged) farmEvents.get(1);
        assertThat(up.healthy()).isTrue();
        assertThat(up.upMembers()).isEqualTo(2);
        assertThat(down.healthy()).isFalse();
        assertThat(down.upMembers()).isEqualTo(1);
        assertThat(down.minServers()).isEqualTo(2);
    }

    @Test
    void closeStopsProbingAndPublishesNothingMore() throws Exception {
        List<HealthEvent> events = new CopyOnWriteArrayList<>();
        try (TestHttpsServer app1 = TestHttpsServer.start("127.0.0.1", CERT.serverContext())) {
            HealthMonitor m = HealthMonitor.builder().prober(prober)
                    .farm(new MonitoredFarm("reporting", fast(1), List.of(ProbeTarget.https("app1.hospital.test", app1.port()))))
                    .onProbeCompleted(events::add)
                    .onProbeCompleted(e -> {
                        throw new IllegalStateException("a broken listener must not stop the monitor");
                    })
                    .build();
            m.start();
            await(() -> events.size() >= 3, "3 probes");
            m.close();
            assertThat(m.isClosed()).isTrue();
            int requests = app1.requests();
            int published = events.size();
            Thread.sleep(200); // ten intervals: nothing may happen in them
            assertThat(app1.requests()).isEqualTo(requests);
            assertThat(events).hasSize(published);
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                    t -> t.getName().equals("hakit-health-monitor") && t.isAlive() && !t.isDaemon());
            assertThatThrownBy(m::start).isInstanceOf(IllegalStateException.class);
            m.close(); // idempotent
        }
    }

    @Test
    void monitorOwnsADefaultProberWhenNoneIsGiven() {
        HealthMonitor m = HealthMonitor.builder()
                .farm(new MonitoredFarm("fhir", fast(1), List.of(ProbeTarget.https("127.0.0.1", 1)))).build();
        assertThat(m.profile()).isEqualTo(MonitorProfile.ARR);
        m.close();
    }

    @Test
    void misuseIsRejected() {
        assertThatThrownBy(() -> HealthMonitor.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("farm");
        assertThatThrownBy(() -> HealthMonitor.builder().jitter(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jitter");
        assertThatThrownBy(() -> MonitorProfile.of(0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rise");
        assertThatThrownBy(() -> new MonitoredFarm("x", fast(1), List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no members");
        MonitoredFarm dup = new MonitoredFarm("x", fast(1), List.of(ProbeTarget.https("a.b", 1)));
        assertThatThrownBy(() -> HealthMonitor.builder().farm(dup).farm(dup).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void vendorProfilesCarryTheirDefaults() {
        assertThat(MonitorProfile.CITRIX.fall()).isEqualTo(3);
        assertThat(MonitorProfile.CITRIX.timeout()).isLessThan(MonitorProfile.CITRIX.interval());
        assertThat(MonitorProfile.F5.timeout()).isEqualTo(MonitorProfile.F5.interval().multipliedBy(3).plusSeconds(1));
        assertThat(MonitorProfile.HAPROXY.rise()).isEqualTo(2);
        HealthTest citrix = MonitorProfile.CITRIX.applyTo(HealthTest.builder().path("/api").build());
        assertThat(citrix.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(citrix.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(citrix.path()).isEqualTo("/api");
    }
}
