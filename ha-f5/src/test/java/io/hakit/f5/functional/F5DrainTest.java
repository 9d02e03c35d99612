package io.hakit.f5.functional;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.f5.F5Adapter;
import io.hakit.f5.sim.F5Simulator;
import io.hakit.model.Deployment;
import io.hakit.model.ops.DrainListener;
import io.hakit.model.ops.DrainOptions;
import io.hakit.model.ops.DrainResult;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Plan;
import io.hakit.model.validate.AuditReport;
import io.hakit.test.F5SimulatorTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drain and enable against the iControl REST simulator, after the reference deployment is applied. */
@F5SimulatorTest
class F5DrainTest {

    private static final String APP1 = "app1.hospital.org";
    private static final String APP2 = "app2.hospital.org";
    private static final String WEB = "/Common/ps-web-services-7002";

    @TempDir
    Path dir;
    F5Simulator sim;
    Deployment d;
    F5Adapter f5;

    @BeforeEach
    void applied() {
        d = SimFixtures.reference(dir);
        f5 = F5Adapter.builder().url(sim.url()).credentials("admin", "admin").lbKey(SimFixtures.lbKey(dir)).build();
        ApplyResult r = f5.apply(d, f5.plan(d), ApplyListener.NONE);
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
    }

    private List<JsonNode> members(String server) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode pool : sim.snapshot().findValues("members")) {
            pool.forEach(m -> {
                if (m.path("name").asText().startsWith(server + ":")) {
                    out.add(m);
                }
            });
        }
        return out;
    }

    @Test
    void drainThenEnableRoundTripsToAnIdenticalDevice() {
        JsonNode before = sim.snapshot();
        DrainResult drained = f5.drain(d, APP1, DrainOptions.of(o -> o.waitFor(Duration.ZERO)));
        assertThat(drained.outcome()).isEqualTo(DrainResult.Outcome.DRAINED);
        assertThat(drained.members()).isNotEmpty().allSatisfy(m -> assertThat(m.after()).isEqualTo("disabled"));
        assertThat(drained.members().get(0).farm()).startsWith("ps-hl7-");
        assertThat(drained.hl7Active()).contains(APP2);
        assertThat(members(APP1)).isNotEmpty().allSatisfy(m -> {
            assertThat(m.path("session").asText()).isEqualTo("user-disabled");
            assertThat(m.path("description").asText()).startsWith("hakit-drained:");
        });
        assertThat(members(APP2)).allSatisfy(m -> assertThat(m.path("session").asText()).isEqualTo("user-enabled"));
        DrainResult enabled = f5.enable(d, APP1, DrainOptions.DEFAULTS);
        assertThat(enabled.outcome()).isEqualTo(DrainResult.Outcome.ENABLED);
        assertThat(sim.snapshot()).isEqualTo(before);
    }

    @Test
    void offlineIsUndoneByEnableToo() {
        JsonNode before = sim.snapshot();
        DrainResult drained = f5.drain(d, APP1, DrainOptions.of(o -> o.waitFor(Duration.ZERO).offline(true)));
        assertThat(drained.members()).allSatisfy(m -> assertThat(m.after()).isEqualTo("offline"));
        assertThat(members(APP1)).allSatisfy(m -> assertThat(m.path("state").asText()).isEqualTo("user-down"));
        f5.enable(d, APP1, DrainOptions.DEFAULTS);
        assertThat(members(APP1)).allSatisfy(m -> assertThat(m.path("session").asText()).isEqualTo("user-enabled"));
        assertThat(members(APP1)).allSatisfy(m -> assertThat(m.has("description")).isFalse());
        assertThat(sim.snapshot().toString().replace("\"state\":\"user-up\"", "\"state\":\"unchecked\""))
                .isEqualTo(before.toString());
    }

    @Test
    void drainingTheLastMemberUpIsRefusedWithNoWrite() {
        sim.modify("/mgmt/tm/ltm/pool/~Common~ps-web-services-7002/members/~Common~" + APP2 + ":7002",
                Map.of("session", "user-disabled"));
        JsonNode before = sim.snapshot();
        int writes = sim.writeCount();
        DrainResult refused = f5.drain(d, APP1, DrainOptions.DEFAULTS);
        assertThat(refused.outcome()).isEqualTo(DrainResult.Outcome.REFUSED);
        assertThat(refused.message()).contains(APP1 + " is the last member up in")
                .contains(APP2 + ":7002 in ps-web-services-7002 is disabled");
        assertThat(sim.writeCount()).isEqualTo(writes);
        assertThat(sim.snapshot()).isEqualTo(before);
    }

    @Test
    void enableLeavesAMemberTheOperatorDisabledBeforeTheDrain() {
        sim.modify("/mgmt/tm/ltm/pool/~Common~ps-reporting-7004/members/~Common~" + APP1 + ":7004",
                Map.of("session", "user-disabled"));
        JsonNode before = sim.snapshot();
        f5.drain(d, APP1, DrainOptions.of(o -> o.waitFor(Duration.ZERO)));
        f5.enable(d, APP1, DrainOptions.DEFAULTS);
        assertThat(sim.snapshot()).isEqualTo(before);
    }

    @Test
    void applyAfterADrainLeavesTheMemberDrainedAndPlanAndAuditWarn() {
        f5.drain(d, APP1, DrainOptions.of(o -> o.waitFor(Duration.ZERO)));
        JsonNode drained = sim.snapshot();
        Plan plan = f5.plan(d);
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.warnings()).isNotEmpty().allSatisfy(w -> {
            assertThat(w.rule()).isEqualTo("OPS-001");
            assertThat(w.message()).contains(APP1).contains("user-disabled");
        });
        int writes = sim.writeCount();
        f5.apply(d, plan, ApplyListener.NONE);
        assertThat(sim.writeCount()).isEqualTo(writes);
        assertThat(sim.snapshot()).isEqualTo(drained);
        AuditReport audit = f5.audit(Optional.of(d));
        assertThat(audit.findings()).anySatisfy(f -> assertThat(f.rule()).isEqualTo("OPS-001"));
    }

    @Test
    void theWaitEndsWhenTheTestLowersTheConnections() {
        sim.connections(WEB, "/Common/" + APP1 + ":7002", 3);
        List<Long> seen = new ArrayList<>();
        DrainResult r = f5.drain(d, APP1, DrainOptions.of(o -> o.waitFor(Duration.ofSeconds(30))
                .poll(Duration.ofMillis(50)).listener(new DrainListener() {
                    @Override
                    public void waiting(long connections, Duration waited, Duration limit) {
                        seen.add(connections);
                        if (connections > 0) {
                            sim.connections(WEB, "/Common/" + APP1 + ":7002", connections - 1);
                        }
                    }
                })));
        assertThat(seen).startsWith(3L).endsWith(0L);
        assertThat(r.connections()).isZero();
    }

    @Test
    void theWaitEndsAtItsLimitWithTheConnectionsLeft() {
        sim.connections(WEB, "/Common/" + APP1 + ":7002", 2);
        DrainResult r = f5.drain(d, APP1, DrainOptions.of(o -> o.waitFor(Duration.ofMillis(300))
                .poll(Duration.ofMillis(100))));
        assertThat(r.outcome()).isEqualTo(DrainResult.Outcome.DRAINED);
        assertThat(r.connections()).isEqualTo(2);
    }
}
