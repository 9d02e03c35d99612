package io.hakit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.hakit.model.plan.LoadBalancerAdapter;
import io.hakit.model.spi.DeviceTarget;
import io.hakit.sim.DeviceSimulator;
import io.hakit.test.FakeAdapterProvider.FakeAdapter;
import io.hakit.test.FakeSimulatorProvider.FakeSimulator;
import java.net.HttpURLConnection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.HttpsURLConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class SimulatorExtensionTest {
    static final List<Object> SEEN = new CopyOnWriteArrayList<>();

    @BeforeEach
    void reset() {
        FakeSimulatorProvider.STARTED.clear();
        FakeSimulatorProvider.EVENTS.clear();
        SEEN.clear();
    }

    private static volatile boolean viaTestKit;

    /** @return whether a case class runs inside this test (and not on its own, e.g. by a -Dtest pattern) */
    static boolean viaTestKit() {
        return viaTestKit;
    }

    private static Events run(Class<?> testClass) {
        viaTestKit = true;
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
        } finally {
            viaTestKit = false;
        }
    }

    @CitrixSimulatorTest(user = "nsroot", password = "s3cret")
    @EnabledIf("io.hakit.test.SimulatorExtensionTest#viaTestKit")
    static class PerMethodCase {
        FakeSimulator field;
        LoadBalancerAdapter adapterField;

        @Test
        void one(FakeSimulator sim, DeviceSimulator same, FakeAdapter adapter, DeviceTarget target) {
            assertThat(same).isSameAs(sim).isSameAs(field);
            assertThat(adapter).isSameAs(adapterField);
            assertThat(adapter.target.url()).isEqualTo(sim.url());
            assertThat(target.user()).isEqualTo("nsroot");
            assertThat(new String(target.password())).isEqualTo("s3cret");
            assertThat(sim.closed).isFalse();
            SEEN.add(sim);
        }

        @Test
        void two(FakeSimulator sim) {
            assertThat(sim.settings.user()).isEqualTo("nsroot");
            SEEN.add(sim);
        }
    }

    @Test
    void perMethodStartsAFreshSimulatorForEachTestAndClosesTheAdapterThenTheSimulator() {
        run(PerMethodCase.class).assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(new HashSet<>(SEEN)).hasSize(2);
        assertThat(FakeSimulatorProvider.STARTED).hasSize(2).allSatisfy(s -> assertThat(s.closed).isTrue());
        // the adapter field is injected in both tests, so each closes an adapter, then its simulator
        assertThat(FakeSimulatorProvider.EVENTS).containsExactly("adapter closed", "simulator closed", "adapter closed",
                "simulator closed");
    }

    @CitrixSimulatorTest(lifecycle = SimulatorLifecycle.PER_CLASS)
    @EnabledIf("io.hakit.test.SimulatorExtensionTest#viaTestKit")
    static class PerClassCase {
        static FakeSimulator shared;

        @Test
        void one(FakeSimulator sim) {
            assertThat(sim).isSameAs(shared);
            SEEN.add(sim);
        }

        @Test
        void two(FakeSimulator sim) {
            assertThat(sim).isSameAs(shared);
            SEEN.add(sim);
        }
    }

    @Test
    void perClassSharesOneSimulatorAndStopsItAfterTheClass() {
        run(PerClassCase.class).assertStatistics(s -> s.started(2).succeeded(2));
        Set<Object> distinct = new HashSet<>(SEEN);
        assertThat(distinct).hasSize(1);
        assertThat(FakeSimulatorProvider.STARTED).singleElement().satisfies(s -> assertThat(s.closed).isTrue());
    }

    @CitrixSimulatorTest(tls = true)
    @EnabledIf("io.hakit.test.SimulatorExtensionTest#viaTestKit")
    static class TlsCase {
        @Test
        void servesHttpsTheTargetTrusts(DeviceTarget target) throws Exception {
            assertThat(target.url().getScheme()).isEqualTo("https");
            HttpsURLConnection c = (HttpsURLConnection) target.url().resolve("/x").toURL().openConnection();
            c.setSSLSocketFactory(target.tls().sslContext().getSocketFactory());
            assertThat(c.getResponseCode()).isEqualTo(HttpURLConnection.HTTP_NO_CONTENT);
            assertThat(target.toString()).doesNotContain("admin" + "]").contains("password hidden");
        }
    }

    @Test
    void tlsServesAThrowawayCertificateTheInjectedTargetTrusts() {
        run(TlsCase.class).assertStatistics(s -> s.started(1).succeeded(1));
    }

    @F5SimulatorTest
    @EnabledIf("io.hakit.test.SimulatorExtensionTest#viaTestKit")
    static class MissingSimulatorCase {
        @Test
        void never(DeviceTarget target) {
            SEEN.add(target);
        }
    }

    @Test
    void aMissingSimulatorModuleFailsTheTestNamingWhatToAdd() {
        Events events = run(MissingSimulatorCase.class);
        events.assertStatistics(s -> s.failed(1));
        assertThat(events.failed().stream().findFirst().orElseThrow().getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .hasMessageContaining("no SimulatorProvider for f5");
        assertThat(SEEN).isEmpty();
    }
}
