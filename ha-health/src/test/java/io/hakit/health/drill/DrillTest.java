package io.hakit.health.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.health.HealthProber;
import io.hakit.health.HostResolver;
import io.hakit.health.testing.TestHttpsServer;
import io.hakit.model.Deployment;
import io.hakit.model.DeviceException;
import io.hakit.model.HealthTest;
import io.hakit.model.Server;
import io.hakit.model.Service;
import io.hakit.model.ServiceType;
import io.hakit.model.Vendor;
import io.hakit.test.ThrowawayCa;
import io.hakit.model.ops.DeviceMember;
import io.hakit.model.ops.DrainOptions;
import io.hakit.model.ops.DrainResult;
import io.hakit.model.ops.MemberChange;
import io.hakit.model.ops.MemberOperations;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The drill against two application servers and a load-balancer stand-in on loopback, over in-memory member
 * operations that stand for a device. Each window is one round of probes ({@code duration 0}): nothing is timed.
 */
class DrillTest {

    static final ThrowawayCa CA = ThrowawayCa.create("drill test CA");
    static final String APP1 = "app1.hospital.test";
    static final String APP2 = "app2.hospital.test";
    static final String LB = "ps.hospital.test";
    static final String BODY = "<html>IdentityServer4 Success</html>";

    TestHttpsServer app1;
    TestHttpsServer app2;
    TestHttpsServer lb;
    HealthProber.Builder probers;
    Deployment deployment;
    FakeDevice device;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
            port = probe.getLocalPort();
        }
        app1 = TestHttpsServer.start("127.0.0.2", port, CA.issueServer(APP1).serverContext()).answer(200, BODY);
        app2 = TestHttpsServer.start("127.0.0.3", port, CA.issueServer(APP2).serverContext()).answer(200, BODY);
        lb = TestHttpsServer.start("127.0.0.4", port, CA.issueServer(LB).serverContext()).answer(200, BODY);
        probers = HealthProber.builder().tls(t -> t.trust(CA.chain()))
                .resolver(HostResolver.mapped(Map.of(APP1, "127.0.0.2", APP2, "127.0.0.3", LB, "127.0.0.4")))
                .connectTimeout(Duration.ofSeconds(2));
        HealthTest fast = ServiceType.WEB_SERVICES.healthTest().orElseThrow()
                .copy(b -> b.timeout(Duration.ofSeconds(2)));
        deployment = Deployment.builder().name("drill-test")
                .loadBalancer(l -> l.vendor(Vendor.CITRIX).fqdn(LB))
                .server(Server.of(APP1)).server(Server.of(APP2))
                .service(Service.builder(ServiceType.WEB_SERVICES).port(port).healthTest(fast).build())
                .build();
        device = new FakeDevice(port);
    }

    @AfterEach
    void stop() {
        app1.close();
        app2.close();
        lb.close();
    }

    private Drill drill(Consumer<Drill.Builder> change) {
        Drill.Builder b = Drill.builder().deployment(deployment).operations(device).probers(probers::build)
                .duration(Duration.ZERO).interval(Duration.ZERO).drainWait(Duration.ZERO)
                .poll(Duration.ofMillis(20)).healthyWait(Duration.ofSeconds(10));
        change.accept(b);
        return b.build();
    }

    @Test
    void eachServerInTurnIsDrainedProbedEnabledAndTheOtherServesEveryProbe() {
        List<DrillEvent> heard = new ArrayList<>();
        DrillReport r = drill(b -> b.listener(heard::add)).run();

        assertThat(r.verdict()).isEqualTo(DrillReport.Verdict.PASSED);
        assertThat(r.restored()).isTrue();
        assertThat(r.message()).isEmpty();
        assertThat(device.calls).containsExactly("drain " + APP1, "enable " + APP1, "drain " + APP2, "enable " + APP2);
        assertThat(r.steps()).extracting(DrillStep::server).containsExactly(APP1, APP2);
        DrillStep first = r.steps().get(0);
        assertThat(first.drained()).isTrue();
        assertThat(first.enabled()).isTrue();
        assertThat(first.failed()).isZero();
        assertThat(first.probes()).isPositive();
        assertThat(first.servedBy()).containsExactly(Map.entry(APP2, first.probes()));
        assertThat(first.healthyAfterMs()).isNotNegative();
        assertThat(r.steps().get(1).servedBy()).containsOnlyKeys(APP1);
        assertThat(r.steps().get(1).hl7()).isZero();
        assertThat(heard).isEqualTo(r.timeline());
        assertThat(r.timeline()).extracting(DrillEvent::text).anyMatch(t -> t.startsWith("drained"))
                .anyMatch(t -> t.startsWith("every farm HEALTHY"));
        assertThat(lb.hosts()).isNotEmpty().allMatch(h -> h.startsWith(LB + ":"));
    }

    @Test
    void aFailedProbeFailsTheDrillEnablesTheServerAndStops() {
        device.onDrain = server -> lb.answer(503, "no member left");
        device.onEnable = server -> lb.answer(200, BODY);

        DrillReport r = drill(b -> { }).run();

        assertThat(r.verdict()).isEqualTo(DrillReport.Verdict.FAILED);
        assertThat(r.restored()).isTrue();
        assertThat(r.steps()).singleElement().satisfies(s -> {
            assertThat(s.server()).isEqualTo(APP1);
            assertThat(s.failed()).isEqualTo(s.probes()).isPositive();
            assertThat(s.enabled()).isTrue();
            assertThat(s.failures()).singleElement().asString().contains("503");
        });
        assertThat(r.message()).contains("probes failed while " + APP1 + " was drained");
        assertThat(device.calls).containsExactly("drain " + APP1, "enable " + APP1);
        assertThat(device.states()).isEqualTo(device.initial);
    }

    @Test
    void aDeviceFailureOnEnableIsRestoredAndTheReportSaysSo() {
        device.failEnables = 1;

        DrillReport r = drill(b -> { }).run();

        assertThat(r.verdict()).isEqualTo(DrillReport.Verdict.FAILED);
        assertThat(r.message()).contains("the device failed");
        assertThat(device.calls).containsExactly("drain " + APP1, "enable " + APP1, "enable " + APP1);
        assertThat(r.timeline()).extracting(DrillEvent::text).contains("restored: enabled again");
        assertThat(r.restored()).isTrue();
        assertThat(device.states()).isEqualTo(device.initial);
    }

    @Test
    void restoredIsFalseWhenTheDeviceIsNotAsItWas() {
        device.enableDoesNothing = true;

        DrillReport r = drill(b -> b.healthyWait(Duration.ofMillis(200))).run();

        assertThat(r.verdict()).isEqualTo(DrillReport.Verdict.FAILED);
        assertThat(r.restored()).isFalse();
        assertThat(r.timeline()).extracting(DrillEvent::text)
                .anyMatch(t -> t.startsWith("member states read back differ"));
    }

    @Test
    void aHealthyWaitNoLongerThanThePollChecksOnce() {
        DrillReport r = drill(b -> b.healthyWait(Duration.ZERO)).run();

        assertThat(r.verdict()).isEqualTo(DrillReport.Verdict.PASSED);
        assertThat(r.steps()).allSatisfy(s -> assertThat(s.healthyAfterMs()).isNotNegative());
    }

    @Test
    void aDegradedFarmStopsTheDrillBeforeAnythingChanges() {
        app2.answer(503, "down for patching");

        DrillReport r = drill(b -> { }).run();

        assertThat(r.verdict()).isEqualTo(DrillReport.Verdict.FAILED);
        assertThat(r.restored()).isTrue();
        assertThat(device.calls).isEmpty();
        assertThat(r.steps()).singleElement().satisfies(s -> {
            assertThat(s.drained()).isFalse();
            assertThat(s.probes()).isZero();
        });
        assertThat(r.message()).contains("not every farm is HEALTHY before draining " + APP1).contains("nothing changed");
    }

    @Test
    void aProbeAnsweredWhileTheDrainedServerIsStillEnabledCountsAsFailed() {
        device.drainDoesNothing = true;

        DrillReport r = drill(b -> { }).run();

        assertThat(r.verdict()).isEqualTo(DrillReport.Verdict.FAILED);
        DrillStep s = r.steps().get(0);
        assertThat(s.failed()).isEqualTo(s.probes()).isPositive();
        assertThat(s.servedBy()).isEmpty();
        assertThat(s.failures()).singleElement().asString().contains(APP1 + " served it");
    }

    @Test
    void aRefusedDrainChangesNothing() {
        device.refuse = true;

        DrillReport r = drill(b -> { }).run();

        assertThat(r.verdict()).isEqualTo(DrillReport.Verdict.FAILED);
        assertThat(r.restored()).isTrue();
        assertThat(r.message()).startsWith("drain refused");
        assertThat(device.calls).containsExactly("drain " + APP1);
    }

    @Test
    void anHl7TestMessageIsSentOncePerServerAndARejectionFails() {
        List<String> sent = new ArrayList<>();
        DrillReport ok = drill(b -> b.hl7(() -> {
            sent.add("msg");
            return Optional.empty();
        })).run();
        assertThat(ok.passed()).isTrue();
        assertThat(sent).hasSize(2);
        assertThat(ok.steps()).allSatisfy(s -> assertThat(s.hl7()).isEqualTo(1));

        DrillReport nak = drill(b -> b.hl7(() -> Optional.of("AR: no such patient"))).run();
        assertThat(nak.verdict()).isEqualTo(DrillReport.Verdict.FAILED);
        assertThat(nak.steps().get(0).failures()).anyMatch(f -> f.contains("AR: no such patient"));
        assertThat(nak.restored()).isTrue();
    }

    @Test
    void restoreFromAnotherThreadEnablesWhatTheDrillDrained() {
        Drill d = drill(b -> { });
        // a drill interrupted between drain and enable: restore() is what the CLI's shutdown hook calls
        device.afterDrain = d::restore;
        DrillReport r = d.run();
        assertThat(device.calls).startsWith("drain " + APP1, "enable " + APP1);
        assertThat(r.steps().get(0).failures()).anyMatch(f -> f.contains(APP1 + " served it"));
        assertThat(r.restored()).isTrue();
        assertThat(device.states()).isEqualTo(device.initial);
    }

    /** In-memory member operations with a call log and scripted faults. */
    static final class FakeDevice implements MemberOperations {
        final List<String> calls = new ArrayList<>();
        final List<DeviceMember> members = new ArrayList<>();
        final List<String> initial;
        Consumer<String> onDrain;
        Consumer<String> onEnable;
        Runnable afterDrain;
        int failEnables;
        boolean enableDoesNothing;
        boolean drainDoesNothing;
        boolean refuse;

        FakeDevice(int port) {
            for (String s : List.of(APP1, APP2)) {
                members.add(new DeviceMember("web-services", "sg_web", s, port, false, DeviceMember.State.ENABLED,
                        true, false, 0));
            }
            initial = states();
        }

        List<String> states() {
            return members.stream().map(m -> m.server() + " " + m.state() + " " + m.markedByDrain()).toList();
        }

        @Override
        public List<DeviceMember> members(Deployment deployment) {
            return List.copyOf(members);
        }

        private void set(String server, DeviceMember.State state, boolean mark) {
            members.replaceAll(m -> m.server().equals(server) ? new DeviceMember(m.service(), m.group(), m.server(),
                    m.port(), m.failover(), state, m.available(), mark, 0) : m);
        }

        @Override
        public DrainResult drain(Deployment deployment, String server, DrainOptions options) {
            calls.add("drain " + server);
            if (refuse) {
                return new DrainResult("fake", server, DrainResult.Outcome.REFUSED, List.of(), Optional.empty(), 1, 0,
                        server + " is the last member up");
            }
            if (!drainDoesNothing) {
                set(server, DeviceMember.State.DISABLED, true);
            }
            if (onDrain != null) {
                onDrain.accept(server);
            }
            if (afterDrain != null) {
                Runnable r = afterDrain;
                afterDrain = null;
                r.run();
            }
            return new DrainResult("fake", server, DrainResult.Outcome.DRAINED,
                    List.of(new MemberChange("sg_web", "enabled", "disabled", 0)), Optional.empty(), 2, 0, "");
        }

        @Override
        public DrainResult enable(Deployment deployment, String server, DrainOptions options) {
            calls.add("enable " + server);
            if (failEnables > 0) {
                failEnables--;
                throw new DeviceException(500, "1", "Internal error", "servicegroup", "POST");
            }
            if (!enableDoesNothing && members.stream().anyMatch(m -> m.server().equals(server) && m.markedByDrain())) {
                set(server, DeviceMember.State.ENABLED, false);
            }
            if (onEnable != null) {
                onEnable.accept(server);
            }
            return new DrainResult("fake", server, DrainResult.Outcome.ENABLED,
                    List.of(new MemberChange("sg_web", "disabled", "enabled", 0)), Optional.empty(), 2, 0, "");
        }
    }
}
