package io.hakit.citrix.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.citrix.CitrixAdapter;
import io.hakit.citrix.Fixtures;
import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.model.Deployment;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Plan;
import io.hakit.test.CitrixSimulatorTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@CitrixSimulatorTest
class ReferenceApplyTest {

    @TempDir
    Path dir;

    @Test
    void convergesTheReferenceDeploymentAndReplansEmpty(CitrixSimulator sim) {
        Deployment d = Fixtures.reference();
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            Plan plan = adc.plan(d);
            assertThat(plan.conflicts()).isEmpty();
            ApplyResult result = adc.apply(d, plan, ApplyListener.NONE);
            assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            sim.clearRequests();
            int writes = sim.writeCount();
            Plan again = adc.plan(d);
            assertThat(again.changes()).isEmpty();
            assertThat(sim.writeCount()).isEqualTo(writes);
        }
    }
}
