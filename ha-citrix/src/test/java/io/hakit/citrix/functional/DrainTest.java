package io.hakit.citrix.functional;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.citrix.CitrixAdapter;
import io.hakit.citrix.Fixtures;
import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.model.Deployment;
import io.hakit.model.ops.DrainListener;
import io.hakit.model.ops.DrainOptions;
import io.hakit.model.ops.DrainResult;
import io.hakit.model.ops.MemberChange;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Plan;
import io.hakit.model.validate.AuditReport;
import io.hakit.test.CitrixSimulatorTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drain and enable against the NITRO simulator, after the reference deployment is applied. */
@CitrixSimulatorTest
class DrainTest {

    private static final String APP1 = "app1.hospital.org";
    private static final String APP2 = "app2.hospital.org";
    private static final String MEMBER = "servicegroup_servicegroupmember_binding";

    @TempDir
    Path dir;

    private final Deployment d = Fixtures.reference();

    private CitrixAdapter applied(CitrixSimulator sim) {
        CitrixAdapter adc = Fixtures.adapter(sim, dir);
        ApplyResult r = adc.apply(d, adc.plan(d), ApplyListener.NONE);
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        return adc;
    }

    @Test
    void drainThenEnableRoundTripsToAnIdenticalDevice(CitrixSimulator sim) {
        try (CitrixAdapter adc = applied(sim)) {
            JsonNode before = sim.snapshot();
            DrainResult drained = adc.drain(d, APP1, DrainOptions.of(o -> o.waitFor(Duration.ZERO)));
            assertThat(drained.outcome()).isEqualTo(DrainResult.Outcome.DRAINED);
            assertThat(drained.members()).isNotEmpty().allSatisfy(m -> {
                assertThat(m.before()).isEqualTo("enabled");
                assertThat(m.after()).isEqualTo("disabled");
            });
            assertThat(drained.members().get(0).farm()).startsWith("hakit-sg-hl7-");
            assertThat(drained.hl7Active()).contains(APP2);
            for (JsonNode m : sim.snapshot().path(MEMBER)) {
                boolean app1 = m.path("servername").asText().equals(APP1);
                assertThat(m.path("state").asText()).isEqualTo(app1 ? "DISABLED" : "ENABLED");
                assertThat(m.path("graceful").asText("NO")).isEqualTo(app1 ? "YES" : "NO");
            }
            assertThat(sim.snapshot()).isNotEqualTo(before);
            DrainResult enabled = adc.enable(d, APP1, DrainOptions.DEFAULTS);
            assertThat(enabled.outcome()).isEqualTo(DrainResult.Outcome.ENABLED);
            assertThat(enabled.hl7Active()).contains(APP1);
            assertThat(sim.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void drainingTheLastMemberUpIsRefusedWithNoWrite(CitrixSimulator sim) {
        try (CitrixAdapter adc = applied(sim)) {
            adc.client().action("servicegroup", "disable", Map.of("servicegroupname", "hakit-sg-web-services-7002",
                    "servername", APP2, "port", 7002));
            JsonNode before = sim.snapshot();
            int writes = sim.writeCount();
            DrainResult refused = adc.drain(d, APP1, DrainOptions.DEFAULTS);
            assertThat(refused.outcome()).isEqualTo(DrainResult.Outcome.REFUSED);
            assertThat(refused.message()).contains(APP1 + " is the last member up in")
                    .contains(APP2 + ":7002 in hakit-sg-web-services-7002 is disabled");
            assertThat(sim.writeCount()).isEqualTo(writes);
            assertThat(sim.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void enableLeavesAMemberTheOperatorDisabledBeforeTheDrain(CitrixSimulator sim) {
        try (CitrixAdapter adc = applied(sim)) {
            adc.client().action("servicegroup", "disable", Map.of("servicegroupname", "hakit-sg-reporting-7004",
                    "servername", APP1, "port", 7004));
            JsonNode before = sim.snapshot();
            adc.drain(d, APP1, DrainOptions.of(o -> o.waitFor(Duration.ZERO)));
            adc.enable(d, APP1, DrainOptions.DEFAULTS);
            assertThat(sim.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void applyAfterADrainLeavesTheMemberDrainedAndPlanAndAuditWarn(CitrixSimulator sim) {
        try (CitrixAdapter adc = applied(sim)) {
            adc.drain(d, APP1, DrainOptions.of(o -> o.waitFor(Duration.ZERO)));
            JsonNode drained = sim.snapshot();
            Plan plan = adc.plan(d);
            assertThat(plan.changes()).isEmpty();
            assertThat(plan.warnings()).isNotEmpty().allSatisfy(w -> {
                assertThat(w.rule()).isEqualTo("OPS-001");
                assertThat(w.message()).contains(APP1).contains("DISABLED").contains("high availability reduced");
            });
            assertThat(plan.toText()).contains("warning OPS-001");
            int writes = sim.writeCount();
            ApplyResult r = adc.apply(d, plan, ApplyListener.NONE);
            assertThat(r.outcome()).isNotEqualTo(ApplyResult.Outcome.FAILED);
            assertThat(sim.writeCount()).isEqualTo(writes);
            assertThat(sim.snapshot()).isEqualTo(drained);
            AuditReport audit = adc.audit(Optional.of(d));
            assertThat(audit.findings()).anySatisfy(f -> assertThat(f.rule()).isEqualTo("OPS-001"));
        }
    }

    @Test
    void theGracefulWaitEndsWhenTheTestLowersTheConnections(CitrixSimulator sim) throws Exception {
        try (CitrixAdapter adc = applied(sim)) {
            sim.connections("hakit-sg-web-services-7002", APP1, 7002, 3);
            List<Long> seen = new ArrayList<>();
            DrainResult r = adc.drain(d, APP1, DrainOptions.of(o -> o.waitFor(Duration.ofSeconds(30))
                    .poll(Duration.ofMillis(50)).listener(new DrainListener() {
                        @Override
                        public void waiting(long connections, Duration waited, Duration limit) {
                            seen.add(connections);
                            if (connections > 0) {
                                sim.connections("hakit-sg-web-services-7002", APP1, 7002, connections - 1);
                            }
                        }
                    })));
            assertThat(r.outcome()).isEqualTo(DrainResult.Outcome.DRAINED);
            assertThat(seen).startsWith(3L).endsWith(0L);
            assertThat(r.members()).extracting(MemberChange::connections).containsOnly(0L);
        }
    }

    @Test
    void theWaitEndsAtItsLimitWithTheConnectionsLeft(CitrixSimulator sim) {
        try (CitrixAdapter adc = applied(sim)) {
            sim.connections("hakit-sg-web-services-7002", APP1, 7002, 2);
            DrainResult r = adc.drain(d, APP1, DrainOptions.of(o -> o.waitFor(Duration.ofMillis(300))
                    .poll(Duration.ofMillis(100))));
            assertThat(r.outcome()).isEqualTo(DrainResult.Outcome.DRAINED);
            assertThat(r.connections()).isEqualTo(2);
            assertThat(r.members()).filteredOn(m -> m.farm().equals("hakit-sg-web-services-7002")).singleElement()
                    .satisfies(m -> assertThat(m.connections()).isEqualTo(2));
        }
    }
}
